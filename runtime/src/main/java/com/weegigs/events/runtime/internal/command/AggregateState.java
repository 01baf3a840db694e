package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.command.StateCache.Current;
import com.weegigs.events.runtime.store.EventStore;
import java.util.List;

/**
 * The states of one aggregate type: the cached state brought up to date with the events stored
 * after it, or the history folded from the start.
 */
final class AggregateState<S, E> {
  private final AggregateDefinition<S, E> definition;
  private final AggregateType<S, E> type;
  private final EventStore store;
  private final StateCache<S> cache;

  AggregateState(AggregateDefinition<S, E> definition, EventStore store, int cacheSize) {
    this.definition = definition;
    this.type = definition.type();
    this.store = store;
    this.cache = new StateCache<>(cacheSize);
  }

  /** The current state: the cached one brought up to date with newer events, or the history folded. */
  Current<S> load(AggregateId id) {
    Current<S> cached = cache.get(id);
    long after = cached == null ? 0 : cached.revision();
    List<RecordedEvent<?>> newer = store.load(type, id, after);
    if (cached != null && newer.isEmpty()) {
      return cached;
    }
    S state = cached != null ? cached.state() : initial(id);
    long revision = after;
    for (RecordedEvent<?> event : newer) {
      state = definition.apply(state, event.data());
      revision = event.revision();
    }
    Current<S> current = new Current<>(revision, state);
    cache.put(id, current);
    return current;
  }

  /** The state {@code id} was in at {@code revision}: the cached one when it is that, else rebuilt. */
  S at(AggregateId id, long revision) {
    Current<S> cached = cache.get(id);
    if (cached != null && cached.revision() == revision) {
      return cached.state();
    }
    // rare: a repeat of an older command; rebuild the state it left from the history
    S state = initial(id);
    for (RecordedEvent<?> event : store.load(type, id, 0)) {
      if (event.revision() > revision) {
        break;
      }
      state = definition.apply(state, event.data());
    }
    return state;
  }

  /** Remembers the state a command left. */
  void stored(AggregateId id, long revision, S state) {
    cache.put(id, new Current<>(revision, state));
  }

  /** Forgets the cached state of {@code id} (another writer moved it on). */
  void forget(AggregateId id) {
    cache.remove(id);
  }

  private S initial(AggregateId id) {
    return definition.hasInitialState() ? definition.initialState(id.key()) : null;
  }
}
