package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.definition.AggregateType;

/**
 * An event store that also keeps snapshots of states. The command core asks it for the latest
 * snapshot when it loads an aggregate it has not cached (then reads only the events after it), and
 * offers the state a command left whenever the aggregate's revision crosses a multiple of
 * {@link #snapshotInterval()}. The store decides what to keep; a snapshot it cannot read for the
 * state's current shape it does not return.
 */
public interface SnapshotKeeping {
  /** A state at a revision. */
  record Snapshot<S>(long revision, S state) {}

  /** A snapshot is offered every this many events; 0 for none. */
  int snapshotInterval();

  /** The latest snapshot of {@code id} readable as {@code type}'s state now, or {@code null}. */
  <S> Snapshot<S> snapshot(AggregateType<S, ?> type, AggregateId id);

  /** Offers {@code state}, {@code id}'s state at {@code revision}; never throws, never blocks for long. */
  <S> void offer(AggregateType<S, ?> type, AggregateId id, long revision, S state);
}
