package com.weegigs.events.runtime.service;

/**
 * How many spans a service makes for a command it serves, when a trace is sampled
 * ({@code NatsService.Builder#withSpanDetail}).
 *
 * <p>Every span costs the OpenTelemetry SDK its start, attributes, end and export. Sampling every
 * trace, the receipts service did 0.77–0.78 of its plain throughput with {@link #STEPS} in the
 * benchmarks and 0.82–0.88 with {@link #REQUEST} (see the benchmarks README); with nothing sampled
 * neither costs anything measurable.
 */
public enum SpanDetail {
  /**
   * The default: the service's span for the request ({@code process <subject>}), and under it a
   * span for each step: {@code validate}, {@code load}, {@code handle}, {@code append} (a conflict's
   * retry as an event on it) and {@code publish} for each event. A subscriber's span continues the
   * event's {@code publish} span.
   */
  STEPS,

  /**
   * One span for the request and none for its steps: what the steps record ({@code wee.command},
   * {@code wee.revision}, {@code wee.load.source}, {@code wee.events.replayed},
   * {@code wee.events.appended}, {@code wee.attempt}, conflict retries as events, a step's failure)
   * goes onto the request's span instead, and the events carry its trace context, so a
   * subscriber's span continues it directly.
   */
  REQUEST
}
