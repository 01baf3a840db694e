package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.store.EventStoreUnavailableException;

/**
 * The event store was not called because its circuit breaker is open ({@link GuardedEventStore}):
 * the service answers {@code UNAVAILABLE} with {@code details.circuitBreaker: "open"}, and does not
 * log each one as a failure of the store.
 */
public final class StoreCircuitOpenException extends EventStoreUnavailableException {
  private static final long serialVersionUID = 1L;

  StoreCircuitOpenException() {
    super("the event store's circuit breaker is open after repeated failures; calls fail at once until it lets a probe"
        + " through", null);
  }
}
