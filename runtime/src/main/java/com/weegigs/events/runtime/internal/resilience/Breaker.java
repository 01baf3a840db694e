package com.weegigs.events.runtime.internal.resilience;

import com.weegigs.events.runtime.CircuitBreakerConfig;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.service.HealthCheck;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.SlidingWindowType;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One circuit breaker: a resilience4j {@link CircuitBreaker} the caller tells of each call's
 * outcome by hand ({@link #permit}, then {@link #failed}, {@link #succeeded} or {@link #ignored}),
 * so only what the caller counts as a failure ever opens it. Its state changes are logged and go to
 * {@link Telemetry#breakerTransition}.
 */
public final class Breaker {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.CircuitBreaker");

  private final String name;
  private final CircuitBreaker breaker;

  private Breaker(String name, CircuitBreaker breaker) {
    this.name = name;
    this.breaker = breaker;
  }

  /**
   * The breaker {@code config} describes, or {@code null} when it is disabled.
   *
   * @param name its name in logs, metrics and span events ({@code event-store}, {@code client:receipts})
   */
  public static Breaker of(String name, CircuitBreakerConfig config, Telemetry telemetry) {
    if (!config.enabled()) {
      return null;
    }
    CircuitBreaker breaker = CircuitBreaker.of(name, io.github.resilience4j.circuitbreaker.CircuitBreakerConfig.custom()
        .slidingWindowType(SlidingWindowType.COUNT_BASED)
        .slidingWindowSize(config.slidingWindowSize())
        .minimumNumberOfCalls(config.minimumCalls())
        .failureRateThreshold(config.failureRateThreshold())
        .waitDurationInOpenState(config.waitInOpenState())
        .permittedNumberOfCallsInHalfOpenState(config.permittedCallsInHalfOpenState())
        .writableStackTraceEnabled(false)
        .build());
    breaker.getEventPublisher().onStateTransition(event -> {
      String from = state(event.getStateTransition().getFromState());
      String to = state(event.getStateTransition().getToState());
      if ("open".equals(to)) {
        LOG.warn("circuit breaker {} opened: calls fail at once for {}", name, config.waitInOpenState());
      } else {
        LOG.info("circuit breaker {} is {} (was {})", name, to, from);
      }
      telemetry.breakerTransition(name, from, to);
    });
    return new Breaker(name, breaker);
  }

  /** The breaker's name. */
  public String name() {
    return name;
  }

  /** Whether a call may go now: {@code false} while open, or half-open with every probe taken. */
  public boolean permit() {
    return breaker.tryAcquirePermission();
  }

  /** A permitted call failed after {@code nanos}. */
  public void failed(long nanos, Throwable failure) {
    breaker.onError(nanos, TimeUnit.NANOSECONDS, failure);
  }

  /** A permitted call succeeded after {@code nanos}. */
  public void succeeded(long nanos) {
    breaker.onSuccess(nanos, TimeUnit.NANOSECONDS);
  }

  /** A permitted call ended in a way that says nothing of the dependency: it does not count. */
  public void ignored() {
    breaker.releasePermission();
  }

  /** The state: {@code closed}, {@code open} or {@code half-open}. */
  public String state() {
    return state(breaker.getState());
  }

  /**
   * The breaker as a health check result: {@code ok} while closed, {@code degraded} while half-open
   * (probe calls go through), {@code down} while open (calls fail at once).
   */
  public HealthCheck.Result health() {
    CircuitBreaker.State state = breaker.getState();
    CircuitBreaker.Metrics metrics = breaker.getMetrics();
    String rate = metrics.getFailureRate() < 0 ? "too few calls for a failure rate"
        : String.format(Locale.ROOT, "failure rate %.0f%%", metrics.getFailureRate());
    return switch (state) {
      case OPEN, FORCED_OPEN -> HealthCheck.Result.down(name + " open: calls fail at once (" + rate + ")");
      case HALF_OPEN -> HealthCheck.Result.degraded(name + " half-open: probing with "
          + breaker.getCircuitBreakerConfig().getPermittedNumberOfCallsInHalfOpenState() + " calls");
      default -> HealthCheck.Result.ok(name + " " + state(state) + " (" + rate + ")");
    };
  }

  private static String state(CircuitBreaker.State state) {
    return state.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
