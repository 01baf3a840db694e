package com.weegigs.events.runtime;

import java.time.Duration;

/**
 * A circuit breaker: after enough calls fail, it opens and the calls behind it fail at once with
 * {@code UNAVAILABLE} instead of waiting for a dead dependency; after {@code waitInOpenState} it lets
 * {@code permittedCallsInHalfOpenState} calls through (half-open), and closes when few enough of them
 * fail, or opens again. Used on both sides (resilience4j's circuit breaker with a count-based window):
 * <ul>
 *   <li>{@code NatsService.Builder.withStoreCircuitBreaker}, around the event store: off by
 *       default ({@link #disabled()}). Only the store being unreachable counts as a failure
 *       ({@code EventStoreUnavailableException}: a closed connection, a JetStream time-out or no
 *       responders); conflicts, duplicates and refusals are answers, not failures. The state shows
 *       in the {@code circuit-breaker} health check.
 *   <li>{@code ServiceClient.Builder.withCircuitBreaker}, one per client and so per service: off by
 *       default ({@link #disabled()}). Time-outs, no responders and {@code UNAVAILABLE} replies count as
 *       failures; every other answer of the service (a refusal, a validation failure, not found, a
 *       conflict, a rate limit) shows it is there and counts as a success.
 * </ul>
 * Half-open, the breaker decides once {@code min(minimumCalls, permittedCallsInHalfOpenState)}
 * probes have answered (resilience4j takes the window's minimum for the probes too). State changes
 * are logged, are span events ({@code circuit_breaker.state_change}) and are counted
 * ({@code wee.circuit_breaker.transitions}).
 *
 * @param enabled whether there is a breaker at all
 * @param failureRateThreshold the percentage of failed calls in the window that opens it, above 0 and at most 100
 * @param slidingWindowSize how many of the latest calls the failure rate is taken over, 1 or more
 * @param minimumCalls calls in the window before the rate counts at all, 1 or more
 * @param waitInOpenState how long it stays open before letting calls through again, 1 ms or more
 * @param permittedCallsInHalfOpenState the calls let through while half-open, 1 or more
 */
public record CircuitBreakerConfig(boolean enabled, float failureRateThreshold, int slidingWindowSize,
    int minimumCalls, Duration waitInOpenState, int permittedCallsInHalfOpenState) {

  /** @throws IllegalArgumentException naming every problem */
  public CircuitBreakerConfig {
    StringBuilder problems = new StringBuilder();
    if (!(failureRateThreshold > 0 && failureRateThreshold <= 100)) {
      problems.append("failureRateThreshold must be above 0 and at most 100, was ").append(failureRateThreshold).append("; ");
    }
    if (slidingWindowSize < 1) {
      problems.append("slidingWindowSize must be 1 or more, was ").append(slidingWindowSize).append("; ");
    }
    if (minimumCalls < 1) {
      problems.append("minimumCalls must be 1 or more, was ").append(minimumCalls).append("; ");
    }
    if (waitInOpenState == null || waitInOpenState.toMillis() < 1) {
      problems.append("waitInOpenState must be 1 ms or more, was ").append(waitInOpenState).append("; ");
    }
    if (permittedCallsInHalfOpenState < 1) {
      problems.append("permittedCallsInHalfOpenState must be 1 or more, was ")
          .append(permittedCallsInHalfOpenState).append("; ");
    }
    if (problems.length() > 0) {
      problems.setLength(problems.length() - 2);
      throw new IllegalArgumentException("invalid CircuitBreakerConfig: " + problems);
    }
  }

  /**
   * A breaker that is on: opens when half of the last 20 calls failed (once 10 were made), stays open 1 s, then lets
   * 3 calls probe.
   */
  public static CircuitBreakerConfig defaults() {
    return new CircuitBreakerConfig(true, 50, 20, 10, Duration.ofSeconds(1), 3);
  }

  /** No breaker: every call goes through. */
  public static CircuitBreakerConfig disabled() {
    return defaults().withEnabled(false);
  }

  /** This configuration, on or off. */
  public CircuitBreakerConfig withEnabled(boolean enabled) {
    return new CircuitBreakerConfig(enabled, failureRateThreshold, slidingWindowSize, minimumCalls, waitInOpenState,
        permittedCallsInHalfOpenState);
  }

  /** This configuration opening at {@code percent} failed calls. */
  public CircuitBreakerConfig withFailureRateThreshold(float percent) {
    return new CircuitBreakerConfig(enabled, percent, slidingWindowSize, minimumCalls, waitInOpenState,
        permittedCallsInHalfOpenState);
  }

  /** This configuration taking the rate over the last {@code calls}, once {@code minimumCalls} were made. */
  public CircuitBreakerConfig withWindow(int calls, int minimumCalls) {
    return new CircuitBreakerConfig(enabled, failureRateThreshold, calls, minimumCalls, waitInOpenState,
        permittedCallsInHalfOpenState);
  }

  /** This configuration staying open for {@code wait}. */
  public CircuitBreakerConfig withWaitInOpenState(Duration wait) {
    return new CircuitBreakerConfig(enabled, failureRateThreshold, slidingWindowSize, minimumCalls, wait,
        permittedCallsInHalfOpenState);
  }

  /** This configuration letting {@code calls} probe while half-open. */
  public CircuitBreakerConfig withPermittedCallsInHalfOpenState(int calls) {
    return new CircuitBreakerConfig(enabled, failureRateThreshold, slidingWindowSize, minimumCalls, waitInOpenState,
        calls);
  }
}
