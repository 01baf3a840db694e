package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The simplest store the {@link EventStore} SPI allows: the appended objects in maps under one
 * lock, no bytes, no window. It shows the SPI is implementable without the in-memory store's wire
 * forms, and serves as a test double.
 */
public final class MapEventStore implements EventStore {
  private final Map<AggregateId, List<RecordedEvent<?>>> streams = new HashMap<>();
  private final Map<String, List<RecordedEvent<?>>> byMessageId = new HashMap<>();

  @Override
  public synchronized List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
    List<RecordedEvent<?>> stream = streams.getOrDefault(id, List.of());
    return afterRevision >= stream.size() ? List.of() : List.copyOf(stream.subList((int) afterRevision, stream.size()));
  }

  @Override
  public synchronized long revision(AggregateType<?, ?> type, AggregateId id) {
    return streams.getOrDefault(id, List.of()).size();
  }

  @Override
  public synchronized AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events) {
    List<RecordedEvent<?>> first = byMessageId.get(messageId);
    if (first != null) {
      return new AppendResult.Duplicate(first);
    }
    List<RecordedEvent<?>> stream = streams.computeIfAbsent(id, key -> new ArrayList<>());
    if (stream.size() != expectedRevision) {
      return new AppendResult.Conflict(stream.size());
    }
    stream.addAll(events);
    byMessageId.put(messageId, List.copyOf(events));
    return new AppendResult.Appended(events, stream.size());
  }

  @Override
  public synchronized Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    return Optional.ofNullable(byMessageId.get(messageId));
  }
}
