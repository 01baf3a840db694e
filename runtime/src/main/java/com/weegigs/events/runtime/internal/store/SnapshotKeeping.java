package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import java.util.List;

/**
 * An event store that also keeps snapshots of states. The command core asks it for the history
 * of an aggregate it has not cached (the latest snapshot and only the events after it), and
 * offers the state a command left whenever the aggregate's revision crosses a multiple of
 * {@link #snapshotInterval()}. The store decides what to keep; a snapshot it cannot read for the
 * state's current shape it does not return.
 */
public interface SnapshotKeeping {
  /** A state at a revision. */
  record Snapshot<S>(long revision, S state) {}

  /** A snapshot is offered every this many events; 0 for none. */
  int snapshotInterval();

  /** The latest snapshot readable as the state's current shape ({@code null}: none) and the events after it. */
  record History<S>(Snapshot<S> snapshot, List<RecordedEvent<?>> events) {}

  /**
   * What a cold load of {@code id} folds: its latest snapshot readable as {@code type}'s state now
   * ({@code null}: none, fold from the start) and the events after it, read as cheaply as the
   * store can.
   */
  <S> History<S> history(AggregateType<S, ?> type, AggregateId id);

  /** The latest snapshot of {@code id} readable as {@code type}'s state now, or {@code null}. */
  <S> Snapshot<S> snapshot(AggregateType<S, ?> type, AggregateId id);

  /** Offers {@code state}, {@code id}'s state at {@code revision}; never throws, never blocks for long. */
  <S> void offer(AggregateType<S, ?> type, AggregateId id, long revision, S state);
}
