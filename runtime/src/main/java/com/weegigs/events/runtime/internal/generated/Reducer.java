package com.weegigs.events.runtime.internal.generated;

/**
 * Applies one event to a state and returns the next state. Pure.
 *
 * @param <S> the state record
 * @param <X> the event record
 */
@FunctionalInterface
public interface Reducer<S, X> {
  S apply(S state, X event);
}
