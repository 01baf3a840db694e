package com.weegigs.events.runtime.service;

import java.time.Duration;

/**
 * How much work a service takes on at once.
 *
 * <p>Requests run on a pool of {@code maxInFlight} worker threads; up to {@code maxQueued} more
 * wait for a worker. A request that arrives when the queue is full is answered
 * {@code UNAVAILABLE} at once, so callers learn of saturation promptly instead of timing out.
 * Commands for one aggregate run one at a time within an instance, so none loses an update. When
 * a command without an {@code expectedRevision} meets a concurrent writer (another instance), it
 * reloads and retries up to {@code conflictRetries} times, after a short random pause each time,
 * before answering {@code CONFLICT}.
 *
 * <p>By default every request runs on the worker pool ({@code inlineBelow} is {@link Duration#ZERO}).
 * As an opt-in for services whose handlers never block (pure functions of state and command, as
 * event-sourced handlers usually are), endpoints whose requests have recently taken less than
 * {@code inlineBelow} on average run them on the endpoint's own dispatcher thread instead: a
 * thread hand-off costs more than such a request. A new endpoint starts on the worker pool and
 * measures its first few requests before it does so. The price is that while an inline request
 * runs, later requests of that endpoint wait behind it: a handler that was fast and then blocks
 * (calls another service, sleeps) holds its endpoint until it returns, without {@code UNAVAILABLE}
 * answers for the requests queued behind it. That is why it is not the default.
 *
 * @param maxInFlight worker threads, 1 to 1024
 * @param maxQueued requests that may wait for a worker, 0 to 1,000,000
 * @param conflictRetries retries after a write conflict, 0 to 100
 * @param inlineBelow average request time under which an endpoint runs requests on its dispatcher thread; 0 to 1 s
 */
public record ConcurrencyConfig(int maxInFlight, int maxQueued, int conflictRetries, Duration inlineBelow) {
  /** Default worker threads. */
  public static final int DEFAULT_MAX_IN_FLIGHT = 16;
  /** Default queue length. */
  public static final int DEFAULT_MAX_QUEUED = 4096;
  /** Default retries after a conflict. */
  public static final int DEFAULT_CONFLICT_RETRIES = 10;
  /** Default average request time under which requests run on the dispatcher thread: never (always the worker pool). */
  public static final Duration DEFAULT_INLINE_BELOW = Duration.ZERO;

  /** @throws IllegalArgumentException naming every value out of range */
  public ConcurrencyConfig {
    new ConfigProblems("ConcurrencyConfig")
        .check(maxInFlight < 1 || maxInFlight > 1024, "maxInFlight must be between 1 and 1024, was " + maxInFlight)
        .check(maxQueued < 0 || maxQueued > 1_000_000, "maxQueued must be between 0 and 1000000, was " + maxQueued)
        .check(conflictRetries < 0 || conflictRetries > 100, "conflictRetries must be between 0 and 100, was " + conflictRetries)
        .check(inlineBelow == null || inlineBelow.isNegative() || inlineBelow.compareTo(Duration.ofSeconds(1)) > 0,
            "inlineBelow must be between 0 and 1 second, was " + inlineBelow)
        .throwIfAny();
  }

  /** {@code maxInFlight} workers and {@code maxQueued} waiting, with the default retries and inline threshold. */
  public ConcurrencyConfig(int maxInFlight, int maxQueued) {
    this(maxInFlight, maxQueued, DEFAULT_CONFLICT_RETRIES, DEFAULT_INLINE_BELOW);
  }

  /** With the default inline threshold. */
  public ConcurrencyConfig(int maxInFlight, int maxQueued, int conflictRetries) {
    this(maxInFlight, maxQueued, conflictRetries, DEFAULT_INLINE_BELOW);
  }

  /** The defaults: 16 workers, 4096 waiting, 10 retries, every request on the worker pool. */
  public static ConcurrencyConfig defaults() {
    return new ConcurrencyConfig(DEFAULT_MAX_IN_FLIGHT, DEFAULT_MAX_QUEUED, DEFAULT_CONFLICT_RETRIES, DEFAULT_INLINE_BELOW);
  }

  /** This configuration with another inline threshold ({@link Duration#ZERO}: always use the worker pool). */
  public ConcurrencyConfig withInlineBelow(Duration threshold) {
    return new ConcurrencyConfig(maxInFlight, maxQueued, conflictRetries, threshold);
  }
}
