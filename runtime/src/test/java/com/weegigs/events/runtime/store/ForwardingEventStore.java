package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import java.util.List;
import java.util.Optional;

/** A store that passes every call on to another; tests override the calls they watch or disturb. */
public class ForwardingEventStore implements EventStore {
  private final EventStore delegate;

  public ForwardingEventStore(EventStore delegate) {
    this.delegate = delegate;
  }

  @Override
  public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
    return delegate.load(type, id, afterRevision);
  }

  @Override
  public long revision(AggregateType<?, ?> type, AggregateId id) {
    return delegate.revision(type, id);
  }

  @Override
  public AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events) {
    return delegate.append(type, id, expectedRevision, messageId, events);
  }

  @Override
  public Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    return delegate.recorded(messageId);
  }
}
