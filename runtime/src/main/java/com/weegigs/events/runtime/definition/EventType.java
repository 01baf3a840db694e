package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.codec.JsonCodec;
import java.util.Objects;

/**
 * An event as both sides of the wire know it: its wire name, Java type, codec and JSON Schema.
 *
 * @param name wire name, such as {@code item-added}
 * @param javaType the event record
 * @param codec its JSON codec
 * @param schema the JSON Schema of its data, as a JSON document
 * @param <E> the event record
 */
public record EventType<E>(String name, Class<E> javaType, JsonCodec<E> codec, String schema) {
  public EventType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(schema, "schema");
    if (!Names.isValidName(name)) {
      throw new IllegalArgumentException("event name '" + name + "' is not valid: " + Names.NAME_RULE);
    }
  }
}
