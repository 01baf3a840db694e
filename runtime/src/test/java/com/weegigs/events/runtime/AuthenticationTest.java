package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.query;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.crypto.MACSigner;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Guarded;
import com.weegigs.events.runtime.fixtures.Tokens;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.runtime.service.RequestContext;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Per-request authentication over a real nats-server, with RS256 configured (the usual setup):
 * every hostile token is {@code UNAUTHENTICATED} with nothing that helps an attacker, and the
 * service goes on serving; a valid one lets the command run as its subject.
 */
class AuthenticationTest extends GuardedServiceTest {
  private static final String DEPOSIT = "guarded.command.safe.deposit";
  private static final String NOT_VALID = "the bearer token is not valid";

  private final Queue<RequestContext> intercepted = new ConcurrentLinkedQueue<>();

  AuthenticationTest(NatsServer server) {
    super(server);
    started(NatsService.builder(Guarded.SERVICE)
        .natsUrl(server.url())
        .withAuthentication(AuthenticationConfig.publicKey(Tokens.rsaPem(),
            AuthenticationConfig.Algorithm.RS256, Tokens.ISSUER, Tokens.AUDIENCE))
        .withInterceptor(intercepted::add)
        .aggregate(Guarded.definition(handled))
        .start());
  }

  private Message deposit(String authorization) throws Exception {
    Headers headers = authorization == null ? null : new Headers().put("Authorization", authorization);
    return send(DEPOSIT, headers, command("safe", "s-1", "{\"amount\":5}", null));
  }

  private Message send(String subject, Headers headers, String body) throws Exception {
    Message reply = client.requestWithTimeout(subject, headers, utf8(body), TIMEOUT)
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(reply);
    return reply;
  }

  /** Refused as not authenticated, saying only {@code message}; nothing ran; a valid token still gets through. */
  private void assertRefused(Message reply, String message) throws Exception {
    ErrorReplies.ErrorReply error = assertError(reply, ErrorCode.UNAUTHENTICATED);
    assertEquals(message, error.message());
    assertEquals(Map.of(), error.details());
    assertEquals(message, reply.getHeaders().getFirst("Nats-Service-Error"));
    assertTrue(handled.isEmpty(), "the handler did not run");
    assertTrue(intercepted.isEmpty(), "no interceptor saw the request");

    Message served = deposit("Bearer " + Tokens.rs256(Tokens.claims("alice")));
    assertNull(served.getHeaders(), () -> new String(served.getData(), StandardCharsets.UTF_8));
    assertTrue(EntityReplies.decodeEntity(served.getData(), Guarded.SAFE).entity().state().value() > 0);
    assertEquals(1, handled.size(), "the service still serves");
    handled.clear();
    intercepted.clear();
  }

  @Test
  void aMissingTokenIsRefused() throws Exception {
    assertRefused(deposit(null), "this request needs an Authorization header with a bearer token");
  }

  @Test
  void aMalformedTokenIsRefused() throws Exception {
    assertRefused(deposit("Bearer not.a-jwt"), NOT_VALID);
    assertRefused(deposit("Bearer "), NOT_VALID);
  }

  @Test
  void anotherSchemeThanBearerIsRefused() throws Exception {
    assertRefused(deposit("Basic YWxpY2U6c2VjcmV0"), NOT_VALID);
  }

  @Test
  void anUnsecuredTokenWithAlgNoneIsRefused() throws Exception {
    assertRefused(deposit("Bearer " + Tokens.unsecured(Tokens.claims("alice", "manager"))), NOT_VALID);
  }

  @Test
  void anHs256TokenSignedWithThePublicKeyIsRefusedWhenRs256IsConfigured() throws Exception {
    // algorithm confusion: the RSA public key, which the attacker knows, used as an HMAC secret
    byte[] publicKey = Tokens.rsaPem().getBytes(StandardCharsets.US_ASCII);
    String confused = Tokens.sign(JWSAlgorithm.HS256, Tokens.RSA.getKeyID(), Tokens.claims("mallory", "manager"),
        new MACSigner(publicKey));
    assertRefused(deposit("Bearer " + confused), NOT_VALID);
  }

  @Test
  void aTamperedSignatureIsRefused() throws Exception {
    assertRefused(deposit("Bearer " + Tokens.tampered(Tokens.rs256(Tokens.claims("alice")))), NOT_VALID);
  }

