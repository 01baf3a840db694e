package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * What the commands of one aggregate type came to in this instance, for the wire contract's
 * {@code {service}.stats}: commands by outcome, conflicts with concurrent writers and the retries
 * they caused, rehydrations (states rebuilt from the store's history) and their time, and state
 * cache hits and misses. Counting is a {@link LongAdder} increment, cheap on any thread; a
 * {@link #snapshot()} reads each counter on its own.
 */
public final class CommandCounters {
  private static final ErrorCode[] CODES = ErrorCode.values();

  /** Successes at {@code [0]}, then one per {@link ErrorCode} by ordinal. */
  private final LongAdder[] outcomes = new LongAdder[CODES.length + 1];
  private final LongAdder conflicts = new LongAdder();
  private final LongAdder retries = new LongAdder();
  private final LongAdder rehydrations = new LongAdder();
  private final LongAdder rehydrationNanos = new LongAdder();
  private final LongAdder cacheHits = new LongAdder();
  private final LongAdder cacheMisses = new LongAdder();

  /** Where the same counts go as OpenTelemetry metrics. */
  private final Telemetry.AggregateMetrics metrics;

  /** Counters at zero, counted here only. */
  public CommandCounters() {
    this(Telemetry.AggregateMetrics.NONE);
  }

  /** Counters at zero, also recorded as {@code metrics}. */
  public CommandCounters(Telemetry.AggregateMetrics metrics) {
    this.metrics = metrics;
    for (int i = 0; i < outcomes.length; i++) {
      outcomes[i] = new LongAdder();
    }
  }

  /** Counts a command answered with {@code error}, or a success when it is {@code null}. */
  public void answered(ErrorCode error) {
    outcomes[error == null ? 0 : error.ordinal() + 1].increment();
  }

  /** Counts an append refused because another writer moved the aggregate on. */
  void conflict() {
    conflicts.increment();
    metrics.conflict();
  }

  /** Counts a command run again after a conflict. */
  void retry() {
    retries.increment();
    metrics.retry();
  }

  /** Counts a state rebuilt from the store's history, and the time the read and the fold took. */
  void rehydrated(long nanos) {
    rehydrations.increment();
    rehydrationNanos.add(Math.max(0, nanos));
    metrics.rehydrated(Math.max(0, nanos));
  }

  /** Counts a load that found the state in the cache. */
  void cacheHit() {
    cacheHits.increment();
    metrics.cache(true);
  }

  /** Counts a load that did not. */
  void cacheMiss() {
    cacheMisses.increment();
    metrics.cache(false);
  }

  /** Counts events read from the store and folded into a state (a metric only: stats do not show it). */
  void replayed(int events) {
    metrics.replayed(events);
  }

  /** The counts now. */
  public Snapshot snapshot() {
    Map<String, Long> byOutcome = new LinkedHashMap<>();
    byOutcome.put(Snapshot.OK, outcomes[0].sum());
    for (ErrorCode code : CODES) {
      byOutcome.put(code.name(), outcomes[code.ordinal() + 1].sum());
    }
    return new Snapshot(Collections.unmodifiableMap(byOutcome), conflicts.sum(), retries.sum(), rehydrations.sum(),
        rehydrationNanos.sum(), cacheHits.sum(), cacheMisses.sum());
  }

  /**
   * The counts of one aggregate type at one moment.
   *
   * @param commands commands answered, by outcome: {@value #OK}, then every error code by name, zero or not
   * @param conflicts appends refused because another writer moved the aggregate on
   * @param retries commands run again after such a conflict
   * @param rehydrations states rebuilt from the store's history (not found in the state cache)
   * @param rehydrationNanos the time those took, reading and folding, in nanoseconds
   * @param cacheHits loads that found the state in the state cache (then read only newer events)
   * @param cacheMisses loads that did not
   */
  public record Snapshot(Map<String, Long> commands, long conflicts, long retries, long rehydrations,
      long rehydrationNanos, long cacheHits, long cacheMisses) {
    /** The outcome of a command answered with a success. */
    public static final String OK = "OK";
  }
}
