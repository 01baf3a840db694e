package com.weegigs.events.runtime.internal.generated;

/**
 * The state of an aggregate that has no events yet, from its key.
 *
 * @param <S> the state record
 */
@FunctionalInterface
public interface InitialState<S> {
  S create(String key);
}
