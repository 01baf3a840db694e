package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The circuit breaker around the event store, with the store on a JetStream server of its own that
 * is killed and started again while the service's server stays up: the breaker opens, calls are
 * answered {@code UNAVAILABLE} at once (with {@code details.circuitBreaker}), health says so, and after
 * the restart half-open probes close it.
 */
@NatsTest
class StoreCircuitBreakerTest {
  /** Long, so a reply that comes is one the service sent at once, never a caller's time-out. */
  private static final Duration CALL = Duration.ofSeconds(60);
  private static final String ADD = "counters.command.counter.add";

  @Test
  void aKilledStoreOpensTheBreakerAndARestartedOneClosesItThroughHalfOpen(NatsServer server) throws Exception {
    CircuitBreakerConfig breaker = CircuitBreakerConfig.defaults().withWindow(10, 10)
        .withWaitInOpenState(Duration.ofMillis(200)).withPermittedCallsInHalfOpenState(10);
    try (TestTelemetry telemetry = new TestTelemetry(); NatsServer storeServer = NatsServer.launch();
        ServiceHarness harness = new ServiceHarness(server)) {
      Connection storeConnection = storeServer.connect();
      JetStreamEventStore store = JetStreamEventStore.open(storeConnection, JetStreamStoreConfig.forService("counters")
          .withRequestTimeout(Duration.ofSeconds(2)));
      harness.start(builder -> builder.withEventStore(store).withStoreCircuitBreaker(breaker)
          .withOpenTelemetry(telemetry.sdk()));
      assertCounter(request(harness, "a", 1));
      assertEquals("ok", check(harness).get("status"));

      storeServer.kill();
      // the first calls fail on the store itself, then the breaker answers for it, at once
      ErrorReplies.ErrorReply refused = assertError(request(harness, "k", 1), ErrorCode.UNAVAILABLE);
      for (int i = 0; i < 20 && refused.details().isEmpty(); i++) {
        refused = assertError(request(harness, "k" + i, 1), ErrorCode.UNAVAILABLE);
      }
      assertEquals(Map.of("circuitBreaker", "open"), refused.details(), refused.message());
      assertTrue(refused.message().contains("circuit breaker is open"), refused.message());
      // the call that opened it carries the change as a span event
      telemetry.awaitSpan(span -> span.getEvents().stream().anyMatch(event ->
          event.getName().equals("circuit_breaker.state_change")
              && "open".equals(event.getAttributes().get(Telemetry.BREAKER_STATE))
              && "closed".equals(event.getAttributes().get(Telemetry.BREAKER_FROM))
              && "event-store".equals(event.getAttributes().get(Telemetry.CIRCUIT_BREAKER))),
          "with the breaker's state change", Duration.ofSeconds(10));
      Map<String, Object> open = check(harness);
      assertEquals("down", open.get("status"), open.toString());
      assertTrue(((String) open.get("message")).contains("event-store open"), open.toString());
      assertEquals("down", ServiceHarness.json(harness.request("counters.health", null, new byte[0]).getData()).get("status"));

      storeServer.start();
      // the store answers its own health check again (that check does not go through the breaker)
      for (int i = 0; !"ok".equals(check(harness, "event-store").get("status")); i++) {
        assertTrue(i < 400, "the restarted store never answered its health check");
        Thread.sleep(25);
      }
      // no call was made since, so the breaker is still open; the first call after the wait is a half-open probe
      assertEquals("down", check(harness).get("status"));
      Message first = request(harness, "b", 1);
      assertCounter(first);
      Map<String, Object> halfOpen = check(harness);
      assertEquals("degraded", halfOpen.get("status"), halfOpen.toString());
      assertTrue(((String) halfOpen.get("message")).contains("half-open"), halfOpen.toString());

      // a command makes a few store calls; once ten probes were made (none failing) the breaker closes
      Map<String, Object> closed = halfOpen;
      for (int i = 0; !"ok".equals(closed.get("status")); i++) {
        assertTrue(i < 10, "the breaker stayed half-open after ten more commands: " + closed);
        assertCounter(request(harness, "b", 1));
        closed = check(harness);
      }
      assertTrue(((String) closed.get("message")).contains("event-store closed"), closed.toString());
      assertEquals("ok", ServiceHarness.json(harness.request("counters.health", null, new byte[0]).getData()).get("status"));
    }
  }

  private static Message request(ServiceHarness harness, String key, int amount) throws Exception {
    return harness.client().requestWithTimeout(ADD, null,
        ServiceHarness.utf8(command("counter", key, "{\"amount\":" + amount + "}", null)), CALL).get();
  }

  private static Map<String, Object> check(ServiceHarness harness) throws Exception {
    return check(harness, "circuit-breaker");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> check(ServiceHarness harness, String name) throws Exception {
    Map<String, Object> report = ServiceHarness.json(harness.request("counters.health", null, new byte[0]).getData());
    for (Map<String, Object> check : (List<Map<String, Object>>) report.get("checks")) {
      if (name.equals(check.get("name"))) {
        return check;
      }
    }
    throw new AssertionError("no " + name + " check in " + report);
  }
}
