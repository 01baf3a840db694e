package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code {service}.health}: the built-in checks, the user's checks, and checks that fail, throw or hang. */
@NatsTest
class HealthTest {
  private ServiceHarness harness;
  private final CountDownLatch release = new CountDownLatch(1);

  @BeforeEach
  void start(NatsServer server) {
    harness = new ServiceHarness(server);
  }

  @AfterEach
  void close() {
    release.countDown();
    harness.close();
  }

  @Test
  void aHealthyServiceReportsEachBuiltInCheck() throws Exception {
    harness.start();

    Map<String, Object> report = health();

    assertEquals("ok", report.get("status"));
    assertEquals("counters", report.get("service"));
    assertEquals("1.2.3", report.get("version"));
    assertEquals(List.of("counter", "account"), report.get("aggregates"));
    Map<String, Map<String, Object>> checks = checks(report);
    assertEquals(List.of("nats", "event-store", "requests", "circuit-breaker"), List.copyOf(checks.keySet()));
    for (Map<String, Object> check : checks.values()) {
      assertEquals("ok", check.get("status"), check.toString());
      assertInstanceOf(Number.class, check.get("durationMs"), check.toString());
    }
    assertTrue(((String) checks.get("nats").get("message")).startsWith("connected to nats://"));
    assertEquals("in memory", checks.get("event-store").get("message"));
    assertTrue(((String) checks.get("requests").get("message")).contains("running"));
    assertEquals("no circuit breaker around the event store", checks.get("circuit-breaker").get("message"));
  }

  @Test
  void theJetStreamStoreIsCheckedByItsStream() throws Exception {
    harness.start(builder -> builder.withEventStore(JetStreamStoreConfig.forService("counters")
        .withStreamName("health-1").withSubjectPrefix("wee-store.health-1")
        .withBuckets("health-outcomes-1", "health-snapshots-1").withStorage(JetStreamStoreConfig.Storage.MEMORY)));

    Map<String, Object> check = checks(health()).get("event-store");

    assertEquals("ok", check.get("status"));
    assertEquals("stream health-1: 0 messages", check.get("message"));
  }

  @Test
  void theWorstCheckDecidesAndAFailingCheckIsDownWithItsMessage() throws Exception {
    harness.start(builder -> builder
        .withHealthCheck("ledger", () -> HealthCheck.Result.ok("ledger answers"))
        .withHealthCheck("cache", () -> HealthCheck.Result.degraded("cache is cold")));

    Map<String, Object> degraded = health();
    assertEquals("degraded", degraded.get("status"));
    assertEquals(Map.of("name", "ledger", "status", "ok", "message", "ledger answers"),
        without(checks(degraded).get("ledger"), "durationMs"));
    assertEquals("cache is cold", checks(degraded).get("cache").get("message"));
  }

  @Test
  void aCheckThatThrowsIsDown() throws Exception {
    harness.start(builder -> builder.withHealthCheck("ledger", () -> {
      throw new IllegalStateException("ledger refused the connection");
    }));

    Map<String, Object> report = health();

    assertEquals("down", report.get("status"));
    assertEquals("down", checks(report).get("ledger").get("status"));
    assertEquals("ledger refused the connection", checks(report).get("ledger").get("message"));
  }

  @Test
  void aCheckThatHangsIsDownAfterItsTimeoutAndIsNotStartedAgainWhileItRuns() throws Exception {
    AtomicInteger started = new AtomicInteger();
    harness.start(builder -> builder
        .withHealthCheck("ledger", () -> HealthCheck.Result.ok())
        .withHealthCheck("stuck", Duration.ofMillis(200), () -> {
          started.incrementAndGet();
          release.await();
          return HealthCheck.Result.ok();
        }));

    Map<String, Object> first = health();
    Map<String, Object> second = health();

    for (Map<String, Object> report : List.of(first, second)) {
      assertEquals("down", report.get("status"));
      assertEquals(Map.of("name", "stuck", "status", "down", "message", "no answer within 200 ms"),
          without(checks(report).get("stuck"), "durationMs"));
      assertEquals("ok", checks(report).get("ledger").get("status"), "the other checks still answer");
    }
    assertEquals(1, started.get(), "a check still running is awaited, not started again");
  }

  @Test
  void aCheckNeedsItsOwnNameAndAPositiveTimeout() {
    NatsService.Builder builder = NatsService.builder(com.weegigs.events.runtime.fixtures.Counters.SERVICE)
        .withHealthCheck("ledger", HealthCheck.Result::ok);

    IllegalArgumentException builtIn = assertThrows(IllegalArgumentException.class,
        () -> builder.withHealthCheck("nats", Duration.ZERO, HealthCheck.Result::ok));
    assertEquals("health check 'nats' is built in; choose another name; "
        + "the timeout of a health check must be positive, got PT0S", builtIn.getMessage());
    IllegalArgumentException twice = assertThrows(IllegalArgumentException.class,
        () -> builder.withHealthCheck("ledger", HealthCheck.Result::ok));
    assertEquals("health check 'ledger' is added twice", twice.getMessage());
  }

  private Map<String, Object> health() throws Exception {
    return json(harness.request("counters.health", null, new byte[0]).getData());
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> checks(Map<String, Object> report) {
    Map<String, Map<String, Object>> byName = new LinkedHashMap<>();
    for (Object check : (List<Object>) report.get("checks")) {
      Map<String, Object> fields = (Map<String, Object>) check;
      byName.put((String) fields.get("name"), fields);
    }
    return byName;
  }

  private static Map<String, Object> without(Map<String, Object> fields, String name) {
    Map<String, Object> rest = new LinkedHashMap<>(fields);
    rest.remove(name);
    return rest;
  }
}
