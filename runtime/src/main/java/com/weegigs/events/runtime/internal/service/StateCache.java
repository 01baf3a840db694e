package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.AggregateId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The current state of recently used aggregates of one type, least recently used dropped first.
 * An entry is only a starting point: the caller brings it up to date with the events stored after
 * its revision, so a stale entry (another instance wrote) costs a short catch-up, never a wrong state.
 */
final class StateCache<S> {
  /** A state and the revision it is at; {@code state} is {@code null} for an aggregate that does not exist. */
  record Current<S>(long revision, S state) {}

  private final int maxAggregates;
  private final LinkedHashMap<AggregateId, Current<S>> entries;

  StateCache(int maxAggregates) {
    this.maxAggregates = maxAggregates;
    this.entries = new LinkedHashMap<>(16, 0.75f, true) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<AggregateId, Current<S>> eldest) {
        return size() > StateCache.this.maxAggregates;
      }
    };
  }

  Current<S> get(AggregateId id) {
    if (maxAggregates == 0) {
      return null;
    }
    synchronized (entries) {
      return entries.get(id);
    }
  }

  void put(AggregateId id, Current<S> current) {
    if (maxAggregates == 0 || current.state() == null) {
      return;
    }
    synchronized (entries) {
      Current<S> existing = entries.get(id);
      // never replace a newer state with an older one (a query may race a command)
      if (existing == null || existing.revision() <= current.revision()) {
        entries.put(id, current);
      }
    }
  }

  void remove(AggregateId id) {
    synchronized (entries) {
      entries.remove(id);
    }
  }
}
