package com.weegigs.events.runtime.connection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.AggregateClient;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.TestJwts;
import com.weegigs.events.runtime.fixtures.TestPki;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.NKey;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each way of securing a connection against a nats-server configured for it: a service started
 * with it answers a client that uses it, and a wrong credential or an untrusted certificate fails
 * the client's build and the service's start with an error that says why (the class timeout only
 * guards against a hang: every failure here returns on the first connection attempt).
 */
@Timeout(120)
class ConnectionSecurityTest {
  private static final SecureRandom RANDOM = new SecureRandom();

  @TempDir
  Path directory;

  @Test
  void userAndPassword() {
    try (NatsServer server = NatsServer.launchWithConfig(
        "authorization { users: [ { user: \"counters\", password: \"s3cret\" } ] }\n")) {
      NatsAuth good = NatsAuth.userPassword("counters", "s3cret");
      roundTrip(server, service -> service.withAuth(good), client -> client.withAuth(good));

      NatsAuth wrong = NatsAuth.userPassword("counters", "guess");
      assertRefused(server, client -> client.withAuth(wrong), "refused the credentials", "Authorization Violation");
      assertServiceRefused(server, service -> service.withAuth(wrong), "refused the credentials");
      assertRefused(server, client -> client, "requires authentication", "withAuth");
    }
  }

  @Test
  void token() {
    try (NatsServer server = NatsServer.launchWithConfig("authorization { token: \"t0ken-for-tests\" }\n")) {
      NatsAuth good = NatsAuth.token("t0ken-for-tests");
      roundTrip(server, service -> service.withAuth(good), client -> client.withAuth(good));
      assertRefused(server, client -> client.withAuth(NatsAuth.token("other")), "refused the credentials", "Token[***]");
    }
  }

  @Test
  void nkeySeed() throws Exception {
    NKey user = NKey.createUser(RANDOM);
    NKey stranger = NKey.createUser(RANDOM);
    try (NatsServer server = NatsServer.launchWithConfig(
        "authorization { users: [ { nkey: \"" + new String(user.getPublicKey()) + "\" } ] }\n")) {
      NatsAuth good = NatsAuth.nkeySeed(new String(user.getSeed()));
      roundTrip(server, service -> service.withAuth(good), client -> client.withAuth(good));
      assertRefused(server, client -> client.withAuth(NatsAuth.nkeySeed(new String(stranger.getSeed()))),
          "refused the credentials", new String(stranger.getPublicKey()));
    }
  }

  @Test
  void credentialsFileInOperatorMode() {
    TestJwts jwts = TestJwts.create();
    try (NatsServer server = NatsServer.launchWithConfig(jwts.serverConfig())) {
      NatsAuth good = NatsAuth.credentials(jwts.userCredentials(directory.resolve("user.creds"), Duration.ZERO, null));
      roundTrip(server, service -> service.withAuth(good), client -> client.withAuth(good));

      NatsAuth expired = NatsAuth.credentials(
          jwts.userCredentials(directory.resolve("expired.creds"), Duration.ofHours(2), Duration.ofHours(1)));
      assertRefused(server, client -> client.withAuth(expired), "expired", "renew the user JWT");
      assertServiceRefused(server, service -> service.withAuth(expired), "expired");

      NatsAuth otherOperator = NatsAuth.credentials(
          TestJwts.create().userCredentials(directory.resolve("stranger.creds"), Duration.ZERO, null));
      assertRefused(server, client -> client.withAuth(otherOperator), "refused the credentials", "stranger.creds");
    }
  }

  @Test
  void tlsWithATrustedCa() {
    TestPki pki = TestPki.authority(directory, "trusted");
    TestPki.Issued certificate = pki.server("server", "localhost", "127.0.0.1");
    try (NatsServer server = NatsServer.launchWithConfig(tlsConfig(pki, certificate, false))) {
      TlsConfig tls = TlsConfig.trusting(pki.caFile());
      roundTrip(server, service -> service.withTls(tls), client -> client.withTls(tls));

      TlsConfig otherCa = TlsConfig.trusting(TestPki.authority(directory, "other").caFile());
      assertRefused(server, client -> client.withTls(otherCa), "not signed by a CA that withTls(...) trusts");
      assertServiceRefused(server, service -> service.withTls(otherCa), "not signed by a CA");
      assertRefused(server, client -> client, "TLS");
    }
  }

