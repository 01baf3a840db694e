package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.generated.JsonRecords;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Encodes and decodes every body of the wire contract ({@code WIRE.md}) with jackson-core's
 * streaming API, driven by an {@link AggregateType} for the state, command and event payloads.
 *
 * <p>Decoders accept fields in any order and skip fields they do not know. Request decoders
 * ({@link #decodeCommandRequest}, {@link #decodeQueryRequest}) throw a {@link ServiceException}
 * that is ready to send back: {@code INVALID_REQUEST} when the body is not JSON, not the envelope
 * or names another aggregate type or a bad key, {@code VALIDATION_FAILED} (with
 * {@code details.violations}) when the command payload cannot be read as its type. Reply decoders
 * ({@link #decodeEntity}, {@link #decodeRecordedEvent}, {@link #decodeError}) throw a
 * {@link ServiceException} with code {@code INTERNAL} for a body that breaks the contract.
 *
 * <p>Violation paths of the command payload are relative to the payload ({@code price}, not
 * {@code command.price}), as the example in {@code WIRE.md} shows and as generated validators
 * report them, so both kinds of violation read the same.
 *
 * <p>Encoders write straight into a per-thread buffer and return the bytes to send.
 */
public final class Envelopes {
  /** The one factory: thread-safe, and it recycles parser and generator buffers per thread. */
  public static final JsonFactory JSON = new JsonFactory();

  /** JSON Schema of the query request, for the query endpoint's {@code wee.schema} metadata. */
  public static final String QUERY_REQUEST_SCHEMA =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"query request\","
          + "\"type\":\"object\",\"required\":[\"aggregateId\"],\"properties\":{\"aggregateId\":"
          + "{\"type\":\"object\",\"required\":[\"type\",\"key\"],\"properties\":{"
          + "\"type\":{\"type\":\"string\",\"pattern\":\"^[a-z][a-z0-9-]*$\",\"minLength\":1,\"maxLength\":50},"
          + "\"key\":{\"type\":\"string\",\"minLength\":1}}}}}";

  /** JSON Schema of the health request (an empty body), for the health endpoint's metadata. */
  public static final String HEALTH_REQUEST_SCHEMA =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"health request\","
          + "\"description\":\"empty body\"}";

  /**
   * The factory of the generators each thread keeps (see {@link Output}): one document after
   * another with nothing between them, where a generator would put a space before each root value
   * after the first.
   */
  private static final JsonFactory REUSED = new JsonFactoryBuilder().rootValueSeparator((String) null).build();
  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);
  private static final int RETAINED_BUFFER_LIMIT = 64 * 1024;

  private Envelopes() {}

  /** Writes one JSON document. */
  @FunctionalInterface
  public interface JsonWriter {
    /** Writes the whole document to {@code generator}. */
    void write(JsonGenerator generator) throws IOException;
  }

  /** A decoded command request; {@code metadata} is never {@code null} (fields may be). */
  public record CommandRequest<C>(AggregateId aggregateId, C command, CommandMetadata metadata) {}

  /**
   * A decoded error body.
   *
   * @param code the code as sent (may be one this version does not know)
   * @param message the human message
   * @param details the details as plain Java values, never {@code null}
   */
  public record ErrorReply(String code, String message, Map<String, Object> details) {
    /** The code as an {@link ErrorCode}, or {@code null} when this version does not know it. */
    public ErrorCode errorCode() {
      for (ErrorCode candidate : ErrorCode.values()) {
        if (candidate.name().equals(code)) {
          return candidate;
        }
      }
      return null;
    }

    /** {@code details.violations} as {@link Violation}s (empty when there are none). */
    public List<Violation> violations() {
      return JsonValues.violations(details);
    }
  }

  // ---------------------------------------------------------------- encoding

  /** Runs {@code writer} against a fresh generator and returns the UTF-8 bytes it wrote. */
  public static byte[] encode(JsonWriter writer) {
    Output output = Output.acquire();
    try {
      JsonGenerator generator = output.generator();
      writer.write(generator);
      output.finish(generator);
      return Arrays.copyOf(output.buffer, output.count);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      output.release();
    }
  }

  /** {@code {aggregateId, command, metadata}}; {@code metadata} may be {@code null} and is written without its {@code null} fields. */
  public static <C> byte[] encodeCommandRequest(
      AggregateId aggregateId, CommandType<C> commandType, C command, CommandMetadata metadata) {
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(command, "command");
    return encode(generator -> {
      generator.writeStartObject();
      generator.writeFieldName("aggregateId");
      writeAggregateId(generator, aggregateId);
      generator.writeFieldName("command");
      commandType.codec().write(generator, command);
      if (metadata != null) {
        generator.writeFieldName("metadata");
        writeCommandMetadata(generator, metadata);
      }
      generator.writeEndObject();
    });
  }

  /** {@code {aggregateId}}. */
  public static byte[] encodeQueryRequest(AggregateId aggregateId) {
    Objects.requireNonNull(aggregateId, "aggregateId");
    return encode(generator -> {
      generator.writeStartObject();
      generator.writeFieldName("aggregateId");
      writeAggregateId(generator, aggregateId);
      generator.writeEndObject();
    });
  }

  /**
   * The entity reply: {@code {aggregate, type, revision, state}} plus {@code events} when
   * {@code events} is not {@code null} (command replies; query replies pass {@code null}).
   */
  public static <S> byte[] encodeEntity(
      AggregateType<S, ?> type, Entity<S> entity, Collection<? extends RecordedEvent<?>> events) {
    return encode(generator -> writeEntity(generator, type, entity, events));
  }

  /**
   * A command's reply and its events, encoded in one pass.
   *
   * @param reply the entity reply with its {@code events}
   * @param events each recorded event on its own, as published (the same bytes as in {@code reply})
   */
  public record CommandReply(byte[] reply, byte[][] events) {}

  /**
   * Encodes the entity reply of a command and, from the same pass, each of its recorded events
   * on its own for publishing: one generator, and each event is written once.
   */
  public static <S> CommandReply encodeCommandReply(
      AggregateType<S, ?> type, Entity<S> entity, List<? extends RecordedEvent<?>> events) {
    Output output = Output.acquire();
    try {
      int[] starts = new int[events.size()];
      int[] ends = new int[events.size()];
      JsonGenerator generator = output.generator();
      generator.writeStartObject();
      writeEntityFields(generator, type, entity);
      generator.writeArrayFieldStart("events");
      for (int i = 0; i < starts.length; i++) {
        generator.flush();
        int start = output.count;
        writeRecordedEvent(generator, type, events.get(i));
        generator.flush();
        // the separator before every event but the first is written with the event
        starts[i] = output.buffer[start] == ',' ? start + 1 : start;
        ends[i] = output.count;
      }
      generator.writeEndArray();
      generator.writeEndObject();
      output.finish(generator);
      byte[][] encodedEvents = new byte[starts.length][];
      for (int i = 0; i < starts.length; i++) {
        encodedEvents[i] = Arrays.copyOfRange(output.buffer, starts[i], ends[i]);
      }
      return new CommandReply(Arrays.copyOf(output.buffer, output.count), encodedEvents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      output.release();
    }
  }

  private static <S> void writeEntityFields(JsonGenerator generator, AggregateType<S, ?> type, Entity<S> entity)
      throws IOException {
    generator.writeFieldName("aggregate");
    writeAggregateId(generator, entity.aggregate());
    generator.writeStringField("type", entity.type());
    generator.writeNumberField("revision", entity.revision());
    generator.writeFieldName("state");
    type.stateCodec().write(generator, entity.state());
  }

  /** Writes the entity reply to {@code generator}; see {@link #encodeEntity}. */
  public static <S> void writeEntity(
      JsonGenerator generator, AggregateType<S, ?> type, Entity<S> entity, Collection<? extends RecordedEvent<?>> events)
      throws IOException {
    generator.writeStartObject();
    writeEntityFields(generator, type, entity);
    if (events != null) {
      generator.writeArrayFieldStart("events");
      for (RecordedEvent<?> event : events) {
        writeRecordedEvent(generator, type, event);
      }
      generator.writeEndArray();
    }
    generator.writeEndObject();
  }

  /** A recorded event as published and stored; {@code type} is written before {@code data}. */
  public static byte[] encodeRecordedEvent(AggregateType<?, ?> type, RecordedEvent<?> event) {
    return encode(generator -> writeRecordedEvent(generator, type, event));
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

  /** {@code {error: {code, message, details}}}; {@code details} may be {@code null} (written as {@code {}}). */
  public static byte[] encodeError(ErrorCode code, String message, Map<String, ?> details) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    return encode(generator -> {
      generator.writeStartObject();
      generator.writeObjectFieldStart("error");
      generator.writeStringField("code", code.name());
      generator.writeStringField("message", message);
      generator.writeFieldName("details");
      JsonValues.write(generator, details == null ? Map.of() : details);
      generator.writeEndObject();
      generator.writeEndObject();
    });
  }

  /** The error body of {@code exception}: its code, message and details. */
  public static byte[] encodeError(ServiceException exception) {
    return encodeError(exception.code(), exception.getMessage(), exception.details());
  }

  /** The health report: {@code {status, service, version, aggregates}}. */
  public static byte[] encodeHealth(String status, String service, String version, List<String> aggregates) {
    return encode(generator -> {
      generator.writeStartObject();
      generator.writeStringField("status", status);
      generator.writeStringField("service", service);
      generator.writeStringField("version", version);
      generator.writeArrayFieldStart("aggregates");
      for (String aggregate : aggregates) {
        generator.writeString(aggregate);
      }
      generator.writeEndArray();
      generator.writeEndObject();
    });
  }

  /** Writes {@code {type, key}}. */
  public static void writeAggregateId(JsonGenerator generator, AggregateId id) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("type", id.type());
    generator.writeStringField("key", id.key());
    generator.writeEndObject();
  }

  /** Writes command metadata, leaving out {@code null} fields. */
  public static void writeCommandMetadata(JsonGenerator generator, CommandMetadata metadata) throws IOException {
    generator.writeStartObject();
    writeOptionalString(generator, "messageId", metadata.messageId());
    writeOptionalString(generator, "correlationId", metadata.correlationId());
    writeOptionalString(generator, "causationId", metadata.causationId());
    if (metadata.timestamp() != null) {
      generator.writeStringField("timestamp", Timestamps.formatUtc(metadata.timestamp()));
    }
    writeOptionalString(generator, "userId", metadata.userId());
    if (metadata.expectedRevision() != null) {
      generator.writeNumberField("expectedRevision", metadata.expectedRevision());
    }
    generator.writeEndObject();
  }

  /** The {@code VALIDATION_FAILED} error of a command, with every violation in {@code details.violations}. */
  public static ServiceException validationFailed(String commandName, List<Violation> violations) {
    return new ServiceException(
        ErrorCode.VALIDATION_FAILED, "command " + commandName + " is not valid", violationDetails(violations));
  }

  /** {@code {violations: [{path, message}, ...]}} as plain Java values. */
  public static Map<String, Object> violationDetails(List<Violation> violations) {
    List<Object> list = new ArrayList<>(violations.size());
    for (Violation violation : violations) {
      Map<String, Object> entry = new LinkedHashMap<>(4);
      entry.put("path", violation.path());
      entry.put("message", violation.message());
      list.add(java.util.Collections.unmodifiableMap(entry));
    }
    return Map.of("violations", List.copyOf(list));
  }

  // ---------------------------------------------------------------- decoding requests

  /**
   * Decodes a command request for {@code aggregateType} whose payload is a {@code commandType}.
   *
   * @throws ServiceException {@code INVALID_REQUEST} or {@code VALIDATION_FAILED}, ready to send
   */
  public static <C> CommandRequest<C> decodeCommandRequest(byte[] body, String aggregateType, CommandType<C> commandType) {
    if (body == null || body.length == 0) {
      throw invalidRequest("request body is empty; expected a command request {aggregateId, command, metadata}");
    }
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalidRequest("request body must be a JSON object {aggregateId, command, metadata}");
      }
      AggregateId aggregateId = null;
      C command = null;
      boolean sawCommand = false;
      CommandMetadata metadata = CommandMetadata.EMPTY;
      DecodeContext context = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (field) {
          case "aggregateId":
            aggregateId = readRequestAggregateId(parser, aggregateType);
            break;
          case "command":
            if (token != JsonToken.START_OBJECT) {
              throw invalidRequest("command must be a JSON object");
            }
            context = new DecodeContext();
            command = readCommand(parser, commandType, context);
            sawCommand = true;
            break;
          case "metadata":
            metadata = readCommandMetadata(parser);
            break;
          default:
            parser.skipChildren();
        }
      }
      expectEnd(parser);
      if (aggregateId == null) {
        throw invalidRequest("aggregateId is missing");
      }
      if (!sawCommand) {
        throw invalidRequest("command is missing");
      }
      if (context.hasViolations()) {
        throw validationFailed(commandType.name(), context.violations());
      }
      if (command == null) {
        throw validationFailed(commandType.name(), List.of(new Violation("", "could not be read")));
      }
      return new CommandRequest<>(aggregateId, command, metadata);
    } catch (Malformed e) {
      throw invalidRequest(e.getMessage());
    } catch (IOException e) {
      throw invalidRequest("request body is not valid JSON");
    }
  }

  /**
   * Decodes a query request for {@code aggregateType}.
   *
   * @throws ServiceException {@code INVALID_REQUEST}, ready to send
   */
  public static AggregateId decodeQueryRequest(byte[] body, String aggregateType) {
    if (body == null || body.length == 0) {
      throw invalidRequest("request body is empty; expected a query request {aggregateId}");
    }
    try (JsonParser parser = JSON.createParser(body)) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw invalidRequest("request body must be a JSON object {aggregateId}");
      }
      AggregateId aggregateId = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("aggregateId")) {
          aggregateId = readRequestAggregateId(parser, aggregateType);
        } else {
          parser.skipChildren();
        }
      }
      expectEnd(parser);
      if (aggregateId == null) {
        throw invalidRequest("aggregateId is missing");
      }
      return aggregateId;
    } catch (Malformed e) {
      throw invalidRequest(e.getMessage());
    } catch (IOException e) {
      throw invalidRequest("request body is not valid JSON");
    }
  }

  private static <C> C readCommand(JsonParser parser, CommandType<C> commandType, DecodeContext context) throws IOException {
    try {
      return commandType.codec().read(parser, context);
    } catch (IllegalArgumentException e) {
      // a record's own checks (compact constructor) refused the values: a validation failure,
      // reported with the message the record's author wrote
      String reason = JsonRecords.callerSafeReason(e);
      String message = reason == null ? "is not valid" : reason;
      throw validationFailed(commandType.name(), List.of(new Violation("", message)));
    } catch (RuntimeException e) {
      if (e instanceof ServiceException) {
        throw e;
      }
      throw invalidRequest("command " + commandType.name() + " could not be read");
    }
  }

  private static AggregateId readRequestAggregateId(JsonParser parser, String expectedType) throws IOException, Malformed {
    AggregateId id = readAggregateId(parser, "aggregateId");
    if (!id.type().equals(expectedType)) {
      throw new Malformed("aggregateId.type '" + id.type() + "' does not match this endpoint's aggregate type '"
          + expectedType + "'");
    }
    return id;
  }

  // ---------------------------------------------------------------- decoding replies and events

  /**
   * Decodes an entity reply (with its {@code events} when present) of {@code type}.
   *
   * @throws ServiceException {@code INTERNAL} when the body breaks the contract
   */
  public static <S, E> CommandResult<S, E> decodeEntity(byte[] body, AggregateType<S, E> type) {
    try (JsonParser parser = JSON.createParser(nonEmpty(body))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Malformed("entity must be a JSON object");
      }
      AggregateId aggregate = null;
      String entityType = null;
      long revision = -1;
      S state = null;
      List<RecordedEvent<? extends E>> events = List.of();
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        switch (field) {
          case "aggregate":
            aggregate = readAggregateId(parser, "aggregate");
            break;
          case "type":
            entityType = readString(parser, "type");
            break;
          case "revision":
            revision = readRevision(parser, "revision");
            break;
          case "state": {
            DecodeContext context = new DecodeContext();
            state = type.stateCodec().read(parser, context);
            if (context.hasViolations()) {
              throw new Malformed("state is not a valid " + type.name() + ": " + describe(context.violations()));
            }
            break;
          }
          case "events":
            if (token != JsonToken.START_ARRAY) {
              throw new Malformed("events must be an array");
            }
            List<RecordedEvent<? extends E>> list = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
              list.add(readRecordedEvent(parser, type));
            }
            events = list;
            break;
          default:
            parser.skipChildren();
        }
      }
      expectEnd(parser);
      if (aggregate == null || revision < 0 || state == null) {
        throw new Malformed("entity needs aggregate, revision and state");
      }
      if (!aggregate.type().equals(type.name()) || (entityType != null && !entityType.equals(type.name()))) {
        throw new Malformed("entity is a '" + aggregate.type() + "', expected a '" + type.name() + "'");
      }
      return new CommandResult<>(new Entity<>(aggregate, type.name(), revision, state), events);
    } catch (Malformed e) {
      throw malformedReply(e.getMessage());
    } catch (IOException e) {
      throw malformedReply("entity is not valid JSON");
    }
  }

  /**
   * Decodes a recorded event of {@code type}, whatever the order of its fields.
   *
   * @throws ServiceException {@code INTERNAL} when the body breaks the contract or names an unknown event
   */
  public static <E> RecordedEvent<? extends E> decodeRecordedEvent(byte[] body, AggregateType<?, E> type) {
    try (JsonParser parser = JSON.createParser(nonEmpty(body))) {
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

  /**
   * Decodes an error body {@code {error: {code, message, details}}}.
   *
   * @throws ServiceException {@code INTERNAL} when the body is not one
   */
  @SuppressWarnings("unchecked")
  public static ErrorReply decodeError(byte[] body) {
    try (JsonParser parser = JSON.createParser(nonEmpty(body))) {
      if (parser.nextToken() != JsonToken.START_OBJECT) {
        throw new Malformed("error body must be a JSON object");
      }
      ErrorReply reply = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken token = parser.nextToken();
        if (!field.equals("error")) {
          parser.skipChildren();
          continue;
        }
        if (token != JsonToken.START_OBJECT) {
          throw new Malformed("error must be an object");
        }
        String code = null;
        String message = null;
        Map<String, Object> details = Map.of();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String inner = parser.currentName();
          JsonToken value = parser.nextToken();
          switch (inner) {
            case "code":
              code = readString(parser, "error.code");
              break;
            case "message":
              message = readString(parser, "error.message");
              break;
            case "details":
              if (value == JsonToken.START_OBJECT) {
                details = (Map<String, Object>) JsonValues.read(parser);
              } else if (value != JsonToken.VALUE_NULL) {
                throw new Malformed("error.details must be an object");
              }
              break;
            default:
              parser.skipChildren();
          }
        }
        if (code == null) {
          throw new Malformed("error.code is missing");
        }
        reply = new ErrorReply(code, message == null ? code : message, details);
      }
      expectEnd(parser);
      if (reply == null) {
        throw new Malformed("error is missing");
      }
      return reply;
    } catch (Malformed e) {
      throw malformedReply(e.getMessage());
    } catch (IOException e) {
      throw malformedReply("error body is not valid JSON");
    }
  }

  @SuppressWarnings("unchecked")
  private static <E> RecordedEvent<? extends E> readRecordedEvent(JsonParser parser, AggregateType<?, E> type)
      throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new Malformed("recorded event must be a JSON object");
    }
    String id = null;
    AggregateId aggregate = null;
    String eventName = null;
    long revision = -1;
    Instant timestamp = null;
    Object data = null;
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
        case "revision":
          revision = readRevision(parser, "revision");
          break;
        case "timestamp":
          timestamp = readInstant(parser, "timestamp");
          break;
        case "data":
          if (eventName != null) {
            data = readEventData(parser, type, eventName);
          } else {
            // the type comes later: keep a copy of the raw value and decode it once the type is known
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
      try (JsonParser dataParser = JSON.createParser(bufferedData)) {
        dataParser.nextToken();
        data = readEventData(dataParser, type, eventName);
      }
    }
    if (id == null || aggregate == null || revision < 1 || timestamp == null || data == null) {
      throw new Malformed("recorded event needs id, aggregate, type, revision >= 1, timestamp and data");
    }
    return (RecordedEvent<? extends E>) new RecordedEvent<>(id, aggregate, eventName, revision, timestamp, data, metadata);
  }

  private static Object readEventData(JsonParser parser, AggregateType<?, ?> type, String eventName)
      throws IOException, Malformed {
    EventType<?> eventType = type.event(eventName);
    if (eventType == null) {
      throw new Malformed("'" + eventName + "' is not an event of " + type.name());
    }
    DecodeContext context = new DecodeContext();
    Object data;
    try {
      data = eventType.codec().read(parser, context);
    } catch (RuntimeException e) {
      throw new Malformed("event " + eventName + " data could not be read");
    }
    if (context.hasViolations()) {
      throw new Malformed("event " + eventName + " data is not valid: " + describe(context.violations()));
    }
    return data;
  }

  private static byte[] copyValue(JsonParser parser) throws IOException {
    Output copy = new Output();
    try (JsonGenerator generator = JSON.createGenerator(copy)) {
      generator.copyCurrentStructure(parser);
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

  // ---------------------------------------------------------------- shared readers

  private static CommandMetadata readCommandMetadata(JsonParser parser) throws IOException, Malformed {
    JsonToken start = parser.currentToken();
    if (start == JsonToken.VALUE_NULL) {
      return CommandMetadata.EMPTY;
    }
    if (start != JsonToken.START_OBJECT) {
      throw new Malformed("metadata must be a JSON object");
    }
    String messageId = null;
    String correlationId = null;
    String causationId = null;
    Instant timestamp = null;
    String userId = null;
    Long expectedRevision = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken token = parser.nextToken();
      switch (field) {
        case "messageId":
          messageId = readOptionalId(parser, "metadata.messageId");
          break;
        case "correlationId":
          correlationId = readOptionalId(parser, "metadata.correlationId");
          break;
        case "causationId":
          causationId = readOptionalId(parser, "metadata.causationId");
          break;
        case "timestamp":
          timestamp = token == JsonToken.VALUE_NULL ? null : readInstant(parser, "metadata.timestamp");
          break;
        case "userId":
          userId = readOptionalString(parser, "metadata.userId");
          break;
        case "expectedRevision":
          expectedRevision = token == JsonToken.VALUE_NULL ? null : readRevision(parser, "metadata.expectedRevision");
          break;
        default:
          parser.skipChildren();
      }
    }
    return new CommandMetadata(messageId, correlationId, causationId, timestamp, userId, expectedRevision);
  }

  private static AggregateId readAggregateId(JsonParser parser, String path) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      throw new Malformed(path + " must be an object {type, key}");
    }
    String type = null;
    String key = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      switch (field) {
        case "type":
          type = readString(parser, path + ".type");
          break;
        case "key":
          key = readString(parser, path + ".key");
          break;
        default:
          parser.skipChildren();
      }
    }
    if (type == null) {
      throw new Malformed(path + ".type is missing");
    }
    if (key == null) {
      throw new Malformed(path + ".key is missing");
    }
    if (!com.weegigs.events.runtime.Names.isValidName(type)) {
      throw new Malformed(path + ".type is not a valid aggregate type name");
    }
    String keyProblem = AggregateId.keyProblem(key);
    if (keyProblem != null) {
      throw new Malformed(path + ".key: " + keyProblem);
    }
    return new AggregateId(type, key);
  }

  private static String readString(JsonParser parser, String path) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new Malformed(path + " must be a string");
    }
    return parser.getText();
  }

  private static String readOptionalString(JsonParser parser, String path) throws IOException, Malformed {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : readString(parser, path);
  }

  /** Ids are strings; an empty one counts as absent so the service fills it. */
  private static String readOptionalId(JsonParser parser, String path) throws IOException, Malformed {
    String value = readOptionalString(parser, path);
    return value == null || value.isEmpty() ? null : value;
  }

  private static long readRevision(JsonParser parser, String path) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT
        || parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
      throw new Malformed(path + " must be a non-negative integer");
    }
    long value = parser.getLongValue();
    if (value < 0) {
      throw new Malformed(path + " must be a non-negative integer");
    }
    return value;
  }

  private static Instant readInstant(JsonParser parser, String path) throws IOException, Malformed {
    String text = readString(parser, path);
    Instant canonical = Timestamps.parseCanonicalUtc(text);
    if (canonical != null) {
      return canonical;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      try {
        return OffsetDateTime.parse(text).toInstant();
      } catch (DateTimeParseException again) {
        throw new Malformed(path + " must be an ISO-8601 timestamp such as 2026-11-27T10:00:00Z");
      }
    }
  }

  private static void writeOptionalString(JsonGenerator generator, String field, String value) throws IOException {
    if (value != null) {
      generator.writeStringField(field, value);
    }
  }

  private static void expectEnd(JsonParser parser) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.END_OBJECT && parser.currentToken() != JsonToken.END_ARRAY) {
      throw new Malformed("body is not a complete JSON object");
    }
    if (parser.nextToken() != null) {
      throw new Malformed("unexpected content after the JSON object");
    }
  }

  private static byte[] nonEmpty(byte[] body) {
    if (body == null || body.length == 0) {
      throw malformedReply("body is empty");
    }
    return body;
  }

  private static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (Violation violation : violations) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(violation.path()).append(": ").append(violation.message());
    }
    return text.toString();
  }

  private static ServiceException invalidRequest(String message) {
    return new ServiceException(ErrorCode.INVALID_REQUEST, message);
  }

  private static ServiceException malformedReply(String message) {
    return new ServiceException(ErrorCode.INTERNAL, "malformed message: " + message);
  }

  /** A contract violation found while decoding; cheap (no stack trace), turned into a ServiceException. */
  private static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }

  /**
   * A growable, unsynchronized byte sink reused per thread, with the generator that writes into it.
   *
   * <p>Why keep the generator: creating one (its I/O context, its buffer from the recycler, its
   * write contexts) and closing it was about a quarter of encoding a small document. A generator
   * that has written a whole document is back at the root and writes the next one as if new; one
   * that failed part-way, or was left inside an object, is dropped.
   */
  private static final class Output extends OutputStream {
    static final int INITIAL_SIZE = 1024;
    byte[] buffer = new byte[INITIAL_SIZE];
    int count;
    boolean busy;
    private JsonGenerator generator;
    private boolean finished;

    /** The thread's sink, emptied; a fresh one when a codec encodes a nested document while this thread encodes. */
    static Output acquire() {
      Output output = OUTPUT.get();
      if (output.busy) {
        output = new Output();
      }
      output.busy = true;
      output.count = 0;
      return output;
    }

    /** This sink's generator, ready for a new document. */
    JsonGenerator generator() throws IOException {
      if (generator == null) {
        generator = REUSED.createGenerator(this);
      }
      finished = false;
      return generator;
    }

    /**
     * Ends the document: everything written reaches {@link #buffer}.
     *
     * @throws IllegalStateException when the document was left unfinished (an object or array open)
     */
    void finish(JsonGenerator used) throws IOException {
      used.flush();
      if (!used.getOutputContext().inRoot()) {
        throw new IllegalStateException("a JSON writer left its document unfinished");
      }
      finished = true;
    }

    /** Frees the sink for the thread's next document; a buffer grown past the retained limit is let go. */
    void release() {
      busy = false;
      if (!finished) {
        // failed or unfinished part-way: its state is unknown, the next document gets a new one
        generator = null;
      }
      if (buffer.length > RETAINED_BUFFER_LIMIT) {
        buffer = new byte[INITIAL_SIZE];
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      ensure(length);
      System.arraycopy(bytes, offset, buffer, count, length);
      count += length;
    }

    private void ensure(int extra) {
      if (count + extra > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + extra));
      }
    }
  }
}
