package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.connection.TlsConfig;
import com.weegigs.events.runtime.fixtures.TestPki;
import com.weegigs.events.testing.NatsServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code demo --secure}: the service and the session on a nats-server that requires TLS, with a
 * JWT on every request; the till is refused the void, the manager voids.
 */
class SecureDemoTest {
  private static final byte[] SECRET = "the secure demo test's HS256 secret".getBytes(StandardCharsets.UTF_8);

  @Test
  void theSecureTranscriptRunsOverTlsWithATokenPerRequestAndOneForbiddenVoid(@TempDir Path directory) throws Exception {
    TestPki pki = TestPki.authority(directory, "demo-ca");
    TestPki.Issued certificate = pki.server("server", "localhost", "127.0.0.1");
    String tls = "tls {\n  cert_file: \"" + certificate.certificate() + "\"\n  key_file: \"" + certificate.key() + "\"\n}\n";
    try (NatsServer server = NatsServer.launchWithConfig(tls)) {
      Main.Secure secure = new Main.Secure(TlsConfig.trusting(pki.caFile()), SECRET);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        assertEquals(0, Main.demo(server.url(), new Main.DemoRun(true, Demo.Part.WHOLE, "till-1 secure"), secure, out));
      }
      String transcript = bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n");
      for (String expected : new String[] {
          "a bearer token on every request: till-1 (roles: clerk); the void also as manager-1 (roles: manager)",
          "revision 2, open, total 12.25: Coffee 4.50 x 2; Muffin 3.25 x 1",
          "VALIDATION_FAILED (400): command add-item is not valid",
          "recorded receipt-finalized final total 3.25, 1 line(s)",
          ">  void-receipt 'wrong table' as till-1 (roles: clerk)\n"
              + "<  FORBIDDEN (403): the caller may not send command void-receipt of receipt\n",
          ">  void-receipt 'wrong table' as manager-1 (roles: manager)\n"
              + "<  recorded receipt-voided 'wrong table', voided total 3.25\n"
              + "<  receipt 'till-1 secure' revision 5, voided, total 3.25",
          "== events the live subscription received (5)",
          "*  #5 receipt-voided",
          "receipts.command.receipt.void-receipt  [command, queue group q]"}) {
        assertTrue(transcript.contains(expected), () -> "missing '" + expected + "' in:\n" + transcript);
      }
    }
  }
}
