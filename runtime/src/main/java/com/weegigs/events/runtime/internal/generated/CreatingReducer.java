package com.weegigs.events.runtime.internal.generated;

/**
 * Starts the state of an aggregate without an initial state from its first event. Pure.
 *
 * @param <S> the state record
 * @param <X> the event record
 */
@FunctionalInterface
public interface CreatingReducer<S, X> {
  S apply(X event);
}
