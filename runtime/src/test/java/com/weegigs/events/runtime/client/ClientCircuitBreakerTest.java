package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.CircuitBreakerConfig;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.error.NotFoundException;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Account;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters.Reject;
import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The client's circuit breaker against a real server: the service's refusals keep it closed, a
 * service that is gone (no responders) opens it and calls then fail at once without being sent, and
 * a service that is back closes it through half-open probes.
 */
@NatsTest
class ClientCircuitBreakerTest {
  private static final CircuitBreakerConfig BREAKER = CircuitBreakerConfig.defaults().withWindow(4, 2)
      .withWaitInOpenState(Duration.ofMillis(200)).withPermittedCallsInHalfOpenState(2);

  @Test
  void noRespondersOpenItRefusalsDoNotAndAServiceThatIsBackClosesIt(NatsServer server) throws Exception {
    try (TestTelemetry telemetry = new TestTelemetry();
        ServiceClient client = ServiceClient.builder("counters").connection(server.connect())
            .withCircuitBreaker(BREAKER).withOpenTelemetry(telemetry.sdk()).build()) {
      AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
      AggregateClient<Account, Object> accounts = new AggregateClient<>(client, Counters.ACCOUNT);
      CallOptions options = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(30));

      NatsService service = start(server);
      // business answers show the service is there: the breaker stays closed
      for (int i = 0; i < 6; i++) {
        assertThrows(RejectedException.class, () -> AggregateClient.await(counters.send(Counters.REJECT, "c", new Reject(), options)));
        assertThrows(NotFoundException.class, () -> AggregateClient.await(accounts.get("none", options)));
      }
      service.close();

      // no responders: the first calls are sent and fail, then the breaker fails them at once
      UnavailableException refused = assertThrows(UnavailableException.class,
          () -> AggregateClient.await(counters.get("c", options)));
      for (int i = 0; i < 10 && refused.details().isEmpty(); i++) {
        refused = assertThrows(UnavailableException.class, () -> AggregateClient.await(counters.get("c", options)));
      }
      assertEquals(Map.of("circuitBreaker", "open"), refused.details(), refused.getMessage());
      assertTrue(refused.getMessage().contains("circuit breaker of service counters is open"), refused.getMessage());
      assertEquals(1, transitions(telemetry, "open"));

      NatsService back = start(server);
      // the first call after the wait is a probe; until the service's subscriptions are there it may fail again
      long value = -1;
      for (int i = 0; value < 0; i++) {
        assertTrue(i < 200, "the breaker never let a probe reach the service that is back");
        try {
          value = AggregateClient.await(counters.send(Counters.ADD, "c", new Add(1), options)).entity().state().value();
        } catch (UnavailableException stillOpen) {
          Thread.sleep(50);
        }
      }
      assertEquals(1, value);
      assertEquals(2, AggregateClient.await(counters.send(Counters.ADD, "c", new Add(1), options)).entity().state().value());
      assertTrue(transitions(telemetry, "half-open") >= 1);
      assertEquals(1, transitions(telemetry, "closed"));
      back.close();
    }
  }

  private static NatsService start(NatsServer server) {
    return NatsService.builder(Counters.SERVICE)
        .connection(server.connect())
        .aggregate(Counters.counterDefinition())
        .aggregate(Counters.accountDefinition())
        .start();
  }

  private static long transitions(TestTelemetry telemetry, String state) {
    MetricData metric = telemetry.metrics().stream().filter(m -> m.getName().equals("wee.circuit_breaker.transitions"))
        .findFirst().orElseThrow(() -> new AssertionError("no transitions in " + telemetry.metrics()));
    Attributes attributes = Attributes.of(Telemetry.CIRCUIT_BREAKER, "client:counters", Telemetry.BREAKER_STATE, state);
    return metric.getLongSumData().getPoints().stream().filter(point -> point.getAttributes().equals(attributes))
        .mapToLong(point -> point.getValue()).sum();
  }
}
