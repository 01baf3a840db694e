package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.internal.wire.WireFields.expectEnd;
import static com.weegigs.events.runtime.internal.wire.WireFields.invalidRequest;
import static com.weegigs.events.runtime.internal.wire.WireFields.readAggregateId;
import static com.weegigs.events.runtime.internal.wire.WireFields.readCommandMetadata;
import static com.weegigs.events.runtime.internal.wire.WireFields.writeAggregateId;
import static com.weegigs.events.runtime.internal.wire.WireFields.writeCommandMetadata;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.generated.JsonRecords;
import com.weegigs.events.runtime.internal.wire.WireFields.Malformed;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.util.List;
import java.util.Objects;

/**
 * The request bodies of the wire contract ({@code docs/wire-contract.md}): a command request
 * {@code {aggregateId, command, metadata}} and a query request {@code {aggregateId}}.
 *
 * <p>The decoders accept fields in any order, skip fields they do not know, and throw a
 * {@link ServiceException} that is ready to send back: {@code INVALID_REQUEST} when the body is
 * not JSON, not the envelope, or names another aggregate type or a bad key;
 * {@code VALIDATION_FAILED} (with {@code details.violations}) when the command payload cannot be
 * read as its type. Violation paths are relative to the payload ({@code price}, not
 * {@code command.price}), as the contract's example shows and as generated validators report
 * them, so both kinds of violation read the same.
 */
public final class Requests {
  /** JSON Schema of the query request, for the query endpoint's {@code wee.schema} metadata. */
  public static final String QUERY_REQUEST_SCHEMA =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"query request\","
          + "\"type\":\"object\",\"required\":[\"aggregateId\"],\"properties\":{\"aggregateId\":"
          + "{\"type\":\"object\",\"required\":[\"type\",\"key\"],\"properties\":{"
          + "\"type\":{\"type\":\"string\",\"pattern\":\"^[a-z][a-z0-9-]*$\",\"minLength\":1,\"maxLength\":50},"
          + "\"key\":{\"type\":\"string\",\"minLength\":1}}}}}";

  private Requests() {}

  /** A decoded command request; {@code metadata} is never {@code null} (fields may be). */
  public record CommandRequest<C>(AggregateId aggregateId, C command, CommandMetadata metadata) {}

  /** {@code {aggregateId, command, metadata}}; {@code metadata} may be {@code null} and is written without its {@code null} fields. */
  public static <C> byte[] encodeCommandRequest(
      AggregateId aggregateId, CommandType<C> commandType, C command, CommandMetadata metadata) {
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(command, "command");
    return Envelopes.encode(generator -> {
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
    return Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeFieldName("aggregateId");
      writeAggregateId(generator, aggregateId);
      generator.writeEndObject();
    });
  }

  /**
   * Decodes a command request for {@code aggregateType} whose payload is a {@code commandType}.
   *
   * @throws ServiceException {@code INVALID_REQUEST} or {@code VALIDATION_FAILED}, ready to send
   */
  public static <C> CommandRequest<C> decodeCommandRequest(byte[] body, String aggregateType, CommandType<C> commandType) {
    if (body == null || body.length == 0) {
      throw invalidRequest("request body is empty; expected a command request {aggregateId, command, metadata}");
    }
    try (JsonParser parser = Envelopes.JSON.createParser(body)) {
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
        throw ErrorReplies.validationFailed(commandType.name(), context.violations());
      }
      if (command == null) {
        throw ErrorReplies.validationFailed(commandType.name(), List.of(new Violation("", "could not be read")));
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
    try (JsonParser parser = Envelopes.JSON.createParser(body)) {
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
      throw ErrorReplies.validationFailed(commandType.name(), List.of(new Violation("", message)));
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
}
