package com.weegigs.events.runtime.internal.service;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;

/**
 * One endpoint of the NATS micro protocol (ADR-32): what {@code $SRV.INFO} says about it and the
 * counts {@code $SRV.STATS} reports. The host counts a request when it receives it and adds its
 * processing time, and its error if it was answered with one, when it answers it.
 */
final class MicroEndpoint {
  private final String name;
  private final String subject;
  private final String queueGroup;
  private final Map<String, String> metadata;
  private final LongAdder requests = new LongAdder();
  private final LongAdder errors = new LongAdder();
  private final LongAdder processingNanos = new LongAdder();
  private volatile String lastError = "";

  /**
   * @param name the endpoint name ({@code ^[a-zA-Z0-9_-]+$})
   * @param subject the subject it listens on
   * @param queueGroup its queue group
   * @param metadata its metadata (string values), kept as given
   */
  MicroEndpoint(String name, String subject, String queueGroup, Map<String, String> metadata) {
    this.name = name;
    this.subject = subject;
    this.queueGroup = queueGroup;
    // in the order given, so INFO lists them as declared
    this.metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
  }

  String name() {
    return name;
  }

  String subject() {
    return subject;
  }

  String queueGroup() {
    return queueGroup;
  }

  /** The metadata, in the order it was given. */
  Map<String, String> metadata() {
    return metadata;
  }

  /** Counts a request the endpoint received. */
  void received() {
    requests.increment();
  }

  /**
   * Adds the time a request took, from receipt to answer, and counts it as an error when
   * {@code error} is not {@code null}.
   *
   * @param nanos how long it took
   * @param error what {@code last_error} says about it, or {@code null} for a success
   */
  void answered(long nanos, String error) {
    processingNanos.add(Math.max(0, nanos));
    if (error != null) {
      errors.increment();
      lastError = error;
    }
  }

  /** The counts now; each is read on its own, so one taken under load may be a moment apart from another. */
  Snapshot snapshot() {
    long count = requests.sum();
    long total = processingNanos.sum();
    return new Snapshot(count, errors.sum(), lastError, total, count == 0 ? 0 : total / count);
  }

  /**
   * The ADR-32 counts of an endpoint.
   *
   * @param requests {@code num_requests}
   * @param errors {@code num_errors}
   * @param lastError {@code last_error}, empty when there was none
   * @param processingNanos {@code processing_time}, nanoseconds
   * @param averageNanos {@code average_processing_time}, nanoseconds
   */
  record Snapshot(long requests, long errors, String lastError, long processingNanos, long averageNanos) {}
}
