package com.weegigs.events.runtime.service;

import java.time.Duration;

/**
 * How a service stops: requests still running get up to {@code drainTimeout} to finish (requests
 * still waiting for a worker are answered {@code UNAVAILABLE} at once), and each subscription gets
 * up to {@code drainTimeout} to drain.
 *
 * @param drainTimeout positive, at most 10 minutes
 */
public record ShutdownConfig(Duration drainTimeout) {
  /** Default drain timeout. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(10);

  /** @throws IllegalArgumentException naming every problem */
  public ShutdownConfig {
    new ConfigProblems("ShutdownConfig")
        .check(drainTimeout == null || drainTimeout.isNegative() || drainTimeout.isZero()
                || drainTimeout.compareTo(Duration.ofMinutes(10)) > 0,
            "drainTimeout must be positive and at most 10 minutes, was " + drainTimeout)
        .throwIfAny();
  }

  /** The defaults. */
  public static ShutdownConfig defaults() {
    return new ShutdownConfig(DEFAULT_DRAIN_TIMEOUT);
  }
}
