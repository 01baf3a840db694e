package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The demo's transcript shows each step of the session with the outcome the rules give. */
@NatsTest
class DemoTest {

  @Test
  void theTranscriptShowsEveryStep(NatsServer server) throws Exception {
    try (TestServices.Running service = TestServices.receipts(server, builder -> builder)) {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        new Demo(server.connect(), out).run();
      }
      String transcript = bytes.toString(StandardCharsets.UTF_8);
      for (String expected : new String[] {
          "revision 1, open, total 9.00",
          "revision 2, open, total 12.25: Coffee 4.50 x 2; Muffin 3.25 x 1",
          "VALIDATION_FAILED (400): command add-item is not valid",
          "quantity: must be greater than or equal to 1",
          "REJECTED (422) item-not-found: Item 'Tea' not found on receipt",
          "revision 3, open, total 3.25: Muffin 3.25 x 1",
          "recorded receipt-finalized final total 3.25, 1 line(s)",
          "REJECTED (422) invalid-receipt-state: Cannot perform operation 'add-item' on closed receipt",
          "== events the live subscription received (4)",
          "*  #4 receipt-finalized",
          "io.nats.micro.v1.info_response: receipts 1.0.0 (instance " + service.service().id() + ")",
          "receipts.command.receipt.void-receipt  [command, queue group q]",
          "receipts.health  [health, queue group q]"}) {
        assertTrue(transcript.contains(expected), () -> "missing '" + expected + "' in:\n" + transcript);
      }
    }
  }

  @Test
  void theHalvesOfTheSessionMeetOnOneReceiptAcrossARestartOfTheService(NatsServer server) throws Exception {
    Connection connection = server.connect();
    String key = "till-2 restart";
    Session before = onANewInstance(server, connection, Demo.Part.BEFORE_RESTART, key);
    Session after = onANewInstance(server, connection, Demo.Part.AFTER_RESTART, key);
    String first = before.transcript();
    String second = after.transcript();
    for (String expected : new String[] {
        "receipt 'till-2 restart'",
        "revision 2, open, total 12.25: Coffee 4.50 x 2; Muffin 3.25 x 1",
        "== events the live subscription received (2)",
        "(instance " + before.instance() + ")"}) {
      assertTrue(first.contains(expected), () -> "missing '" + expected + "' in:\n" + first);
    }
    assertFalse(first.contains("finalize"), first);
    for (String expected : new String[] {
        "receipt 'till-2 restart', second half",
        ">  get (what the first half stored)\n<  receipt 'till-2 restart' revision 2, open, total 12.25",
        "REJECTED (422) item-not-found: Item 'Tea' not found on receipt",
        "recorded receipt-finalized final total 3.25, 1 line(s)",
        "== events the live subscription received (2)",
        "*  #3 item-removed",
        "*  #4 receipt-finalized",
        "(instance " + after.instance() + ")",
        "receipts.health  [health, queue group q]"}) {
      assertTrue(second.contains(expected), () -> "missing '" + expected + "' in:\n" + second);
    }
  }

  /** A part of the session's transcript, and the id of the service instance that served it. */
  private record Session(String transcript, String instance) {}

  /** Runs a part of the session on a new instance of the service storing in JetStream, then stops it. */
  private static Session onANewInstance(NatsServer server, Connection connection, Demo.Part part, String key) throws Exception {
    NatsService service = Main.startService(server.url(), Main.Store.JETSTREAM);
    try {
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        new Demo(connection, out).run(part, key);
      }
      return new Session(bytes.toString(StandardCharsets.UTF_8).replace(System.lineSeparator(), "\n"), service.id());
    } finally {
      service.close();
    }
  }
}
