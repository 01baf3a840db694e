package com.weegigs.events.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConfigRecordsTest {
  private static void assertNames(IllegalArgumentException error, String... parts) {
    for (String part : parts) {
      assertTrue(error.getMessage().contains(part), () -> error.getMessage() + " should name " + part);
    }
  }

  @Test
  void concurrencyNamesEveryViolationAtOnce() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new ConcurrencyConfig(0, -1, 101, Duration.ofSeconds(2)));
    assertNames(error, "ConcurrencyConfig", "maxInFlight", "maxQueued", "conflictRetries", "inlineBelow");
    assertEquals(new ConcurrencyConfig(16, 4096, 10, Duration.ZERO), ConcurrencyConfig.defaults());
    assertEquals(Duration.ofMillis(1), ConcurrencyConfig.defaults().withInlineBelow(Duration.ofMillis(1)).inlineBelow());
    assertEquals(10, new ConcurrencyConfig(2, 0).conflictRetries());
  }

  @Test
  void queueGroupMustBeOneSubjectToken() {
    assertNames(assertThrows(IllegalArgumentException.class, () -> new QueueGroupConfig("a.b")), "'.'");
    assertNames(assertThrows(IllegalArgumentException.class, () -> new QueueGroupConfig("a b")), "spaces");
    assertNames(assertThrows(IllegalArgumentException.class, () -> new QueueGroupConfig("")), "empty");
    assertNames(assertThrows(IllegalArgumentException.class, () -> new QueueGroupConfig(">")), "'>'");
    assertEquals("q", QueueGroupConfig.defaults().name());
    assertEquals("workers-1", new QueueGroupConfig("workers-1").name());
  }

  @Test
  void limitsCachesIdempotencyAndShutdownAreChecked() {
    assertNames(assertThrows(IllegalArgumentException.class, () -> new LimitsConfig(0)), "maxPayloadBytes");
    assertNames(assertThrows(IllegalArgumentException.class, () -> new StateCacheConfig(-1)), "maxAggregates");
    assertNames(assertThrows(IllegalArgumentException.class, () -> new IdempotencyConfig(-1, Duration.ZERO)),
        "maxReplies", "window");
    assertNames(assertThrows(IllegalArgumentException.class, () -> new ShutdownConfig(Duration.ofHours(1))), "drainTimeout");
    assertEquals(0, new StateCacheConfig(0).maxAggregates());
  }
}
