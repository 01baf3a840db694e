package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.DurableSubscriptionConfig.StartPosition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class DurableSubscriptionConfigTest {
  @Test
  void theDefaultsReadTheServicesStreamFromTheBeginningOneCommandAtATime() {
    DurableSubscriptionConfig config = DurableSubscriptionConfig.named("audit");
    assertEquals(StartPosition.BEGINNING, config.start());
    assertEquals(5, config.maxDeliveries());
    assertEquals(List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30)), config.backoff());
    assertEquals(Duration.ofSeconds(30), config.ackWait());
    assertEquals(1, config.maxAckPending());
    assertEquals(1, config.batchSize());
    assertEquals(null, config.store());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new DurableSubscriptionConfig(
        "Audit.x", null, 0, List.of(), Duration.ofMillis(5), 10, 2, null));
    String message = e.getMessage();
    assertTrue(message.startsWith("invalid DurableSubscriptionConfig: "), message);
    for (String field : List.of("durableName", "start", "maxDeliveries", "backoff", "ackWait", "batchSize")) {
      assertTrue(message.contains(field + " must"), field + ": " + message);
    }
    assertThrows(IllegalArgumentException.class, () -> DurableSubscriptionConfig.named("a").withBackoff(Duration.ZERO));
  }

  @Test
  void backoffUsesTheLastDelayForEveryLaterFailure() {
    DurableSubscriptionConfig config = DurableSubscriptionConfig.named("a").withBackoff(Duration.ofMillis(1), Duration.ofMillis(2));
    assertEquals(Duration.ofMillis(1), config.backoffAfter(1));
    assertEquals(Duration.ofMillis(2), config.backoffAfter(2));
    assertEquals(Duration.ofMillis(2), config.backoffAfter(9));
  }

  @Test
  void aStartIsATimeOrASequenceNotBoth() {
    assertEquals(7, StartPosition.atSequence(7).sequence());
    Instant now = Instant.now();
    assertEquals(now, StartPosition.at(now).time());
    assertThrows(IllegalArgumentException.class, () -> new StartPosition(now, 3));
    assertThrows(IllegalArgumentException.class, () -> StartPosition.atSequence(0));
  }
}
