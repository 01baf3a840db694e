package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.RecordedEvent;

/**
 * Receives live events of a subscription, one at a time and in the order they arrive. A listener
 * that throws is logged and the subscription goes on with the next event.
 *
 * @param <E> the event type
 */
@FunctionalInterface
public interface EventListener<E> {
  /**
   * Handles one event.
   *
   * @param event the recorded event, with its data decoded
   * @throws Exception anything; it is logged and does not end the subscription
   */
  void onEvent(RecordedEvent<E> event) throws Exception;
}
