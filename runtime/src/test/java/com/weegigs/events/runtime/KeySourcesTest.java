package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Tokens;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.sun.net.httpserver.HttpServer;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Each way of giving the verification keys, over a real nats-server: HS256, RS256 and ES256 keys, a JWKS file and a JWKS URL. */
class KeySourcesTest extends GuardedServiceTest {
  KeySourcesTest(NatsServer server) {
    super(server);
  }

  private Message deposit(String token) throws Exception {
    return client.requestWithTimeout("guarded.command.safe.deposit", new Headers().put("Authorization", "Bearer " + token),
        utf8(command("safe", "s-1", "{\"amount\":1}", null)), TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static void assertServed(Message reply) {
    assertNull(reply.getHeaders(), () -> new String(reply.getData(), StandardCharsets.UTF_8));
  }

  private static JWTClaimsSet.Builder alice() {
    return Tokens.claims("alice");
  }

  @Test
  void hs256WithASharedSecret() throws Exception {
    start(AuthenticationConfig.hmac(Tokens.SECRET, Tokens.ISSUER, Tokens.AUDIENCE));

    assertServed(deposit(Tokens.hs256(alice())));
    String otherSecret = Tokens.sign(JWSAlgorithm.HS256, null, alice(),
        new MACSigner("another secret of at least thirty-two bytes".getBytes(StandardCharsets.UTF_8)));
    assertError(deposit(otherSecret), ErrorCode.UNAUTHENTICATED);
    assertError(deposit(Tokens.rs256(alice())), ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void rs256WithAPublicKeyInPem() throws Exception {
    start(AuthenticationConfig.publicKey(Tokens.rsaPem(), AuthenticationConfig.Algorithm.RS256, Tokens.ISSUER,
        Tokens.AUDIENCE));

    assertServed(deposit(Tokens.rs256(alice())));
    assertError(deposit(Tokens.es256(alice())), ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void es256WithAPublicKeyInPem() throws Exception {
    start(AuthenticationConfig.publicKey(Tokens.ecPem(), AuthenticationConfig.Algorithm.ES256, Tokens.ISSUER,
        Tokens.AUDIENCE));

    assertServed(deposit(Tokens.es256(alice())));
    assertError(deposit(Tokens.rs256(alice())), ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aJwksFileWhoseKeyIdsPickTheKey(@TempDir Path directory) throws Exception {
    Path jwks = directory.resolve("jwks.json");
    Files.writeString(jwks, new JWKSet(List.of(Tokens.RSA.toPublicJWK(), Tokens.EC.toPublicJWK())).toString());
    start(AuthenticationConfig.jwksFile(jwks, Tokens.ISSUER, Tokens.AUDIENCE));

    assertServed(deposit(Tokens.rs256(alice())));
    assertServed(deposit(Tokens.es256(alice())));
    assertError(deposit(signedByAStranger("rsa-1")), ErrorCode.UNAUTHENTICATED);
    assertError(deposit(Tokens.hs256(alice())), ErrorCode.UNAUTHENTICATED);
  }

  @Test
  void aJwksUrlFetchedOnceAndKeptForItsTtl() throws Exception {
    AtomicInteger fetched = new AtomicInteger();
    byte[] body = new JWKSet(Tokens.RSA.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
    HttpServer http = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    http.createContext("/jwks.json", exchange -> {
      fetched.incrementAndGet();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, body.length);
      exchange.getResponseBody().write(body);
      exchange.close();
    });
    http.start();
    try {
      URI uri = URI.create("http://127.0.0.1:" + http.getAddress().getPort() + "/jwks.json");
      start(AuthenticationConfig.jwksUrl(uri, Duration.ofMinutes(5), Tokens.ISSUER, Tokens.AUDIENCE)
          .withAlgorithms(AuthenticationConfig.Algorithm.RS256));

      assertServed(deposit(Tokens.rs256(alice())));
      assertServed(deposit(Tokens.rs256(Tokens.claims("bob"))));
      assertEquals(1, fetched.get(), "the set is kept for its TTL");
      assertError(deposit(Tokens.es256(alice())), ErrorCode.UNAUTHENTICATED);
    } finally {
      http.stop(0);
    }
  }

  @Test
  void aKeyThatCannotBeReadFailsTheStartBeforeConnecting(@TempDir Path directory) {
    IllegalArgumentException pem = assertThrows(IllegalArgumentException.class, () -> start(
        AuthenticationConfig.publicKey("-----BEGIN PUBLIC KEY-----\nbm90IGEga2V5\n-----END PUBLIC KEY-----",
            AuthenticationConfig.Algorithm.RS256, Tokens.ISSUER, Tokens.AUDIENCE)));
    assertTrue(pem.getMessage().contains("neither an RSA nor an EC key"), pem.getMessage());
    IllegalArgumentException kind = assertThrows(IllegalArgumentException.class, () -> start(
        AuthenticationConfig.publicKey(Tokens.ecPem(), AuthenticationConfig.Algorithm.RS256, Tokens.ISSUER, Tokens.AUDIENCE)));
    assertEquals("the public key is an EC key, which verifies ES256 only, not [RS256]", kind.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class, () -> start(
        AuthenticationConfig.jwksFile(directory.resolve("absent.json"), Tokens.ISSUER, Tokens.AUDIENCE)));
    assertTrue(missing.getMessage().startsWith("cannot read the JWKS file"), missing.getMessage());
  }

  /** An RS256 token signed by a key the service does not know, naming a key id it does. */
  private static String signedByAStranger(String keyId) throws JOSEException {
    RSAKey stranger = new RSAKeyGenerator(2048).keyID(keyId).generate();
    return Tokens.sign(JWSAlgorithm.RS256, keyId, alice(), new RSASSASigner(stranger));
  }
}
