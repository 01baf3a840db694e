package com.weegigs.events.benchmarks;

import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * One kind of request that {@link ClosedLoopDriver} keeps in flight: raw jnats, the hand-written
 * micro service or the generated client. Closing it stops whatever the scenario started (its
 * responder, its service, its connections).
 *
 * @param <R> what a completed request yields
 */
public interface RequestTarget<R> extends AutoCloseable {

  /**
   * Sends one request. {@code slot} (0 to in-flight − 1) tells which of the concurrent request
   * loops is asking, so a scenario can give each loop its own keys.
   */
  CompletableFuture<R> send(int slot);

  /**
   * Looks at a reply as a caller would (decoding it where a real caller would) and says whether
   * it is an error reply.
   */
  boolean failed(R reply);

  /**
   * Called with nothing in flight before each measured run: a scenario that keeps state between
   * requests starts each run from the same state, so that a run's figures do not depend on how
   * many runs came before it. Nothing to do for the stateless raw scenarios.
   */
  default void reset() throws Exception {}

  /**
   * What the scenario counted since the last {@link #reset()}, as {@code key=value} pairs added to
   * the run's {@code RESULT} line (keys in snake case, values without spaces). None for most.
   */
  default Map<String, String> figures() throws Exception {
    return Map.of();
  }

  /**
   * Called with nothing in flight after the warm-up and after each measured run (once its
   * {@link #figures()} are read): a scenario whose responder answers subjects another scenario's
   * answers too (the generated receipts service's, the same in every {@code client-*} scenario)
   * stops answering until the next {@link #reset()}, so that in the suite, where every scenario's
   * JVM is up at once, only the scenario being measured answers them. Nothing to do for the raw
   * scenarios, whose subjects are their own.
   */
  default void idle() throws Exception {}

  @Override
  void close() throws Exception;
}
