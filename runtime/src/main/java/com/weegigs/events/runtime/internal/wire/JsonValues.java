package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Plain Java values as JSON and back: {@code Map<String, Object>} (objects, in field order),
 * {@code List<Object>} (arrays), {@code String}, {@code Number}, {@code Boolean} and {@code null}.
 * Used for error {@code details}, which have no declared type. {@link Violation}s are written as
 * {@code {path, message}} objects; enums as their name; anything else as its {@code toString()}.
 */
public final class JsonValues {
  private JsonValues() {}

  /** Writes {@code value} as one JSON value. */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean flag) {
      generator.writeBoolean(flag);
    } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      generator.writeNumber(integer);
    } else if (value instanceof Double || value instanceof Float) {
      double number = ((Number) value).doubleValue();
      if (Double.isFinite(number)) {
        generator.writeNumber(number);
      } else {
        generator.writeNull();
      }
    } else if (value instanceof Number number) {
      generator.writeNumber(number.toString());
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        generator.writeFieldName(String.valueOf(entry.getKey()));
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable<?> items) {
      generator.writeStartArray();
      for (Object item : items) {
        write(generator, item);
      }
      generator.writeEndArray();
    } else if (value instanceof Violation violation) {
      generator.writeStartObject();
      generator.writeStringField("path", violation.path());
      generator.writeStringField("message", violation.message());
      generator.writeEndObject();
    } else if (value instanceof Enum<?> constant) {
      generator.writeString(constant.name());
    } else {
      generator.writeString(value.toString());
    }
  }

  /**
   * Reads the value at the parser's current token and leaves the parser on its last token.
   * Objects become unmodifiable {@code Map}s (field order kept), arrays unmodifiable {@code List}s,
   * integers {@code Integer}/{@code Long}/{@code BigInteger}, decimals {@code Double}.
   */
  public static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("no JSON value");
    }
    switch (token) {
      case START_OBJECT: {
        Map<String, Object> map = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String name = parser.currentName();
          parser.nextToken();
          map.put(name, read(parser));
        }
        return Collections.unmodifiableMap(map);
      }
      case START_ARRAY: {
        List<Object> list = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          list.add(read(parser));
        }
        return Collections.unmodifiableList(list);
      }
      case VALUE_STRING:
        return parser.getText();
      case VALUE_NUMBER_INT:
        return parser.getNumberValue();
      case VALUE_NUMBER_FLOAT:
        return parser.getDoubleValue();
      case VALUE_TRUE:
        return Boolean.TRUE;
      case VALUE_FALSE:
        return Boolean.FALSE;
      case VALUE_NULL:
        return null;
      default:
        throw new IOException("unexpected JSON token " + token);
    }
  }

  /**
   * The {@code violations} of error details as {@link Violation}s: entries that are not
   * {@code {path, message}} objects are skipped.
   */
  public static List<Violation> violations(Map<String, Object> details) {
    Object list = details == null ? null : details.get("violations");
    if (!(list instanceof List<?> items)) {
      return List.of();
    }
    List<Violation> violations = new ArrayList<>(items.size());
    for (Object item : items) {
      if (item instanceof Violation violation) {
        violations.add(violation);
      } else if (item instanceof Map<?, ?> map
          && map.get("path") instanceof String path
          && map.get("message") instanceof String message) {
        violations.add(new Violation(path, message));
      }
    }
    return List.copyOf(violations);
  }
}
