package com.weegigs.events.runtime.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.CircuitBreakerConfig;
import com.weegigs.events.runtime.service.RateLimitConfig.Rate;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The resilience configuration records: defaults, bursts, and every problem named at once. */
class RateLimitConfigTest {
  @Test
  void theDefaultsLimitNothingAndARateBurstsToTwiceItself() {
    assertFalse(RateLimitConfig.defaults().limits());
    assertEquals(RateLimitConfig.DEFAULT_MAX_CALLERS, RateLimitConfig.defaults().maxCallers());
    Rate rate = Rate.perSecond(10);
    assertEquals(20, rate.burst());
    assertEquals(Duration.ofSeconds(2), rate.cycle());
    assertEquals(Duration.ofSeconds(1), rate.withBurst(10).cycle());
    assertEquals(Duration.ofMinutes(2), Rate.of(1, Duration.ofMinutes(1)).cycle());
    RateLimitConfig config = RateLimitConfig.defaults().withCommand("counter", "add", rate);
    assertTrue(config.limits());
    assertEquals(Map.of("counter.add", rate), config.commands());
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    IllegalArgumentException rate = assertThrows(IllegalArgumentException.class, () -> new Rate(0, Duration.ZERO, 0));
    assertTrue(rate.getMessage().contains("permits must be 1 or more"), rate.getMessage());
    assertTrue(rate.getMessage().contains("per must be 1 ms or more"), rate.getMessage());
    assertTrue(rate.getMessage().contains("burst must be 1 or more"), rate.getMessage());

    IllegalArgumentException config = assertThrows(IllegalArgumentException.class,
        () -> new RateLimitConfig(null, Map.of("add", Rate.perSecond(1)), null, 0));
    assertTrue(config.getMessage().contains("maxCallers must be 1 or more"), config.getMessage());
    assertTrue(config.getMessage().contains("keyed <aggregate>.<command>, was 'add'"), config.getMessage());
  }

  @Test
  void theDefaultsAreABreakerThatIsOnAndEveryProblemIsNamed() {
    CircuitBreakerConfig defaults = CircuitBreakerConfig.defaults();
    assertTrue(defaults.enabled());
    assertEquals(50f, defaults.failureRateThreshold());
    assertEquals(Duration.ofSeconds(1), defaults.waitInOpenState());
    assertFalse(CircuitBreakerConfig.disabled().enabled());
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> new CircuitBreakerConfig(true, 0, 0, 0, Duration.ZERO, 0));
    for (String problem : new String[] {"failureRateThreshold", "slidingWindowSize", "minimumCalls", "waitInOpenState",
        "permittedCallsInHalfOpenState"}) {
      assertTrue(refused.getMessage().contains(problem), refused.getMessage());
    }
  }
}