  @Test
  void tlsHostnameVerification() {
    TestPki pki = TestPki.authority(directory, "trusted");
    TestPki.Issued elsewhere = pki.server("elsewhere", "elsewhere.example");
    try (NatsServer server = NatsServer.launchWithConfig(tlsConfig(pki, elsewhere, false))) {
      TlsConfig tls = TlsConfig.trusting(pki.caFile());
      assertRefused(server, client -> client.withTls(tls), "does not name the host connected to");

      TlsConfig anyHost = tls.withoutHostnameVerification();
      roundTrip(server, service -> service.withTls(anyHost), client -> client.withTls(anyHost));
    }
  }

  @Test
  void mutualTls() {
    TestPki pki = TestPki.authority(directory, "trusted");
    TestPki.Issued certificate = pki.server("server", "127.0.0.1");
    TestPki.Issued clientCertificate = pki.client("client");
    try (NatsServer server = NatsServer.launchWithConfig(tlsConfig(pki, certificate, true))) {
      TlsConfig tls = TlsConfig.trusting(pki.caFile())
          .withClientCertificate(clientCertificate.certificate(), clientCertificate.key());
      roundTrip(server, service -> service.withTls(tls), client -> client.withTls(tls));

      TlsConfig strangerCertificate = TlsConfig.trusting(pki.caFile()).withClientCertificate(
          TestPki.authority(directory, "other").client("stranger").certificate(),
          directory.resolve("stranger-key.pem"));
      assertRefused(server, client -> client.withTls(TlsConfig.trusting(pki.caFile())), "does not trust the client certificate");
      assertRefused(server, client -> client.withTls(strangerCertificate), "does not trust the client certificate");
    }
  }

  @Test
  void tlsAndPasswordTogether() {
    TestPki pki = TestPki.authority(directory, "trusted");
    TestPki.Issued certificate = pki.server("server", "127.0.0.1");
    try (NatsServer server = NatsServer.launchWithConfig(tlsConfig(pki, certificate, false)
        + "authorization { users: [ { user: \"counters\", password: \"s3cret\" } ] }\n")) {
      TlsConfig tls = TlsConfig.trusting(pki.caFile());
      NatsAuth auth = NatsAuth.userPassword("counters", "s3cret");
      roundTrip(server, service -> service.withTls(tls).withAuth(auth), client -> client.withAuth(auth).withTls(tls));
      assertRefused(server, client -> client.withTls(tls).withAuth(NatsAuth.userPassword("counters", "guess")),
          "refused the credentials");
    }
  }

  private static String tlsConfig(TestPki pki, TestPki.Issued certificate, boolean verifyClients) {
    return "tls {\n"
        + "  cert_file: \"" + certificate.certificate() + "\"\n"
        + "  key_file: \"" + certificate.key() + "\"\n"
        + "  ca_file: \"" + pki.caFile() + "\"\n"
        + (verifyClients ? "  verify: true\n" : "")
        + "  timeout: 2\n"
        + "}\n";
  }

  /** Starts the counters service and calls it from a client, each secured by its operator. */
  private static void roundTrip(NatsServer server, UnaryOperator<NatsService.Builder> serviceSecurity,
      UnaryOperator<ServiceClient.Builder> clientSecurity) {
    try (NatsService service = serviceSecurity.apply(NatsService.builder(Counters.SERVICE)
            .natsUrl(server.url())
            .aggregate(Counters.counterDefinition())
            .aggregate(Counters.accountDefinition()))
        .start();
        ServiceClient client = clientSecurity.apply(ServiceClient.builder("counters").url(server.url())).build()) {
      AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
      assertEquals(new Counter("c-1", 3),
          AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(3), CallOptions.DEFAULT)).entity().state());
    }
  }

  private static void assertRefused(NatsServer server, UnaryOperator<ServiceClient.Builder> clientSecurity, String... expected) {
    UnavailableException failure = assertThrows(UnavailableException.class,
        () -> clientSecurity.apply(ServiceClient.builder("counters").url(server.url())).build().close());
    for (String text : expected) {
      assertTrue(failure.getMessage().contains(text), "'" + text + "' in: " + failure.getMessage());
    }
  }

  private static void assertServiceRefused(NatsServer server, UnaryOperator<NatsService.Builder> serviceSecurity, String expected) {
    IllegalStateException failure = assertThrows(IllegalStateException.class,
        () -> serviceSecurity.apply(NatsService.builder(Counters.SERVICE)
                .natsUrl(server.url())
                .aggregate(Counters.counterDefinition())
                .aggregate(Counters.accountDefinition()))
            .start().close());
    assertTrue(failure.getMessage().contains(expected), "'" + expected + "' in: " + failure.getMessage());
  }
}
