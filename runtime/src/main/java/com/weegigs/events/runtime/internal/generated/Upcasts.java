package com.weegigs.events.runtime.internal.generated;

import com.fasterxml.jackson.core.JsonParser;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.codec.JsonReader;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import java.io.IOException;
import java.util.Map;
import java.util.function.Function;

/**
 * The readers a generated {@code EventType} holds for the older versions of an event: each reads the
 * data stored at one version and runs the {@code @Upcaster} methods, one per step, up to the current
 * record. A generated chain starts with {@link #read} (the first upcaster takes a record) or
 * {@link #tree} (it takes JSON), and moves between the two forms with {@link Chain#decode} and
 * {@link Chain#encode} where one upcaster returns what the next does not take:
 *
 * <pre>{@code
 * Upcasts.read(ITEM_ADDED_V1_CODEC).then(ItemAdded::upcast)                 // V1 -> ItemAdded
 * Upcasts.tree().then(ItemAdded::upcastV1).decode(ITEM_ADDED_CODEC)         // JSON 1 -> JSON 2 -> ItemAdded
 * }</pre>
 *
 * <p>When a step meets bad data (a violation while reading a record), the chain stops and reads as
 * {@code null} with the violations in the context, as a codec does. An exception from an upcaster
 * propagates, and the caller reports the event as unreadable.
 */
public final class Upcasts {
  private Upcasts() {}

  /** A parser on the first token of what {@code writer} writes: how a chain moves between a record and a tree. */
  private static JsonParser reparse(Envelopes.JsonWriter writer) throws IOException {
    JsonParser parser = Envelopes.JSON.createParser(Envelopes.encode(writer));
    parser.nextToken();
    return parser;
  }

  /** A chain that starts by reading the stored data with {@code codec}. */
  public static <T> Chain<T> read(JsonReader<T> codec) {
    return new Chain<>(codec);
  }

  /** A chain that starts by reading the stored data as a JSON tree ({@link JsonTrees}). */
  public static Chain<Map<String, Object>> tree() {
    return new Chain<>((parser, context) -> {
      Object value = JsonTrees.read(parser);
      if (value instanceof Map<?, ?>) {
        @SuppressWarnings("unchecked")
        Map<String, Object> object = (Map<String, Object>) value;
        return object;
      }
      if (value != null) {
        context.violation("must be an object");
      }
      return null;
    });
  }

  /**
   * A reader made of steps; it is itself the reader of the version it starts from.
   *
   * @param <T> what the chain has made so far
   */
  public static final class Chain<T> implements JsonReader<T> {
    private final JsonReader<T> reader;

    private Chain(JsonReader<T> reader) {
      this.reader = reader;
    }

    @Override
    public T read(JsonParser parser, DecodeContext context) throws IOException {
      return reader.read(parser, context);
    }

    /** Runs {@code upcaster} on what the chain has made, unless that is {@code null} (bad data). */
    public <U> Chain<U> then(Function<? super T, ? extends U> upcaster) {
      return new Chain<>((parser, context) -> {
        T value = reader.read(parser, context);
        return value == null ? null : upcaster.apply(value);
      });
    }

    /** Reads the JSON tree the chain has made with {@code codec}, reporting bad data as violations. */
    public <U> Chain<U> decode(JsonReader<U> codec) {
      return new Chain<>((parser, context) -> {
        T value = reader.read(parser, context);
        if (value == null) {
          return null;
        }
        try (JsonParser tree = reparse(generator -> JsonTrees.write(generator, value))) {
          return codec.read(tree, context);
        }
      });
    }

    /** Turns the record the chain has made into a JSON tree with {@code codec}, for an upcaster that takes JSON. */
    @SuppressWarnings("unchecked")
    public Chain<Map<String, Object>> encode(JsonCodec<? super T> codec) {
      return new Chain<>((parser, context) -> {
        T value = reader.read(parser, context);
        if (value == null) {
          return null;
        }
        try (JsonParser record = reparse(generator -> codec.write(generator, value))) {
          return (Map<String, Object>) JsonTrees.read(record);
        }
      });
    }
  }
}
