package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.internal.wire.WireFields.describe;
import static com.weegigs.events.runtime.internal.wire.WireFields.expectEnd;
import static com.weegigs.events.runtime.internal.wire.WireFields.malformedReply;
import static com.weegigs.events.runtime.internal.wire.WireFields.nonEmpty;
import static com.weegigs.events.runtime.internal.wire.WireFields.readAggregateId;
import static com.weegigs.events.runtime.internal.wire.WireFields.readInstant;
import static com.weegigs.events.runtime.internal.wire.WireFields.readOptionalString;
import static com.weegigs.events.runtime.internal.wire.WireFields.readRevision;
import static com.weegigs.events.runtime.internal.wire.WireFields.readString;
import static com.weegigs.events.runtime.internal.wire.WireFields.writeAggregateId;
import static com.weegigs.events.runtime.internal.wire.WireFields.writeOptionalString;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.codec.JsonReader;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.wire.WireFields.Malformed;
import java.io.IOException;
import java.time.Instant;
import java.util.Arrays;

/**
 * The recorded event body of the wire contract ({@code docs/wire-contract.md}), as published on
 * an event subject, stored, and listed in a command reply: {@code {id, aggregate, type, version,
 * revision, timestamp, data, metadata}}, with {@code data} read as the event type {@code type} names.
 *
 * <p>{@code version} is the version of the event's stored shape; it is written only when above 1,
 * so the bytes of a version-1 event are as they were before events had versions. Data stored at an
 * older version than the event type's is read by the type's upcasting reader; data of a newer
 * version than this code knows is refused, never read as another shape.
 */
public final class RecordedEvents {
  private RecordedEvents() {}

  /** A recorded event as published and stored; {@code type} is written before {@code data}. */
  public static byte[] encodeRecordedEvent(AggregateType<?, ?> type, RecordedEvent<?> event) {
    return Envelopes.encode(generator -> writeRecordedEvent(generator, type, event));
  }

  /**
   * Writes one recorded event to {@code generator}.
   *
   * @throws IllegalArgumentException when the event's type is not one of {@code type}'s events
   */
  @SuppressWarnings("unchecked")
  public static void writeRecordedEvent(JsonGenerator generator, AggregateType<?, ?> type, RecordedEvent<?> event)
      throws IOException {
    EventType<?> eventType = type.event(event.type());
    if (eventType == null) {
      throw new IllegalArgumentException("event '" + event.type() + "' is not an event of " + type.name());
    }
    generator.writeStartObject();
    generator.writeStringField("id", event.id());
    generator.writeFieldName("aggregate");
    writeAggregateId(generator, event.aggregate());
    generator.writeStringField("type", event.type());
    if (eventType.version() > 1) {
      // Before data, so that a reader knows the shape of data when it gets there.
      generator.writeNumberField("version", eventType.version());
    }
    generator.writeNumberField("revision", event.revision());
    generator.writeStringField("timestamp", Timestamps.format(event.timestamp()));
    generator.writeFieldName("data");
    ((JsonCodec<Object>) eventType.codec()).write(generator, event.data());
    generator.writeFieldName("metadata");
    EventMetadata metadata = event.metadata();
    generator.writeStartObject();
    writeOptionalString(generator, "correlationId", metadata.correlationId());
    writeOptionalString(generator, "causationId", metadata.causationId());
    writeOptionalString(generator, "userId", metadata.userId());
    generator.writeEndObject();
    generator.writeEndObject();
  }

  /**
   * Decodes a recorded event of {@code type}, whatever the order of its fields.
   *
   * @throws ServiceException {@code INTERNAL} when the body breaks the contract or names an unknown event
   */
  public static <E> RecordedEvent<? extends E> decodeRecordedEvent(byte[] body, AggregateType<?, E> type) {
    nonEmpty(body);
    return decodeRecordedEvent(body, 0, body.length, type);
  }

  /**
   * Decodes a recorded event of {@code type} from the {@code length} bytes of {@code bytes} from
   * {@code offset}, whatever the order of its fields.
   *
   * @throws ServiceException {@code INTERNAL} when the bytes break the contract or name an unknown event
   */
  public static <E> RecordedEvent<? extends E> decodeRecordedEvent(
      byte[] bytes, int offset, int length, AggregateType<?, E> type) {
    if (length <= 0) {
      throw malformedReply("body is empty");
    }
    try (JsonParser parser = Envelopes.JSON.createParser(bytes, offset, length)) {
      parser.nextToken();
      RecordedEvent<? extends E> event = readRecordedEvent(parser, type);
      expectEnd(parser);
      return event;
    } catch (Malformed e) {
      throw malformedReply(e.getMessage());
    } catch (IOException e) {
      throw malformedReply("recorded event is not valid JSON");
    }
  }

