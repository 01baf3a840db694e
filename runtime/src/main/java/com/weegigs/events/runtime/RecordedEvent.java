package com.weegigs.events.runtime;

import java.time.Instant;
import java.util.Objects;

/**
 * An event as it is stored and published.
 *
 * @param id unique id of the event
 * @param aggregate the aggregate it belongs to
 * @param type the event's wire name, such as {@code item-added}
 * @param revision the aggregate's revision once this event is applied (the first event is 1)
 * @param timestamp when it was recorded
 * @param data the event itself
 * @param metadata correlation, causation and user
 * @param <E> the event's Java type
 */
public record RecordedEvent<E>(
    String id,
    AggregateId aggregate,
    String type,
    long revision,
    Instant timestamp,
    E data,
    EventMetadata metadata) {

  public RecordedEvent {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(aggregate, "aggregate");
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(timestamp, "timestamp");
    Objects.requireNonNull(data, "data");
    Objects.requireNonNull(metadata, "metadata");
  }
}
