package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.Subjects;
import io.nats.client.Connection;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Publishes the events one aggregate type's commands stored, each on its event subject. */
final class EventPublisher {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");

  private final Connection connection;
  private final Telemetry telemetry;
  /** Each event type's subject and the name of the span that publishes it, by event name. */
  private final Map<String, Target> targets = new HashMap<>();

  private record Target(String subject, String spanName) {}

  EventPublisher(Connection connection, String service, AggregateType<?, ?> type, Telemetry telemetry) {
    this.connection = connection;
    this.telemetry = telemetry;
    for (EventType<?> event : type.events().values()) {
      String subject = Subjects.event(service, type.name(), event.name());
      targets.put(event.name(), new Target(subject, "publish " + subject));
    }
  }

  /**
   * Publishes each event's wire form, in a producer span of its own (a child of the request's,
   * when that one is recorded),
   * with no headers but that span's trace context when the request brought one (the event's id is
   * in its body); a failure is logged.
   */
  void publish(List<RecordedEvent<?>> events, byte[][] wireForms, RequestTrace trace) {
    for (int i = 0; i < wireForms.length; i++) {
      RecordedEvent<?> event = events.get(i);
      Target target = targets.get(event.type());
      Span span = !telemetry.recordsUnder(trace.context) ? Span.getInvalid() : telemetry.span(target.spanName(), SpanKind.PRODUCER, trace.context)
          .setAttribute(Telemetry.DESTINATION, target.subject())
          .setAttribute(Telemetry.OPERATION_TYPE, "send")
          .setAttribute(Telemetry.OPERATION_NAME, "publish")
          .setAttribute(Telemetry.MESSAGE_ID, event.id())
          .setAttribute(Telemetry.BODY_SIZE, (long) wireForms[i].length)
          .setAttribute(Telemetry.EVENT_TYPE, event.type())
          .setAttribute(Telemetry.REVISION, event.revision())
          .startSpan();
      try {
        connection.publish(target.subject(), trace.eventHeaders(Telemetry.with(trace.context, span)), wireForms[i]);
      } catch (RuntimeException e) {
        // the events are stored: the store is the truth, live publications are notifications
        Telemetry.failed(span, e);
        LOG.warn("could not publish event {} ({} of {})", event.id(), event.type(), event.aggregate(), e);
      } finally {
        span.end();
      }
    }
  }
}
