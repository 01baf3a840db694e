package com.weegigs.events.runtime;

import java.util.Objects;

/**
 * The current state of one aggregate.
 *
 * @param aggregate its identity
 * @param type its wire type (the same as {@code aggregate.type()}, repeated as on the wire)
 * @param revision how many events have been applied: 0 for one that has none yet
 * @param state the state record
 * @param <S> the state's Java type
 */
public record Entity<S>(AggregateId aggregate, String type, long revision, S state) {
  public Entity {
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(state, "state");
  }

  /** An entity whose type is its aggregate's type. */
  public Entity(AggregateId aggregate, long revision, S state) {
    this(aggregate, aggregate.type(), revision, state);
  }
}
