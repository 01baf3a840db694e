package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.RecordedEvent;

/**
 * Receives the events of a durable subscription ({@link DurableSubscriptionConfig}): the same
 * {@link RecordedEvent} a live {@link EventListener} gets, with how it was delivered. The events of
 * one stored command are acknowledged together once the listener has returned for each of them;
 * when it throws, the whole command is delivered again later (after the configured backoff), so a
 * listener should be idempotent: at-least-once, and {@link Delivery#count()} above 1 says it may
 * have seen the event before.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface DurableEventListener<E> {
  /**
   * Handles one event.
   *
   * @param event the recorded event, with its data decoded
   * @param delivery the delivery count and the stream sequence of its stored command
   * @throws Exception anything: the command is delivered again after the backoff, and after the
   *     configured maximum of deliveries it is moved to the dead-letter subject
   */
  void onEvent(RecordedEvent<E> event, Delivery delivery) throws Exception;
}
