package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.query;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.AggregateClient;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Guarded;
import com.weegigs.events.runtime.fixtures.Tokens;
import com.weegigs.events.runtime.internal.auth.AccessRules;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/**
 * Roles over a real nats-server: a command's or query's {@code Access} rule is {@code FORBIDDEN} for
 * a caller without a role it names, before the body is validated or the handler runs; a service
 * that restricts commands but does not authenticate refuses those requests {@code UNAUTHENTICATED};
 * the client sends tokens.
 */
class RolesTest extends GuardedServiceTest {
  RolesTest(NatsServer server) {
    super(server);
  }

  private NatsService start(UnaryOperator<AuthenticationConfig> configure) {
    return start(configure.apply(AuthenticationConfig.hmac(Tokens.SECRET, Tokens.ISSUER, Tokens.AUDIENCE)));
  }

  private Message send(String command, String payload, String token) throws Exception {
    Headers headers = new Headers().put("Authorization", "Bearer " + token);
    return client.requestWithTimeout("guarded.command.safe." + command, headers,
        utf8(command("safe", "s-1", payload, null)), TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }

  private static String token(String subject, String... roles) {
    return Tokens.hs256(Tokens.claims(subject, roles));
  }

  private static CommandResult<Counter, Object> assertOk(Message reply) {
    assertNull(reply.getHeaders(), () -> new String(reply.getData(), StandardCharsets.UTF_8));
    return EntityReplies.decodeEntity(reply.getData(), Guarded.SAFE);
  }

  @Test
  void aCommandRestrictedToRolesIsForbiddenToCallersWithoutOneAndRunsForThoseWithOne() throws Exception {
    start(config -> config);

    ErrorReplies.ErrorReply error = assertError(send("withdraw", "{\"amount\":3}", token("ann", "clerk")), ErrorCode.FORBIDDEN);
    assertEquals("the caller may not send command withdraw of safe", error.message());
    assertEquals(Map.of(), error.details());
    assertTrue(handled.isEmpty(), "the handler did not run");

    assertEquals(-3, assertOk(send("withdraw", "{\"amount\":3}", token("bob", "teller"))).entity().state().value());
    assertEquals(-5, assertOk(send("withdraw", "{\"amount\":2}", token("cat", "clerk", "manager"))).entity().state().value());
    assertEquals(5, assertOk(send("deposit", "{\"amount\":10}", token("ann"))).entity().state().value(),
        "permit all: any authenticated caller, with or without roles");
  }

  @Test
  void denyAllIsForbiddenToEveryone() throws Exception {
    start(config -> config);

    assertError(send("seal", "{\"amount\":1}", token("root", "teller", "manager", "auditor")), ErrorCode.FORBIDDEN);
    assertTrue(handled.isEmpty());
  }

  @Test
  void rolesAreCheckedBeforeTheCommandIsValidated() throws Exception {
    start(config -> config);

    // amount 0 is not valid; a caller who may not send the command learns nothing of its rules
    assertError(send("withdraw", "{\"amount\":0}", token("ann")), ErrorCode.FORBIDDEN);
    assertError(send("withdraw", "{\"amount\":0}", token("bob", "teller")), ErrorCode.VALIDATION_FAILED);
  }

  @Test
  void aQueryRestrictedOnTheAggregateIsForbiddenToOthers() throws Exception {
    start(config -> config);
    assertOk(send("deposit", "{\"amount\":4}", token("ann")));

    Message refused = client.requestWithTimeout("guarded.query.safe.get",
        new Headers().put("Authorization", "Bearer " + token("ann", "teller")), utf8(query("safe", "s-1")), TIMEOUT)
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("the caller may not send a query of safe", assertError(refused, ErrorCode.FORBIDDEN).message());
    Message allowed = client.requestWithTimeout("guarded.query.safe.get",
        new Headers().put("Authorization", "Bearer " + token("eve", "auditor")), utf8(query("safe", "s-1")), TIMEOUT)
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(4, assertOk(allowed).entity().state().value());
  }

  @Test
  void rolesCanComeFromASpaceSeparatedScopeClaim() throws Exception {
    start(config -> config.withRolesClaim("scope"));

    String scoped = Tokens.hs256(Tokens.claims("bob").claim("scope", "read teller"));
    assertEquals(-1, assertOk(send("withdraw", "{\"amount\":1}", scoped)).entity().state().value());
    assertError(send("withdraw", "{\"amount\":1}", token("ann", "teller")), ErrorCode.FORBIDDEN);
  }

  @Test
  void withoutAuthenticationRestrictedRequestsAreUnauthenticatedAndTheRestRun() throws Exception {
    started(NatsService.builder(Guarded.SERVICE)
        .natsUrl(server.url())
        .aggregate(Guarded.definition(handled))
        .start());

    // the caller learns that it must authenticate, and nothing of the rule
    for (String command : List.of("withdraw", "seal")) {
      Message refused = client.requestWithTimeout("guarded.command.safe." + command,
          new Headers().put("Authorization", "Bearer " + token("root", "teller", "manager")),
          utf8(command("safe", "s-1", "{\"amount\":1}", null)), TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
      ErrorReplies.ErrorReply error = assertError(refused, ErrorCode.UNAUTHENTICATED);
      assertEquals("this request needs an authenticated caller, and service guarded does not authenticate requests",
          error.message());
      assertEquals(Map.of(), error.details());
    }
    assertTrue(handled.isEmpty(), "no restricted handler ran");
    Message query = client.requestWithTimeout("guarded.query.safe.get", null, utf8(query("safe", "s-1")), TIMEOUT)
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertError(query, ErrorCode.UNAUTHENTICATED);

    Message deposited = client.requestWithTimeout("guarded.command.safe.deposit", null,
        utf8(command("safe", "s-1", "{\"amount\":2}", null)), TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(2, assertOk(deposited).entity().state().value(), "permit all runs without authentication");
  }

  @Test
  void aServiceWithRestrictedCommandsWarnsOnceAtStartWhenItDoesNotAuthenticate() {
    assertEquals("service guarded restricts who may call safe.withdraw (roles [teller, manager]), safe.seal (deny all), "
        + "safe query (roles [auditor]), but does not authenticate requests: every such request is refused "
        + "UNAUTHENTICATED; configure withAuthentication(...) to let callers with a verified role in",
        AccessRules.unauthenticatedWarning("guarded", List.of(Guarded.definition())));
    assertNull(AccessRules.unauthenticatedWarning("counters",
        List.of(com.weegigs.events.runtime.fixtures.Counters.counterDefinition())));
  }

  @Test
  void theClientSendsTheSuppliersTokenOnEveryCallAndACallsOwnTokenWins() throws Exception {
    start(config -> config);
    AtomicInteger asked = new AtomicInteger();
    try (ServiceClient guarded = ServiceClient.builder("guarded").connection(client)
        .withBearerToken(() -> {
          asked.incrementAndGet();
          return token("bob", "teller", "auditor");
        })
        .build()) {
      AggregateClient<Counter, Object> safes = new AggregateClient<>(guarded, Guarded.SAFE);

      CommandResult<Counter, Object> withdrawn =
          AggregateClient.await(safes.send(Guarded.WITHDRAW, "s-1", new Add(2), CallOptions.DEFAULT));
      assertEquals("bob", withdrawn.events().get(0).metadata().userId());
      assertEquals(-2, AggregateClient.await(safes.get("s-1", CallOptions.DEFAULT)).state().value());
      assertEquals(2, asked.get(), "one token per call, so a refreshing supplier works");

      assertThrows(ForbiddenException.class, () -> AggregateClient.await(
          safes.send(Guarded.WITHDRAW, "s-1", new Add(2), CallOptions.DEFAULT.withBearerToken(token("ann")))));
      assertEquals(2, asked.get(), "the call's own token is sent instead of asking the supplier");
    }
  }

  @Test
  void aClientWithoutATokenSendsNoAuthorizationAndIsRefused() throws Exception {
    start(config -> config);
    try (ServiceClient plain = ServiceClient.create(client, "guarded")) {
      AggregateClient<Counter, Object> safes = new AggregateClient<>(plain, Guarded.SAFE);
      assertThrows(UnauthenticatedException.class, () -> AggregateClient.await(
          safes.send(Guarded.DEPOSIT, "s-1", new Add(2), CallOptions.DEFAULT)));
    }
  }

  @Test
  void aSupplierThatFailsFailsTheCallUnsent() {
    start(config -> config);
    try (ServiceClient failing = ServiceClient.builder("guarded").connection(client)
        .withBearerToken(() -> {
          throw new IllegalStateException("the identity provider is down");
        })
        .build()) {
      AggregateClient<Counter, Object> safes = new AggregateClient<>(failing, Guarded.SAFE);
      assertThrows(UnauthenticatedException.class, () -> AggregateClient.await(
          safes.send(Guarded.DEPOSIT, "s-1", new Add(2), CallOptions.DEFAULT)));
      assertTrue(handled.isEmpty());
    }
  }

  @Test
  void withoutAuthenticationPermitAllCommandsKeepTheCallersUserId() throws Exception {
    started(NatsService.builder(com.weegigs.events.runtime.fixtures.Counters.SERVICE)
        .natsUrl(server.url())
        .aggregate(com.weegigs.events.runtime.fixtures.Counters.counterDefinition())
        .aggregate(com.weegigs.events.runtime.fixtures.Counters.accountDefinition())
        .start());
    Message reply = client.requestWithTimeout("counters.command.counter.add", null,
        utf8(command("counter", "c-1", "{\"amount\":1}", "{\"userId\":\"ann\"}")), TIMEOUT)
        .get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals("ann", EntityReplies.decodeEntity(reply.getData(),
        com.weegigs.events.runtime.fixtures.Counters.COUNTER).events().get(0).metadata().userId());
    assertEquals(List.of(), com.weegigs.events.runtime.internal.auth.AccessRules.restricted(
        List.of(com.weegigs.events.runtime.fixtures.Counters.counterDefinition())));
  }
}
