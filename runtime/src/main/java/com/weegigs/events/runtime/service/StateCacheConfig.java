package com.weegigs.events.runtime.service;

/**
 * The cache of current aggregate states, so a command never replays an aggregate's whole history:
 * a cached state is brought up to date with only the events stored after it.
 *
 * @param maxAggregates states kept per aggregate type, least recently used dropped first; 0 disables the cache, at most 10,000,000
 */
public record StateCacheConfig(int maxAggregates) {
  /** Default states kept per aggregate type. */
  public static final int DEFAULT_MAX_AGGREGATES = 10_000;

  /** @throws IllegalArgumentException naming every problem */
  public StateCacheConfig {
    new ConfigProblems("StateCacheConfig")
        .check(maxAggregates < 0 || maxAggregates > 10_000_000,
            "maxAggregates must be between 0 and 10000000, was " + maxAggregates)
        .throwIfAny();
  }

  /** The defaults. */
  public static StateCacheConfig defaults() {
    return new StateCacheConfig(DEFAULT_MAX_AGGREGATES);
  }
}
