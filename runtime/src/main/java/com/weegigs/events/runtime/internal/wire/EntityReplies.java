package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.internal.wire.RecordedEvents.readRecordedEvent;
import static com.weegigs.events.runtime.internal.wire.RecordedEvents.writeRecordedEvent;
import static com.weegigs.events.runtime.internal.wire.WireFields.describe;
import static com.weegigs.events.runtime.internal.wire.WireFields.expectEnd;
import static com.weegigs.events.runtime.internal.wire.WireFields.malformedReply;
import static com.weegigs.events.runtime.internal.wire.WireFields.nonEmpty;
import static com.weegigs.events.runtime.internal.wire.WireFields.readAggregateId;
import static com.weegigs.events.runtime.internal.wire.WireFields.readRevision;
import static com.weegigs.events.runtime.internal.wire.WireFields.readString;
import static com.weegigs.events.runtime.internal.wire.WireFields.writeAggregateId;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.wire.WireFields.Malformed;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The entity reply of the wire contract ({@code docs/wire-contract.md}):
 * {@code {aggregate, type, revision, state}}, plus {@code events} in the reply to a command.
 * The service encodes a command's reply and the events it publishes in one pass
 * ({@link #encodeCommandReply}); the client decodes either reply with {@link #decodeEntity}.
 */
public final class EntityReplies {
  private EntityReplies() {}

  /**
   * A command's reply and its events, encoded in one pass.
   *
   * @param reply the entity reply with its {@code events}
   * @param events each recorded event on its own, as published (the same bytes as in {@code reply})
   */
  public record CommandReply(byte[] reply, byte[][] events) {}

  /**
   * The entity reply: {@code {aggregate, type, revision, state}} plus {@code events} when
   * {@code events} is not {@code null} (command replies; query replies pass {@code null}).
   */
  public static <S> byte[] encodeEntity(
      AggregateType<S, ?> type, Entity<S> entity, Collection<? extends RecordedEvent<?>> events) {
    return Envelopes.encode(generator -> writeEntity(generator, type, entity, events));
  }

  /**
   * Encodes the entity reply of a command and, from the same pass, each of its recorded events
   * on its own for publishing: one generator, and each event is written once.
   */
  public static <S> CommandReply encodeCommandReply(
      AggregateType<S, ?> type, Entity<S> entity, List<? extends RecordedEvent<?>> events) {
    Envelopes.Output output = Envelopes.Output.acquire();
    try {
      int count = events.size();
      // where each event starts and ends in the reply: [start, end] pairs
      int[] bounds = new int[2 * count];
      JsonGenerator generator = output.generator();
      generator.writeStartObject();
      writeEntityFields(generator, type, entity);
      generator.writeArrayFieldStart("events");
      for (int i = 0; i < count; i++) {
        generator.flush();
        int start = output.count;
        writeRecordedEvent(generator, type, events.get(i));
        generator.flush();
        // the separator before every event but the first is written with the event
        bounds[2 * i] = output.buffer[start] == ',' ? start + 1 : start;
        bounds[2 * i + 1] = output.count;
      }
      generator.writeEndArray();
      generator.writeEndObject();
      output.finish(generator);
      byte[][] encodedEvents = new byte[count][];
      for (int i = 0; i < count; i++) {
        encodedEvents[i] = Arrays.copyOfRange(output.buffer, bounds[2 * i], bounds[2 * i + 1]);
      }
      return new CommandReply(Arrays.copyOf(output.buffer, output.count), encodedEvents);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      output.release();
    }
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

  private static <S> void writeEntityFields(JsonGenerator generator, AggregateType<S, ?> type, Entity<S> entity)
      throws IOException {
    generator.writeFieldName("aggregate");
    writeAggregateId(generator, entity.aggregate());
    generator.writeStringField("type", entity.type());
    generator.writeNumberField("revision", entity.revision());
    generator.writeFieldName("state");
    type.stateCodec().write(generator, entity.state());
  }

  /**
   * Decodes an entity reply (with its {@code events} when present) of {@code type}.
   *
   * @throws ServiceException {@code INTERNAL} when the body breaks the contract
   */
  public static <S, E> CommandResult<S, E> decodeEntity(byte[] body, AggregateType<S, E> type) {
    try (JsonParser parser = Envelopes.JSON.createParser(nonEmpty(body))) {
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
}
