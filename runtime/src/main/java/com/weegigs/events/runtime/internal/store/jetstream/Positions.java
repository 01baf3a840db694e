package com.weegigs.events.runtime.internal.store.jetstream;

import com.weegigs.events.runtime.AggregateId;
import java.util.Iterator;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the store last saw each aggregate: its revision and the stream sequence of the subject's
 * last message then. A hint only: an append that expects a stale sequence is refused by JetStream
 * and the position read again. Bounded: past its capacity, an arbitrary tenth is forgotten (a
 * forgotten position costs one read).
 */
final class Positions {
  /** {@code revision} events are stored on the subject up to and including stream sequence {@code sequence}. */
  record Position(long revision, long sequence) {}

  private final int capacity;
  private final ConcurrentHashMap<AggregateId, Position> positions = new ConcurrentHashMap<>();

  Positions(int capacity) {
    this.capacity = capacity;
  }

  Position get(AggregateId id) {
    return positions.get(id);
  }

  /** Remembers {@code position} unless a later one is known. */
  void put(AggregateId id, Position position) {
    positions.merge(id, position, (old, now) -> old.sequence() > now.sequence() ? old : now);
    trim(positions, capacity);
  }

  /** Forgets an arbitrary tenth of {@code map} when it holds more than {@code capacity} entries. */
  static void trim(ConcurrentHashMap<?, ?> map, int capacity) {
    if (map.size() > capacity) {
      int drop = Math.max(1, capacity / 10);
      Iterator<?> keys = map.keySet().iterator();
      while (drop-- > 0 && keys.hasNext()) {
        keys.next();
        keys.remove();
      }
    }
  }

  void forget(AggregateId id) {
    positions.remove(id);
  }
}
