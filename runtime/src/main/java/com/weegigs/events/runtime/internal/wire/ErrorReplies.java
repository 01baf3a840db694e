package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.internal.wire.WireFields.expectEnd;
import static com.weegigs.events.runtime.internal.wire.WireFields.malformedReply;
import static com.weegigs.events.runtime.internal.wire.WireFields.nonEmpty;
import static com.weegigs.events.runtime.internal.wire.WireFields.readString;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.wire.WireFields.Malformed;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The error body of the wire contract ({@code docs/wire-contract.md}):
 * {@code {error: {code, message, details}}}, and the {@code VALIDATION_FAILED} error with its
 * {@code details.violations}.
 */
public final class ErrorReplies {
  private ErrorReplies() {}

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

  /** {@code {error: {code, message, details}}}; {@code details} may be {@code null} (written as {@code {}}). */
  public static byte[] encodeError(ErrorCode code, String message, Map<String, ?> details) {
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    return Envelopes.encode(generator -> {
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
      list.add(Collections.unmodifiableMap(entry));
    }
    return Map.of("violations", List.copyOf(list));
  }

  /**
   * Decodes an error body {@code {error: {code, message, details}}}, fields in any order.
   *
   * @throws ServiceException {@code INTERNAL} when the body is not one
   */
  @SuppressWarnings("unchecked")
  public static ErrorReply decodeError(byte[] body) {
    try (JsonParser parser = Envelopes.JSON.createParser(nonEmpty(body))) {
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
}
