package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.query;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.AggregateClient;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.RateLimitedException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.service.RateLimitConfig;
import com.weegigs.events.runtime.service.RateLimitConfig.Rate;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Rate limits on a real service: per service, per command and per caller, refused with
 * {@code RATE_LIMITED} and {@code details.retryAfterMs}; the client's retry after that delay; the
 * bound on the callers tracked. The limits renew once a minute, so nothing renews while a test runs,
 * except in the retry test, where renewal is the point.
 */
@NatsTest
class RateLimitTest {
  private static final Rate ONE_A_MINUTE = Rate.of(1, Duration.ofMinutes(1)).withBurst(1);
  private static final String ADD = "counters.command.counter.add";
  private static final String GET = "counters.query.counter.get";

  private NatsServer server;
  private ServiceHarness harness;

  @BeforeEach
  void start(NatsServer server) {
    this.server = server;
    harness = new ServiceHarness(server);
  }

  @AfterEach
  void close() {
    harness.close();
  }

  @Test
  void theServicesLimitCountsCommandsAndQueriesAlikeAndSaysWhenToRetry() throws Exception {
    harness.start(builder -> builder.withRateLimit(RateLimitConfig.defaults()
        .withService(Rate.of(3, Duration.ofMinutes(1)).withBurst(3))));

    assertCounter(harness.request(ADD, command("counter", "c", "{\"amount\":1}", null)));
    assertCounter(harness.request(GET, query("counter", "c")));
    assertCounter(harness.request(ADD, command("counter", "c", "{\"amount\":1}", null)));
    ErrorReplies.ErrorReply refused = assertError(harness.request(GET, query("counter", "c")), ErrorCode.RATE_LIMITED);

    long retryAfter = ((Number) refused.details().get("retryAfterMs")).longValue();
    assertTrue(retryAfter > 0 && retryAfter <= 60_000, "retryAfterMs " + retryAfter);
    assertTrue(refused.message().contains("service counters"), refused.message());
    // health is never limited
    assertEquals("ok", ServiceHarness.json(harness.request("counters.health", null, new byte[0]).getData()).get("status"));
  }

  @Test
  void aCommandsLimitLeavesTheOtherCommandsAndQueriesAlone() throws Exception {
    harness.start(builder -> builder.withRateLimit(RateLimitConfig.defaults().withCommand("counter", "add", ONE_A_MINUTE)));

    assertCounter(harness.request(ADD, command("counter", "c", "{\"amount\":1}", null)));
    ErrorReplies.ErrorReply refused = assertError(harness.request(ADD, command("counter", "c", "{\"amount\":1}", null)),
        ErrorCode.RATE_LIMITED);
    assertTrue(refused.message().contains("command counter.add"), refused.message());
    assertTrue(((Number) refused.details().get("retryAfterMs")).longValue() > 0);

    assertError(harness.request("counters.command.counter.reject", command("counter", "c", "{}", null)), ErrorCode.REJECTED);
    assertEquals(1, assertCounter(harness.request(GET, query("counter", "c"))).entity().state().value());
  }

  @Test
  void eachConnectionIsACallerWithItsOwnLimit() throws Exception {
    harness.start(builder -> builder.withRateLimit(RateLimitConfig.defaults().withCaller(ONE_A_MINUTE)));
    Connection other = server.connect();

    assertCounter(harness.request(GET, query("counter", "c")));
    assertError(harness.request(GET, query("counter", "c")), ErrorCode.RATE_LIMITED);
    // another connection is another caller
    assertCounter(request(other, GET, query("counter", "c")));
    assertError(request(other, GET, query("counter", "c")), ErrorCode.RATE_LIMITED);
  }

  @Test
  void callersBeyondTheBoundPushOutTheLeastRecentlySeen() throws Exception {
    harness.start(builder -> builder.withRateLimit(RateLimitConfig.defaults().withCaller(ONE_A_MINUTE).withMaxCallers(2)));
    Connection second = server.connect();
    Connection third = server.connect();

    assertCounter(harness.request(GET, query("counter", "c")));
    assertError(harness.request(GET, query("counter", "c")), ErrorCode.RATE_LIMITED);
    assertCounter(request(second, GET, query("counter", "c")));
    // the third caller pushes out the first, the least recently seen of two
    assertCounter(request(third, GET, query("counter", "c")));
    assertCounter(harness.request(GET, query("counter", "c")));
  }

  @Test
  void aClientThatAsksRetriesAfterTheDelayAndTheCommandIsAppliedOnce() throws Exception {
    // one command every 5 s: the second and third calls are refused at first, the third let through on the next cycle
    harness.start(builder -> builder.withRateLimit(RateLimitConfig.defaults()
        .withCommand("counter", "add", Rate.of(1, Duration.ofSeconds(5)).withBurst(1))));
    try (ServiceClient client = ServiceClient.create(server.connect(), "counters")) {
      AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
      CallOptions options = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(30));
      AggregateClient.await(counters.send(Counters.ADD, "r", new Add(1), options));

      RateLimitedException refused = assertThrows(RateLimitedException.class,
          () -> AggregateClient.await(counters.send(Counters.ADD, "r", new Add(2), options)));
      assertTrue(refused.retryAfterMs() > 0 && refused.retryAfterMs() <= 5_000, "retryAfterMs " + refused.retryAfterMs());

      var retried = AggregateClient.await(counters.send(Counters.ADD, "r", new Add(4),
          options.withMessageId("add-4").withRetryOnRateLimit(20)));

      assertEquals(1, retried.events().size());
      assertEquals(5, retried.entity().state().value());
      assertEquals(2, retried.entity().revision());
      // the retried command was received more than once and recorded once
      assertTrue(harness.received(ADD) >= 4, "received " + harness.received(ADD));
      assertEquals(2, AggregateClient.await(counters.get("r", options)).revision());
    }
  }

  private static Message request(Connection connection, String subject, String body) throws Exception {
    return connection.requestWithTimeout(subject, null, utf8(body), ServiceHarness.TIMEOUT)
        .get(ServiceHarness.TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
  }
}