  @Test
  void tamperedClaimsAreRefused() throws Exception {
    String[] parts = Tokens.rs256(Tokens.claims("alice")).split("\\.");
    String other = Tokens.rs256(Tokens.claims("alice", "manager")).split("\\.")[1];
    assertRefused(deposit("Bearer " + parts[0] + "." + other + "." + parts[2]), NOT_VALID);
  }

  @Test
  void anExpiredTokenIsRefused() throws Exception {
    Instant past = Instant.now().minusSeconds(3600);
    assertRefused(deposit("Bearer " + Tokens.rs256(Tokens.claims(claims -> claims
        .issueTime(Date.from(past.minusSeconds(60))).expirationTime(Date.from(past)), "alice"))), NOT_VALID);
  }

  @Test
  void aTokenThatIsNotYetValidIsRefused() throws Exception {
    Instant later = Instant.now().plusSeconds(3600);
    assertRefused(deposit("Bearer " + Tokens.rs256(Tokens.claims(claims -> claims
        .notBeforeTime(Date.from(later)).expirationTime(Date.from(later.plusSeconds(300))), "alice"))), NOT_VALID);
  }

  @Test
  void aTokenOfAnotherIssuerIsRefused() throws Exception {
    assertRefused(deposit("Bearer " + Tokens.rs256(Tokens.claims(claims -> claims.issuer("https://evil.example.com/"),
        "alice"))), NOT_VALID);
  }

  @Test
  void aTokenForAnotherAudienceIsRefused() throws Exception {
    assertRefused(deposit("Bearer " + Tokens.rs256(Tokens.claims(claims -> claims.audience("billing"), "alice"))),
        NOT_VALID);
  }

  @Test
  void aTokenWithoutSubjectIsRefused() throws Exception {
    assertRefused(deposit("Bearer " + Tokens.rs256(Tokens.claims(claims -> claims.subject(null), "alice"))), NOT_VALID);
  }

  @Test
  void aTokenOf100KilobytesIsRefusedBeforeItIsParsed() throws Exception {
    String huge = Tokens.rs256(Tokens.claims(claims -> claims.claim("padding", "x".repeat(100 * 1024)), "alice"));
    assertTrue(huge.length() > 100 * 1024);
    assertRefused(deposit("Bearer " + huge), NOT_VALID);
  }

  @Test
  void twoAuthorizationHeadersAreRefused() throws Exception {
    String token = "Bearer " + Tokens.rs256(Tokens.claims("alice"));
    Headers headers = new Headers().add("Authorization", token, token);
    assertRefused(send(DEPOSIT, headers, command("safe", "s-1", "{\"amount\":5}", null)), NOT_VALID);
  }

  @Test
  void aTokenExpiredWithinTheClockSkewIsAccepted() throws Exception {
    Instant justPast = Instant.now().minusSeconds(20);
    Message reply = deposit("Bearer " + Tokens.rs256(Tokens.claims(claims -> claims
        .expirationTime(Date.from(justPast)), "alice")));
    assertNull(reply.getHeaders(), () -> new String(reply.getData(), StandardCharsets.UTF_8));
  }

  @Test
  void theVerifiedSubjectIsTheUserIdOfTheCommandAndItsEventsWhateverTheMetadataSaid() throws Exception {
    Headers headers = new Headers().put("authorization", "bearer " + Tokens.rs256(Tokens.claims("alice", "teller")));
    Message reply = send(DEPOSIT, headers, command("safe", "s-1", "{\"amount\":5}", "{\"userId\":\"mallory\"}"));

    CommandResult<Counter, Object> result = EntityReplies.decodeEntity(reply.getData(), Guarded.SAFE);
    assertEquals("alice", result.events().get(0).metadata().userId());
    CommandContext context = handled.remove();
    assertEquals(Optional.of("alice"), context.userId());
    assertEquals(Optional.of(new Principal("alice", Set.of("teller"))), context.principal());
    RequestContext request = intercepted.remove();
    assertEquals(Optional.of(new Principal("alice", Set.of("teller"))), request.principal());
  }

  @Test
  void theHealthCheckNeedsNoToken() throws Exception {
    Message reply = send("guarded.health", null, "");
    assertFalse(reply.hasHeaders() && reply.getHeaders().getFirst("Nats-Service-Error-Code") != null,
        () -> new String(reply.getData(), StandardCharsets.UTF_8));
    assertEquals(Optional.empty(), intercepted.remove().principal());
  }

  @Test
  void aQueryNeedsATokenToo() throws Exception {
    assertRefused(send("guarded.query.safe.get", null, query("safe", "s-1")),
        "this request needs an Authorization header with a bearer token");
  }
}
