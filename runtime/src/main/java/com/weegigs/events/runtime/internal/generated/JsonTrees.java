package com.weegigs.events.runtime.internal.generated;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON as plain Java values, the tree a JSON-form {@code @Upcaster} works on: an object is a mutable
 * {@code Map<String, Object>} (fields in the order read), an array a mutable {@code List<Object>}, a
 * string a {@code String}, a whole number a {@code Long} or {@code BigInteger}, any other number a
 * {@code BigDecimal} (never a double, so no digit is lost), a boolean a {@code Boolean}, and
 * {@code null} is {@code null}. The runtime depends on Jackson's streaming core only, so the tree is
 * made of JDK types rather than Jackson's {@code ObjectNode}, which lives in jackson-databind.
 */
public final class JsonTrees {
  private JsonTrees() {}

  /** Reads the value the parser is on (the caller has advanced to it), leaving the parser on its last token. */
  public static Object read(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == null) {
      throw new IOException("no JSON value to read");
    }
    return switch (token) {
      case START_OBJECT -> {
        Map<String, Object> object = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String field = parser.currentName();
          parser.nextToken();
          object.put(field, read(parser));
        }
        yield object;
      }
      case START_ARRAY -> {
        List<Object> array = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          array.add(read(parser));
        }
        yield array;
      }
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT -> parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER
          ? parser.getBigIntegerValue() : (Object) parser.getLongValue();
      case VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> Boolean.TRUE;
      case VALUE_FALSE -> Boolean.FALSE;
      case VALUE_NULL -> null;
      default -> throw new IOException("unexpected JSON token " + token);
    };
  }

  /**
   * Writes {@code value}, a tree of the types {@link #read} makes (any {@code Number}, {@code Map}
   * with {@code String} keys, or {@code Collection} is accepted).
   *
   * @throws IllegalArgumentException for a value of any other type
   */
  public static void write(JsonGenerator generator, Object value) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else if (value instanceof String text) {
      generator.writeString(text);
    } else if (value instanceof Boolean bool) {
      generator.writeBoolean(bool);
    } else if (value instanceof BigDecimal decimal) {
      generator.writeNumber(decimal);
    } else if (value instanceof BigInteger integer) {
      generator.writeNumber(integer);
    } else if (value instanceof Long || value instanceof Integer || value instanceof Short || value instanceof Byte) {
      generator.writeNumber(((Number) value).longValue());
    } else if (value instanceof Double || value instanceof Float) {
      generator.writeNumber(((Number) value).doubleValue());
    } else if (value instanceof Map<?, ?> map) {
      generator.writeStartObject();
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!(entry.getKey() instanceof String field)) {
          throw new IllegalArgumentException("a JSON object's keys are strings, not " + describe(entry.getKey()));
        }
        generator.writeFieldName(field);
        write(generator, entry.getValue());
      }
      generator.writeEndObject();
    } else if (value instanceof Iterable<?> array) {
      generator.writeStartArray();
      for (Object element : array) {
        write(generator, element);
      }
      generator.writeEndArray();
    } else {
      throw new IllegalArgumentException("cannot write " + describe(value) + " as JSON: use Map, List, String, a number,"
          + " Boolean or null");
    }
  }

  private static String describe(Object value) {
    return value == null ? "null" : value.getClass().getSimpleName();
  }
}
