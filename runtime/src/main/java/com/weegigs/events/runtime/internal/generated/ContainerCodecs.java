package com.weegigs.events.runtime.internal.generated;

import static com.weegigs.events.runtime.internal.generated.ScalarReaders.isNull;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.mistyped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import java.io.IOException;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.RandomAccess;
import java.util.Set;

/**
 * Codecs that hold other values: {@code List}, {@code Set}, {@code Map} with {@code String} keys,
 * {@code Optional}, and enums by their wire values. JSON {@code null} reads as an empty collection
 * or {@link Optional#empty()}; a {@code null} element is written as JSON {@code null}.
 */
public final class ContainerCodecs {
  private ContainerCodecs() {}

  /** A {@code List} of {@code element}s: a JSON array; JSON null reads as an empty list. */
  public static <T> JsonCodec<List<T>> list(JsonCodec<T> element) {
    Objects.requireNonNull(element, "element");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, List<T> value) throws IOException {
        writeArray(generator, value, element);
      }

      @Override
      public List<T> read(JsonParser parser, DecodeContext context) throws IOException {
        if (!startArray(parser, context)) {
          return List.of();
        }
        return readList(parser, context, element);
      }
    };
  }

  /** A {@code Set} of {@code element}s: a JSON array (order kept); JSON null reads as an empty set. */
  public static <T> JsonCodec<Set<T>> set(JsonCodec<T> element) {
    Objects.requireNonNull(element, "element");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, Set<T> value) throws IOException {
        writeArray(generator, value, element);
      }

      @Override
      public Set<T> read(JsonParser parser, DecodeContext context) throws IOException {
        if (!startArray(parser, context)) {
          return Set.of();
        }
        Set<T> items = new LinkedHashSet<>();
        readElements(parser, context, element, items);
        return Collections.unmodifiableSet(items);
      }
    };
  }

  /** A {@code Map} with {@code String} keys: a JSON object; JSON null reads as an empty map. */
  public static <T> JsonCodec<Map<String, T>> map(JsonCodec<T> value) {
    Objects.requireNonNull(value, "value");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, Map<String, T> entries) throws IOException {
        generator.writeStartObject();
        for (Map.Entry<String, T> entry : entries.entrySet()) {
          generator.writeFieldName(entry.getKey());
          writeValue(generator, entry.getValue(), value);
        }
        generator.writeEndObject();
      }

      @Override
      public Map<String, T> read(JsonParser parser, DecodeContext context) throws IOException {
        if (!JsonRecords.startObject(parser, context)) {
          return Map.of();
        }
        Map<String, T> entries = new LinkedHashMap<>();
        String key;
        while ((key = parser.nextFieldName()) != null) {
          parser.nextToken();
          context.push(key);
          entries.put(key, value.read(parser, context));
          context.pop();
        }
        return Collections.unmodifiableMap(entries);
      }
    };
  }

  /** An {@code Optional}: the value itself, or JSON null for an empty one (which reads back as empty). */
  public static <T> JsonCodec<Optional<T>> optional(JsonCodec<T> value) {
    Objects.requireNonNull(value, "value");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, Optional<T> optional) throws IOException {
        if (optional.isPresent()) {
          value.write(generator, optional.get());
        } else {
          generator.writeNull();
        }
      }

      @Override
      public Optional<T> read(JsonParser parser, DecodeContext context) throws IOException {
        return isNull(parser) ? Optional.empty() : Optional.ofNullable(value.read(parser, context));
      }
    };
  }

  /**
   * An enum whose wire values are its constants' names in lower kebab case ({@code IN_PROGRESS} is
   * {@code "in-progress"}). The generated code passes {@code Status.values()}, so no reflection is needed.
   *
   * @throws IllegalArgumentException when two constants have the same wire value ({@code A_B} and {@code a_b})
   */
  public static <E extends Enum<E>> JsonCodec<E> enumCodec(Class<E> type, E[] constants) {
    Objects.requireNonNull(type, "type");
    String[] wireNames = new String[constants.length];
    Map<String, E> byWireName = new HashMap<>();
    for (E constant : constants) {
      String wireName = wireName(constant);
      wireNames[constant.ordinal()] = wireName;
      E other = byWireName.put(wireName, constant);
      if (other != null) {
        throw new IllegalArgumentException(
            "enum " + type.getSimpleName() + ": " + other.name() + " and " + constant.name() + " are both '" + wireName + "' on the wire");
      }
    }
    String message = "must be one of: " + String.join(", ", wireNames);
    // Encoded once, so that writing a constant copies its bytes instead of encoding its name again.
    SerializableString[] encoded = new SerializableString[wireNames.length];
    for (int i = 0; i < wireNames.length; i++) {
      encoded[i] = new SerializedString(wireNames[i]);
    }
    // Matched against the parser's characters, so that reading a constant builds no String.
    char[][] wireChars = new char[wireNames.length][];
    E[] byOrdinal = constants.clone();
    for (E constant : constants) {
      wireChars[constant.ordinal()] = wireNames[constant.ordinal()].toCharArray();
      byOrdinal[constant.ordinal()] = constant;
    }
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, E value) throws IOException {
        generator.writeString(encoded[value.ordinal()]);
      }

      @Override
      public E read(JsonParser parser, DecodeContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING) {
          if (token != JsonToken.VALUE_NULL) {
            mistyped(parser, context, null, message);
          }
          return null;
        }
        E constant = wireChars.length <= LINEAR_SEARCH_LIMIT
            ? find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
            : byWireName.get(parser.getText());
        if (constant == null) {
          context.violation(message);
        }
        return constant;
      }

      private E find(char[] text, int offset, int length) {
        for (int i = 0; i < wireChars.length; i++) {
          if (Arrays.equals(wireChars[i], 0, wireChars[i].length, text, offset, offset + length)) {
            return byOrdinal[i];
          }
        }
        return null;
      }

      @Override
      public String toString() {
        return "JsonCodec[" + type.getSimpleName() + "]";
      }
    };
  }

  /** Enums with at most this many constants are matched by comparing characters; larger ones are looked up by name. */
  private static final int LINEAR_SEARCH_LIMIT = 16;

  /** The wire value of an enum constant: its name in lower kebab case. */
  public static String wireName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  private static boolean startArray(JsonParser parser, DecodeContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return true;
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, null, "must be an array");
    }
    return false;
  }

  /**
   * Reads the elements of the array the parser is on into an immutable list. Without {@code null}
   * elements that is a {@link List#of} list, which a record's {@code List.copyOf} keeps as it is
   * instead of copying it again; with one (JSON null, or an element that could not be read) it is
   * an unmodifiable view, as {@code List.of} refuses {@code null}.
   */
  @SuppressWarnings("unchecked")
  private static <T> List<T> readList(JsonParser parser, DecodeContext context, JsonCodec<T> element) throws IOException {
    Object[] items = null;
    int size = 0;
    boolean hasNull = false;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      context.pushIndex(size);
      T item = element.read(parser, context);
      context.pop();
      if (items == null) {
        items = new Object[8];
      } else if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = item;
      hasNull |= item == null;
    }
    if (size == 0) {
      return List.of();
    }
    if (hasNull) {
      return (List<T>) Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(items, size)));
    }
    return switch (size) {
      case 1 -> List.of((T) items[0]);
      case 2 -> List.of((T) items[0], (T) items[1]);
      default -> (List<T>) List.of(size == items.length ? items : Arrays.copyOf(items, size));
    };
  }

  private static <T> void readElements(JsonParser parser, DecodeContext context, JsonCodec<T> element, Collection<T> into)
      throws IOException {
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      context.pushIndex(index++);
      into.add(element.read(parser, context));
      context.pop();
    }
  }

  private static <T> void writeArray(JsonGenerator generator, Collection<T> values, JsonCodec<T> element) throws IOException {
    generator.writeStartArray();
    if (values instanceof List<T> list && values instanceof RandomAccess) {
      // by index: no iterator to allocate for each list written
      for (int i = 0, size = list.size(); i < size; i++) {
        writeValue(generator, list.get(i), element);
      }
    } else {
      for (T item : values) {
        writeValue(generator, item, element);
      }
    }
    generator.writeEndArray();
  }

  private static <T> void writeValue(JsonGenerator generator, T value, JsonCodec<T> codec) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      codec.write(generator, value);
    }
  }
}
