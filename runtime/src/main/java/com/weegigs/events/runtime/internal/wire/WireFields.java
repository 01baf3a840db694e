package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The fields several bodies share (aggregate ids, command metadata, strings, revisions,
 * timestamps), read and written one way for all of them, and the errors a decoder reports.
 *
 * <p>Readers expect the parser on the field's value and throw {@link Malformed} naming the
 * field's path when it breaks the contract; each body's decoder turns that into the
 * {@link ServiceException} it answers with.
 */
final class WireFields {
  private WireFields() {}

  /** Writes {@code {type, key}}. */
  static void writeAggregateId(JsonGenerator generator, AggregateId id) throws IOException {
    generator.writeStartObject();
    generator.writeStringField("type", id.type());
    generator.writeStringField("key", id.key());
    generator.writeEndObject();
  }

  /** Writes command metadata, leaving out {@code null} fields. */
  static void writeCommandMetadata(JsonGenerator generator, CommandMetadata metadata) throws IOException {
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

  static void writeOptionalString(JsonGenerator generator, String field, String value) throws IOException {
    if (value != null) {
      generator.writeStringField(field, value);
    }
  }

  static CommandMetadata readCommandMetadata(JsonParser parser) throws IOException, Malformed {
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

  static AggregateId readAggregateId(JsonParser parser, String path) throws IOException, Malformed {
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
          type = readString(parser, path, ".type");
          break;
        case "key":
          key = readString(parser, path, ".key");
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
    if (!Names.isValidName(type)) {
      throw new Malformed(path + ".type is not a valid aggregate type name");
    }
    String keyProblem = AggregateId.keyProblem(key);
    if (keyProblem != null) {
      throw new Malformed(path + ".key: " + keyProblem);
    }
    return new AggregateId(type, key);
  }

  static String readString(JsonParser parser, String path) throws IOException, Malformed {
    return readString(parser, path, "");
  }

  /** {@link #readString(JsonParser, String)} of {@code path + field}, a path built only for the error. */
  static String readString(JsonParser parser, String path, String field) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new Malformed(path + field + " must be a string");
    }
    return parser.getText();
  }

  static String readOptionalString(JsonParser parser, String path) throws IOException, Malformed {
    return parser.currentToken() == JsonToken.VALUE_NULL ? null : readString(parser, path);
  }

  /** Ids are strings; an empty one counts as absent so the service fills it. */
  private static String readOptionalId(JsonParser parser, String path) throws IOException, Malformed {
    String value = readOptionalString(parser, path);
    return value == null || value.isEmpty() ? null : value;
  }

  static long readRevision(JsonParser parser, String path) throws IOException, Malformed {
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

  static Instant readInstant(JsonParser parser, String path) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.VALUE_STRING) {
      throw new Malformed(path + " must be a string");
    }
    // the parser's characters: a canonical timestamp (all this contract writes) needs no string
    Instant canonical = Timestamps.parseCanonicalUtc(
        parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    if (canonical != null) {
      return canonical;
    }
    String text = parser.getText();
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

  /** Checks that the document ended with the object (or array) just read, and nothing follows it. */
  static void expectEnd(JsonParser parser) throws IOException, Malformed {
    if (parser.currentToken() != JsonToken.END_OBJECT && parser.currentToken() != JsonToken.END_ARRAY) {
      throw new Malformed("body is not a complete JSON object");
    }
    if (parser.nextToken() != null) {
      throw new Malformed("unexpected content after the JSON object");
    }
  }

  /** {@code body}, unless a reply body is missing or empty. */
  static byte[] nonEmpty(byte[] body) {
    if (body == null || body.length == 0) {
      throw malformedReply("body is empty");
    }
    return body;
  }

  /** The violations as one line, {@code path: message; ...}. */
  static String describe(List<Violation> violations) {
    StringBuilder text = new StringBuilder();
    for (Violation violation : violations) {
      if (text.length() > 0) {
        text.append("; ");
      }
      text.append(violation.path()).append(": ").append(violation.message());
    }
    return text.toString();
  }

  /** The error of a request the service cannot read. */
  static ServiceException invalidRequest(String message) {
    return new ServiceException(ErrorCode.INVALID_REQUEST, message);
  }

  /** The error of a reply or event the client cannot read. */
  static ServiceException malformedReply(String message) {
    return new ServiceException(ErrorCode.INTERNAL, "malformed message: " + message);
  }

  /** A contract violation found while decoding; cheap (no stack trace), turned into a ServiceException. */
  static final class Malformed extends Exception {
    private static final long serialVersionUID = 1L;

    Malformed(String message) {
      super(message, null, false, false);
    }
  }
}
