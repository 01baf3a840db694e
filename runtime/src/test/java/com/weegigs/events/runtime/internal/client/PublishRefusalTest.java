package com.weegigs.events.runtime.internal.client;

import static java.util.concurrent.TimeUnit.SECONDS;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.AggregateClient;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.connection.NatsAuth;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Options;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

/**
 * A request the NATS server refuses to let the connection publish fails at once with
 * {@code FORBIDDEN} naming the violation, long before its timeout: the server reports the refusal
 * to the connection's error listener, which fails the calls waiting on that subject. Every call
 * here has a 60 s timeout and is waited for at most 30 s, so a call that waited for its timeout
 * fails the test.
 */
class PublishRefusalTest {
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** May publish only to {@code held.>}, and hear its replies. */
  private static final NatsAuth TILL = NatsAuth.userPassword("till", "t1ll");

  private static NatsServer server;

  @BeforeAll
  static void startServer() {
    server = NatsServer.launchWithConfig("""
        authorization {
          users: [
            { user: "admin", password: "adm1n" }
            { user: "till", password: "t1ll", permissions: {
                publish: { allow: ["held.>"] }
                subscribe: { allow: ["_INBOX.>"] } } }
          ]
        }
        """);
  }

  @AfterAll
  static void stopServer() {
    server.close();
  }

  @Test
  void aClientsRefusedCommandFailsWithForbiddenBeforeItsTimeout() throws Exception {
    try (ServiceClient client = ServiceClient.builder("counters").url(server.url()).withAuth(TILL)
        .defaultTimeout(CALL_TIMEOUT).build()) {
      CompletableFuture<?> call = new AggregateClient<Counter, Object>(client, Counters.COUNTER)
          .send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT);

      ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(WAIT.toSeconds(), SECONDS));
      ForbiddenException forbidden = assertInstanceOf(ForbiddenException.class, failure.getCause());
      assertTrue(forbidden.getMessage().contains("Permissions Violation for Publish to \"counters.command.counter.add\""),
          forbidden.getMessage());
      assertTrue(call.isDone());
    }
  }

  @Test
  void aRefusalFailsOnlyTheCallsToItsSubjectOnItsConnection() throws Exception {
    try (Parties parties = Parties.connect()) {
      Requester requester = new Requester(parties.till(), null, Telemetry.NOOP);
      CompletableFuture<String> allowed = request(requester, "held.allowed");
      Message allowedRequest = parties.nextHeld();
      CompletableFuture<String> first = request(requester, "refused.x");
      CompletableFuture<String> second = request(requester, "refused.x");

      assertForbidden(first, "refused.x");
      assertForbidden(second, "refused.x");
      assertFalse(allowed.isDone(), "a refusal of refused.x ended the call to held.allowed");
      parties.answer(allowedRequest);
      assertEquals("answered", allowed.get(WAIT.toSeconds(), SECONDS));
    }
  }

  /**
   * The refusal as the connection's error listener hands it over, for a subject the server allows:
   * the call sent before it fails, the one sent after it waits for its own reply, and so does a
   * call to the subject on another connection.
   */
  @Test
  void aRefusalFailsOnlyTheCallsSentBeforeItCame() throws Exception {
    try (Parties parties = Parties.connect()) {
      Requester requester = new Requester(parties.till(), null, Telemetry.NOOP);
      CompletableFuture<String> before = request(requester, "held.late");
      CompletableFuture<String> elsewhere = request(new Requester(parties.admin(), null, Telemetry.NOOP), "held.late");
      parties.nextHeld();
      parties.nextHeld();

      Requester.publishRefused(parties.till(), "Permissions Violation for Publish to \"held.late\"");
      assertForbidden(before, "held.late");
      CompletableFuture<String> after = request(requester, "held.late");
      Message afterRequest = parties.nextHeld();
      assertFalse(after.isDone(), "the refusal ended a call sent after it came");
      assertFalse(elsewhere.isDone(), "the refusal ended a call on another connection");

      parties.answer(afterRequest);
      assertEquals("answered", after.get(WAIT.toSeconds(), SECONDS));
    }
  }

  /**
   * The till's connection, opened as the client and the service open theirs (with their error
   * listener), and an admin's, which holds every request to {@code held.>} until the test answers it.
   */
  private record Parties(Connection admin, Subscription held, Connection till) implements AutoCloseable {
    static Parties connect() throws Exception {
      Connection admin = server.connect(new Options.Builder().userInfo("admin", "adm1n"));
      Subscription held = admin.subscribe("held.>");
      admin.flush(WAIT);
      Connection till = Connections.open(server.url(), "publish refusal test", Connections.Security.NONE.withAuth(TILL),
          LoggerFactory.getLogger(PublishRefusalTest.class), IllegalStateException::new);
      return new Parties(admin, held, till);
    }

    /** The next request that reached the admin. */
    Message nextHeld() throws InterruptedException {
      Message request = held.nextMessage(WAIT);
      assertNotNull(request, "no request reached the responder");
      return request;
    }

    void answer(Message request) {
      admin.publish(request.getReplyTo(), "answered".getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public void close() throws InterruptedException {
      till.close();
      admin.close();
    }
  }

  private static CompletableFuture<String> request(Requester requester, String subject) {
    return requester.request(subject, new byte[0], CALL_TIMEOUT, null, null, null,
        body -> new String(body, StandardCharsets.UTF_8));
  }

  private static void assertForbidden(CompletableFuture<String> call, String subject) {
    ExecutionException failure = assertThrows(ExecutionException.class, () -> call.get(WAIT.toSeconds(), SECONDS));
    ForbiddenException forbidden = assertInstanceOf(ForbiddenException.class, failure.getCause());
    assertTrue(forbidden.getMessage().contains("Permissions Violation for Publish to \"" + subject + "\""), forbidden.getMessage());
  }
}
