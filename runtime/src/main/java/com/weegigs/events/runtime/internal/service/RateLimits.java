package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.error.RateLimitedException;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.service.RateLimitConfig;
import com.weegigs.events.runtime.service.RateLimitConfig.Rate;
import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.internal.AtomicRateLimiter;
import com.weegigs.events.runtime.Principal;
import io.nats.client.Message;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The rate-limit stage of the {@link RequestPipeline}: a request over its caller's, its command's
 * or the service's limit ({@link RateLimitConfig}, checked in that order) is refused with
 * {@code RATE_LIMITED} and how long to wait. Each limit is a resilience4j {@link RateLimiter} that
 * never waits. Callers' limiters are kept in a map bounded by {@code maxCallers}, least recently
 * used first out.
 */
final class RateLimits {
  private final String service;
  private final RateLimiter serviceLimiter;
  private final Map<String, RateLimiter> commandLimiters = new HashMap<>();
  private final RateLimiterConfig callerConfig;
  private final Callers callers;
  private final LongSupplier nanoTime;
  private final Telemetry.RateLimitMetrics metrics;

  RateLimits(String service, RateLimitConfig config, Telemetry telemetry) {
    this(service, config, telemetry, System::nanoTime);
  }

  /** Limits on the given clock (tests move it by hand). */
  RateLimits(String service, RateLimitConfig config, Telemetry telemetry, LongSupplier nanoTime) {
    this.service = service;
    this.nanoTime = nanoTime;
    this.metrics = telemetry.rateLimits(service);
    this.serviceLimiter = config.service() == null ? null : limiter(service, config.service());
    config.commands().forEach((command, rate) -> commandLimiters.put(command, limiter(service + "." + command, rate)));
    this.callerConfig = config.caller() == null ? null : limiterConfig(config.caller());
    this.callers = new Callers(config.maxCallers());
  }

  /** The limits of {@code config}, or {@code null} when it sets none (the stage is then skipped). */
  static RateLimits of(String service, RateLimitConfig config, Telemetry telemetry) {
    return config.limits() ? new RateLimits(service, config, telemetry) : null;
  }

  /**
   * Checks that every command limit of {@code config} names a command of {@code descriptor}.
   *
   * @throws IllegalArgumentException naming each one that does not
   */
  static void checkCommands(ServiceDescriptor descriptor, RateLimitConfig config) {
    List<String> unknown = new ArrayList<>();
    for (String key : config.commands().keySet()) {
      int dot = key.indexOf('.');
      AggregateType<?, ?> aggregate = descriptor.aggregate(key.substring(0, dot));
      if (aggregate == null || !aggregate.commands().containsKey(key.substring(dot + 1))) {
        unknown.add(key);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException("the rate limits name commands that service " + descriptor.name()
          + " does not have: " + String.join(", ", unknown) + " (keys are <aggregate>.<command>, wire names)");
    }
  }

  /**
   * Who sent {@code message}, for the per-caller limit: the verified subject when the service
   * authenticates requests (one caller however many connections it uses), else the connection it
   * came from ({@link #callerKey(Message)}).
   */
  static String callerKey(Message message, Principal principal) {
    // the prefixes keep a subject from ever sharing a key with an inbox
    return principal != null ? "subject:" + principal.subject() : "connection:" + callerKey(message);
  }

  /**
   * The connection {@code message} came from, known by the
   * prefix of its reply subject (jnats answers every request of a connection on
   * {@code _INBOX.<connection's nuid>.<token>}; the prefix is the subject up to its last token). A
   * request without a reply subject is the anonymous caller {@code ""}.
   */
  static String callerKey(Message message) {
    String replyTo = message.getReplyTo();
    if (replyTo == null) {
      return "";
    }
    int last = replyTo.lastIndexOf('.');
    return last > 0 ? replyTo.substring(0, last) : replyTo;
  }

  /**
   * Takes a permit of each limit {@code message} falls under; its caller's key is worked out only
   * when there is a per-caller limit.
   *
   * @param aggregate the aggregate's wire name
   * @param command the command's wire name, or {@code null} for a query
   * @param message the request
   * @param principal the verified caller, or {@code null} when the service does not authenticate
   * @throws RateLimitedException when a limit has no permit left, with the time until it has one
   */
  void check(String aggregate, String command, Message message, Principal principal) {
    check(aggregate, command, callerConfig == null ? null : callerKey(message, principal));
  }

  /**
   * Takes a permit of each limit the request falls under.
   *
   * @param aggregate the aggregate's wire name
   * @param command the command's wire name, or {@code null} for a query
   * @param caller the caller's key ({@link #callerKey}); unused without a per-caller limit
   * @throws RateLimitedException when a limit has no permit left, with the time until it has one
   */
  void check(String aggregate, String command, String caller) {
    if (callerConfig != null) {
      take(callers.limiter(caller), "caller", "your requests to " + service);
    }
    if (command != null && !commandLimiters.isEmpty()) {
      String key = aggregate + "." + command;
      RateLimiter limiter = commandLimiters.get(key);
      if (limiter != null) {
        take(limiter, "command", "command " + key + " of " + service);
      }
    }
    if (serviceLimiter != null) {
      take(serviceLimiter, "service", "service " + service);
    }
  }

  /** How many callers' limiters are kept now. */
  int callersTracked() {
    return callers.size();
  }

  private void take(RateLimiter limiter, String scope, String what) {
    if (limiter.acquirePermission()) {
      return;
    }
    metrics.refused(scope);
    long nanos = ((AtomicRateLimiter) limiter).getDetailedMetrics().getNanosToWait();
    long retryAfterMs = Math.max(1, (nanos + 999_999) / 1_000_000);
    throw new RateLimitedException(what + " is over its rate limit; retry after " + retryAfterMs + " ms", retryAfterMs);
  }

  private RateLimiter limiter(String name, Rate rate) {
    return limiter(name, limiterConfig(rate));
  }

  private RateLimiter limiter(String name, RateLimiterConfig config) {
    return new AtomicRateLimiter(name, config, Map.of(), nanoTime::getAsLong);
  }

  private static RateLimiterConfig limiterConfig(Rate rate) {
    return RateLimiterConfig.custom()
        .limitForPeriod(rate.burst())
        .limitRefreshPeriod(rate.cycle())
        .timeoutDuration(Duration.ZERO)
        .writableStackTraceEnabled(false)
        .build();
  }

  /** The callers' limiters, the least recently used forgotten beyond {@code max}. */
  private final class Callers {
    private final Map<String, RateLimiter> byCaller;

    Callers(int max) {
      this.byCaller = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, RateLimiter> eldest) {
          return size() > max;
        }
      };
    }

    synchronized RateLimiter limiter(String caller) {
      return byCaller.computeIfAbsent(caller, key -> RateLimits.this.limiter(service + " caller", callerConfig));
    }

    synchronized int size() {
      return byCaller.size();
    }
  }
}
