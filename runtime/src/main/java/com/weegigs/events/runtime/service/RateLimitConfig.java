package com.weegigs.events.runtime.service;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The rate limits of a service ({@code NatsService.Builder.withRateLimit}): one for the whole
 * service, one per command, and one per caller, each optional. A request over any of them is
 * refused with {@code RATE_LIMITED} (429), whose {@code details.retryAfterMs} says how long to wait
 * ({@code docs/wire-contract.md}, "Errors"). Commands and queries count; health requests never do.
 * A request is checked against its caller's limit first, then its command's, then the service's,
 * so a caller over its own limit spends nothing of what the others share.
 *
 * <pre>{@code
 * RateLimitConfig.defaults()
 *     .withService(Rate.perSecond(500))
 *     .withCommand("receipt", "add-item", Rate.perSecond(50))
 *     .withCaller(Rate.perSecond(20));
 * }</pre>
 *
 * <p>The caller is the connection that sent the request (the prefix of its reply inbox); a request
 * without a reply subject counts as one anonymous caller. At most {@code maxCallers} callers are
 * tracked: the least recently seen is forgotten first (and starts afresh when it comes back), so a
 * caller that makes up new inboxes cannot grow the service's memory; the service and command limits
 * still hold it.
 *
 * @param service the limit of all commands and queries together; {@code null} for none
 * @param commands the limit of each command, by {@code <aggregate>.<command>} (wire names)
 * @param caller the limit of each caller's commands and queries; {@code null} for none
 * @param maxCallers how many callers' limits are kept at most, 1 or more
 */
public record RateLimitConfig(Rate service, Map<String, Rate> commands, Rate caller, int maxCallers) {
  /** Callers tracked by default. */
  public static final int DEFAULT_MAX_CALLERS = 10_000;

  /** @throws IllegalArgumentException naming every problem */
  public RateLimitConfig {
    Objects.requireNonNull(commands, "commands");
    commands = Map.copyOf(commands);
    ConfigProblems problems = new ConfigProblems("RateLimitConfig")
        .check(maxCallers < 1, "maxCallers must be 1 or more, was " + maxCallers);
    for (Map.Entry<String, Rate> entry : commands.entrySet()) {
      String key = entry.getKey();
      int dot = key.indexOf('.');
      problems.check(dot < 1 || dot == key.length() - 1 || key.indexOf('.', dot + 1) >= 0,
          "a command's limit is keyed <aggregate>.<command>, was '" + key + "'");
      problems.check(entry.getValue() == null, "the limit of " + key + " is null");
    }
    problems.throwIfAny();
  }

  /** No limits at all: the default. */
  public static RateLimitConfig defaults() {
    return new RateLimitConfig(null, Map.of(), null, DEFAULT_MAX_CALLERS);
  }

  /** Whether any limit is set. */
  public boolean limits() {
    return service != null || caller != null || !commands.isEmpty();
  }

  /** This configuration with another limit of the whole service ({@code null}: none). */
  public RateLimitConfig withService(Rate rate) {
    return new RateLimitConfig(rate, commands, caller, maxCallers);
  }

  /** This configuration with a limit of command {@code command} of aggregate {@code aggregate} (wire names). */
  public RateLimitConfig withCommand(String aggregate, String command, Rate rate) {
    Map<String, Rate> more = new LinkedHashMap<>(commands);
    more.put(aggregate + "." + command, Objects.requireNonNull(rate, "rate"));
    return new RateLimitConfig(service, more, caller, maxCallers);
  }

  /** This configuration with another limit per caller ({@code null}: none). */
  public RateLimitConfig withCaller(Rate rate) {
    return new RateLimitConfig(service, commands, rate, maxCallers);
  }

  /** This configuration keeping at most {@code maxCallers} callers' limits. */
  public RateLimitConfig withMaxCallers(int maxCallers) {
    return new RateLimitConfig(service, commands, caller, maxCallers);
  }

  /**
   * A rate: {@code permits} requests every {@code per} on average, with bursts of up to
   * {@code burst} at once. It is kept as {@code burst} permits every {@code per × burst / permits}
   * (resilience4j's rate limiter, whose permits renew each cycle): a full burst, then the rate.
   *
   * @param permits requests allowed every {@code per}, 1 or more
   * @param per the period of {@code permits}, 1 ms or more
   * @param burst the requests allowed at once, 1 or more; by default twice {@code permits}
   */
  public record Rate(int permits, Duration per, int burst) {
    /** @throws IllegalArgumentException naming every problem */
    public Rate {
      new ConfigProblems("RateLimitConfig.Rate")
          .check(permits < 1, "permits must be 1 or more, was " + permits)
          .check(per == null || per.toMillis() < 1, "per must be 1 ms or more, was " + per)
          .check(burst < 1, "burst must be 1 or more, was " + burst)
          .throwIfAny();
    }

    /** {@code permits} a second, with bursts of twice that. */
    public static Rate perSecond(int permits) {
      return of(permits, Duration.ofSeconds(1));
    }

    /** {@code permits} every {@code per}, with bursts of twice {@code permits}. */
    public static Rate of(int permits, Duration per) {
      return new Rate(permits, per, permits > Integer.MAX_VALUE / 2 ? Integer.MAX_VALUE : 2 * permits);
    }

    /** This rate with bursts of up to {@code burst}. */
    public Rate withBurst(int burst) {
      return new Rate(permits, per, burst);
    }

    /** How often the {@code burst} permits renew: {@code per × burst / permits}, at least 1 ms. */
    public Duration cycle() {
      long nanos = Math.max(1_000_000L, (long) ((double) per.toNanos() * burst / permits));
      return Duration.ofNanos(nanos);
    }
  }
}
