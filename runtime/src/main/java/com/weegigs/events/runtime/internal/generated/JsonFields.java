package com.weegigs.events.runtime.internal.generated;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * The fields of a record as its generated codec reads them: each field is known by its index in
 * declaration order, and {@code read} switches on that index.
 *
 * <pre>{@code
 * for (int field = FIELDS.first(parser); field != JsonFields.END; field = FIELDS.next(parser, field)) {
 *   parser.nextToken();
 *   switch (field) {
 *     case 0 -> name = ScalarReaders.readString(parser, context, "name");
 *     ...
 *     default -> parser.skipChildren();
 *   }
 * }
 * }</pre>
 *
 * <p>Fields usually arrive in declaration order, as generated codecs write them, so the field after
 * the one just read is matched against the input's bytes first, which skips looking its name up;
 * any other order is found as well. Switching on an index instead of on the name also keeps
 * {@code read} small enough for the JIT to inline what it calls.
 */
public final class JsonFields {
  /** What {@link #first} and {@link #next} return at the end of the object. */
  public static final int END = -1;

  /** What {@link #first} and {@link #next} return for a field the record does not declare. */
  public static final int UNKNOWN = -2;

  private final SerializableString[] names;
  private final Map<String, Integer> indexes;

  private JsonFields(SerializableString[] names) {
    this.names = names;
    this.indexes = new HashMap<>();
    for (int i = 0; i < names.length; i++) {
      if (indexes.put(Objects.requireNonNull(names[i], "name").getValue(), i) != null) {
        throw new IllegalArgumentException("field '" + names[i].getValue() + "' is named twice");
      }
    }
  }

  /** The fields named {@code names} (pre-encoded, as the codec writes them), in declaration order. */
  public static JsonFields of(SerializableString... names) {
    return new JsonFields(names.clone());
  }

  /**
   * Moves to the first field of the object the parser is on (the caller has checked that it starts
   * one) and returns its index, {@link #UNKNOWN} or {@link #END}.
   */
  public int first(JsonParser parser) throws IOException {
    return nextAfter(parser, -1);
  }

  /**
   * Moves past the value of field {@code previous} (the index {@link #first} or this method
   * returned; the caller has read or skipped its value) to the next field and returns its index,
   * {@link #UNKNOWN} or {@link #END}.
   */
  public int next(JsonParser parser, int previous) throws IOException {
    return previous == UNKNOWN ? indexOf(parser.nextFieldName()) : nextAfter(parser, previous);
  }

  private int nextAfter(JsonParser parser, int previous) throws IOException {
    int expected = previous + 1;
    if (expected == names.length) {
      return indexOf(parser.nextFieldName());
    }
    if (parser.nextFieldName(names[expected])) {
      return expected;
    }
    return parser.currentToken() == JsonToken.FIELD_NAME ? indexOf(parser.currentName()) : END;
  }

  private int indexOf(String name) {
    if (name == null) {
      return END;
    }
    Integer index = indexes.get(name);
    return index == null ? UNKNOWN : index;
  }
}