  /** Reads the recorded event the parser is on (its {@code START_OBJECT}), up to its {@code END_OBJECT}. */
  @SuppressWarnings("unchecked")
  static <E> RecordedEvent<? extends E> readRecordedEvent(JsonParser parser, AggregateType<?, E> type)
      throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new Malformed("recorded event must be a JSON object");
    }
    String id = null;
    AggregateId aggregate = null;
    String eventName = null;
    int version = 0; // not seen (yet); absent means 1
    long revision = -1;
    Instant timestamp = null;
    Object data = null;
    int dataVersion = 0;
    byte[] bufferedData = null;
    EventMetadata metadata = new EventMetadata(null, null, null);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (field) {
        case "id":
          id = readString(parser, "id");
          break;
        case "aggregate":
          aggregate = readAggregateId(parser, "aggregate");
          break;
        case "type":
          eventName = readString(parser, "type");
          break;
        case "version":
          version = readVersion(parser);
          break;
        case "revision":
          revision = readRevision(parser, "revision");
          break;
        case "timestamp":
          timestamp = readInstant(parser, "timestamp");
          break;
        case "data":
          EventType<?> eventType = eventName == null ? null : type.event(eventName);
          if (eventName != null && (version > 0 || eventType == null || eventType.version() == 1)) {
            data = readEventData(parser, type, eventType, eventName, Math.max(version, 1));
            dataVersion = Math.max(version, 1);
          } else {
            // the type, or the version that says how to read the data, comes later (or, absent, means
            // version 1): keep a copy of the raw value and decode it once both are known
            bufferedData = copyValue(parser);
          }
          break;
        case "metadata":
          if (token == JsonToken.START_OBJECT) {
            metadata = readEventMetadata(parser);
          } else if (token != JsonToken.VALUE_NULL) {
            throw new Malformed("metadata must be an object");
          }
          break;
        default:
          parser.skipChildren();
      }
    }
    if (eventName == null) {
      throw new Malformed("recorded event has no type");
    }
    if (bufferedData != null) {
      try (JsonParser dataParser = Envelopes.JSON.createParser(bufferedData)) {
        dataParser.nextToken();
        data = readEventData(dataParser, type, type.event(eventName), eventName, Math.max(version, 1));
      }
    } else if (data != null && version > dataVersion) {
      // The data came first and was read as version 1 (the only version this code knows); it is not.
      unknownVersion(type.event(eventName), eventName, version);
    }
    if (id == null || aggregate == null || revision < 1 || timestamp == null || data == null) {
      throw new Malformed("recorded event needs id, aggregate, type, revision >= 1, timestamp and data");
    }
    return (RecordedEvent<? extends E>) new RecordedEvent<>(id, aggregate, eventName, revision, timestamp, data, metadata);
  }

  private static int readVersion(JsonParser parser) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT || parser.getNumberType() != JsonParser.NumberType.INT
        || parser.getIntValue() < 1) {
      throw new Malformed("version must be an integer from 1");
    }
    return parser.getIntValue();
  }

  private static void unknownVersion(EventType<?> eventType, String eventName, int version) throws Malformed {
    throw new Malformed("event " + eventName + " is stored at version " + version + ", but this code knows it up to version "
        + (eventType == null ? 1 : eventType.version()) + "; read it with code that knows the newer version");
  }

  private static Object readEventData(JsonParser parser, AggregateType<?, ?> type, EventType<?> eventType, String eventName,
      int version) throws IOException, Malformed {
    if (eventType == null) {
      throw new Malformed("'" + eventName + "' is not an event of " + type.name());
    }
    JsonReader<?> reader = eventType.reader(version);
    if (reader == null) {
      unknownVersion(eventType, eventName, version);
    }
    DecodeContext context = new DecodeContext();
    Object data;
    try {
      data = reader.read(parser, context);
    } catch (RuntimeException e) {
      throw new Malformed(version == eventType.version()
          ? "event " + eventName + " data could not be read"
          : "event " + eventName + " data of version " + version + " could not be read and upcast to version " + eventType.version());
    }
    if (context.hasViolations()) {
      throw new Malformed("event " + eventName + " data is not valid: " + describe(context.violations()));
    }
    return data;
  }

  private static byte[] copyValue(JsonParser parser) throws IOException {
    Envelopes.Output copy = new Envelopes.Output();
    try (JsonGenerator generator = Envelopes.JSON.createGenerator(copy)) {
      // Event by event, exactly: copyCurrentStructure turns a decimal such as 4.50 into a double (4.5).
      int depth = 0;
      do {
        JsonToken token = parser.currentToken();
        generator.copyCurrentEventExact(parser);
        if (token.isStructStart()) {
          depth++;
        } else if (token.isStructEnd()) {
          depth--;
        }
      } while (depth > 0 && parser.nextToken() != null);
    }
    return Arrays.copyOf(copy.buffer, copy.count);
  }

  private static EventMetadata readEventMetadata(JsonParser parser) throws IOException, Malformed {
    String correlationId = null;
    String causationId = null;
    String userId = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "correlationId":
          correlationId = readOptionalString(parser, "metadata.correlationId");
          break;
        case "causationId":
          causationId = readOptionalString(parser, "metadata.causationId");
          break;
        case "userId":
          userId = readOptionalString(parser, "metadata.userId");
          break;
        default:
          parser.skipChildren();
      }
    }
    return new EventMetadata(correlationId, causationId, userId);
  }
}
