package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.command.StateCache.Current;
import com.weegigs.events.runtime.internal.store.SnapshotKeeping;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.store.EventStore;
import io.opentelemetry.api.trace.Span;
import java.util.List;

/**
 * The states of one aggregate type: the cached state brought up to date with the events stored
 * after it, or the history folded from the start (from the latest snapshot, for a store that keeps
 * them).
 */
final class AggregateState<S, E> {
  private final AggregateDefinition<S, E> definition;
  private final AggregateType<S, E> type;
  private final EventStore store;
  private final StateCache<S> cache;
  private final CommandCounters counters;
  /** The store again when it keeps snapshots (and takes them), else {@code null}. */
  private final SnapshotKeeping snapshots;
  private final int snapshotInterval;

  AggregateState(AggregateDefinition<S, E> definition, EventStore store, int cacheSize, CommandCounters counters) {
    this.definition = definition;
    this.type = definition.type();
    this.store = store;
    this.cache = new StateCache<>(cacheSize);
    this.counters = counters;
    this.snapshots = store instanceof SnapshotKeeping keeping && keeping.snapshotInterval() > 0 ? keeping : null;
    this.snapshotInterval = snapshots == null ? 0 : snapshots.snapshotInterval();
  }

  /**
   * The cached state as it is, without asking the store for newer events, or the history folded
   * when none is cached. For stores that refuse an append with a stale expectation: a stale entry
   * then costs a conflict and a reload, never a wrong state.
   */
  Current<S> cached(AggregateId id) {
    Current<S> cached = cache.get(id);
    if (cached != null) {
      counters.cacheHit();
      Span.current().setAttribute(Telemetry.LOAD_SOURCE, "cache").setAttribute(Telemetry.EVENTS_REPLAYED, 0L);
      return cached;
    }
    counters.cacheMiss();
    return rehydrate(id);
  }

  /** The current state: the cached one brought up to date with newer events, or the history folded. */
  Current<S> load(AggregateId id) {
    Current<S> cached = cache.get(id);
    if (cached != null) {
      counters.cacheHit();
      List<RecordedEvent<?>> newer = store.load(type, id, cached.revision());
      Span.current().setAttribute(Telemetry.LOAD_SOURCE, "cache");
      return newer.isEmpty() ? replayed(cached, 0) : fold(id, cached.revision(), cached.state(), newer);
    }
    counters.cacheMiss();
    return rehydrate(id);
  }

  /** The history folded: from the latest snapshot when the store has one, else from the start. */
  private Current<S> rehydrate(AggregateId id) {
    long started = System.nanoTime();
    SnapshotKeeping.History<S> history = snapshots == null ? null : snapshots.history(type, id);
    SnapshotKeeping.Snapshot<S> snapshot = history == null ? null : history.snapshot();
    Span.current().setAttribute(Telemetry.LOAD_SOURCE, snapshot != null ? "snapshot" : "history");
    List<RecordedEvent<?>> events = history != null ? history.events() : store.load(type, id, 0);
    Current<S> current = snapshot != null
        ? fold(id, snapshot.revision(), snapshot.state(), events)
        : fold(id, 0, initial(id), events);
    counters.rehydrated(System.nanoTime() - started);
    return current;
  }

  /** {@code state} at {@code revision} with {@code newer} applied, cached. */
  private Current<S> fold(AggregateId id, long revision, S state, List<RecordedEvent<?>> newer) {
    S folded = state;
    long at = revision;
    for (RecordedEvent<?> event : newer) {
      folded = definition.apply(folded, event.data());
      at = event.revision();
    }
    Current<S> current = new Current<>(at, folded);
    cache.put(id, current);
    return replayed(current, newer.size());
  }

  /** Notes on the load span and in the metrics how many events a load folded. */
  private Current<S> replayed(Current<S> current, int events) {
    Span.current().setAttribute(Telemetry.EVENTS_REPLAYED, (long) events);
    counters.replayed(events);
    return current;
  }

  /** The state {@code id} was in at {@code revision}: the cached one when it is that, else rebuilt. */
  S at(AggregateId id, long revision) {
    Current<S> cached = cache.get(id);
    if (cached != null && cached.revision() == revision) {
      return cached.state();
    }
    // rare: a repeat of an older command; rebuild the state it left from the history
    long started = System.nanoTime();
    S state = initial(id);
    for (RecordedEvent<?> event : store.load(type, id, 0)) {
      if (event.revision() > revision) {
        break;
      }
      state = definition.apply(state, event.data());
    }
    counters.rehydrated(System.nanoTime() - started);
    return state;
  }

  /**
   * Remembers the state a command left, and offers it as a snapshot when the command took the
   * aggregate across a multiple of the store's snapshot interval.
   */
  void stored(AggregateId id, long before, long revision, S state) {
    cache.put(id, new Current<>(revision, state));
    if (snapshots != null && before / snapshotInterval != revision / snapshotInterval) {
      snapshots.offer(type, id, revision, state);
    }
  }

  /** Forgets the cached state of {@code id} (another writer moved it on). */
  void forget(AggregateId id) {
    cache.remove(id);
  }

  private S initial(AggregateId id) {
    return definition.hasInitialState() ? definition.initialState(id.key()) : null;
  }
}
