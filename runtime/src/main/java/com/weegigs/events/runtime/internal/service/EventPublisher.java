package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.internal.wire.Subjects;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the events one aggregate type's commands stored, each on its event subject. */
final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");

  private final Connection connection;
  private final Map<String, String> subjects = new HashMap<>();

  EventPublisher(Connection connection, String service, AggregateType<?, ?> type) {
    this.connection = connection;
    for (EventType<?> event : type.events().values()) {
      subjects.put(event.name(), Subjects.event(service, type.name(), event.name()));
    }
  }

  /**
   * Publishes each event's wire form with no headers but the request's trace context, when it had
   * one (the event's id is in its body); a failure is logged.
   */
  void publish(List<RecordedEvent<?>> events, byte[][] wireForms, TraceContext trace) {
    Headers headers = trace.eventHeaders();
    for (int i = 0; i < wireForms.length; i++) {
      RecordedEvent<?> event = events.get(i);
      try {
        connection.publish(subjects.get(event.type()), headers, wireForms[i]);
      } catch (RuntimeException e) {
        // the events are stored: the store is the truth, live publications are notifications
        LOG.warn("could not publish event {} ({} of {})", event.id(), event.type(), event.aggregate(), e);
      }
    }
  }
}
