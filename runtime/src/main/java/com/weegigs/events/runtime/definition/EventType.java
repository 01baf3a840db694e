package com.weegigs.events.runtime.definition;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.codec.JsonReader;
import java.util.List;
import java.util.Objects;

/**
 * An event as both sides of the wire know it: its wire name, Java type, codec and JSON Schema, and
 * the version of its stored shape with a reader for each older version.
 *
 * <p>A recorded event stores the version of its data when it is above 1 (see
 * {@code docs/wire-contract.md}, "Recorded event"); an event stored at an older version is read by
 * {@link #reader(int)}, which upcasts it to the current record.
 *
 * @param name wire name, such as {@code item-added}
 * @param javaType the event record
 * @param codec its JSON codec, for the current version
 * @param schema the JSON Schema of its data, as a JSON document
 * @param version the current version of its stored shape, from 1
 * @param olderVersions readers of the data stored at versions 1 to {@code version - 1}, in that order,
 *     each returning the current record; empty at version 1
 * @param <E> the event record
 */
public record EventType<E>(String name, Class<E> javaType, JsonCodec<E> codec, String schema, int version,
    List<JsonReader<E>> olderVersions) {
  public EventType {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(javaType, "javaType");
    Objects.requireNonNull(codec, "codec");
    Objects.requireNonNull(schema, "schema");
    Objects.requireNonNull(olderVersions, "olderVersions");
    olderVersions = List.copyOf(olderVersions);
    if (!Names.isValidName(name)) {
      throw new IllegalArgumentException("event name '" + name + "' is not valid: " + Names.NAME_RULE);
    }
    if (version < 1) {
      throw new IllegalArgumentException("event " + name + " has version " + version + "; versions start at 1");
    }
    if (olderVersions.size() != version - 1) {
      throw new IllegalArgumentException("event " + name + " is at version " + version + " and needs a reader for each of the "
          + (version - 1) + " older versions, not " + olderVersions.size());
    }
  }

  /** An event at version 1, which has no older versions. */
  public EventType(String name, Class<E> javaType, JsonCodec<E> codec, String schema) {
    this(name, javaType, codec, schema, 1, List.of());
  }

  /**
   * The reader of data stored at {@code storedVersion}: the codec for the current version, an
   * upcasting reader for an older one, and {@code null} for a version this code does not know.
   */
  public JsonReader<E> reader(int storedVersion) {
    if (storedVersion == version) {
      return codec;
    }
    return storedVersion >= 1 && storedVersion < version ? olderVersions.get(storedVersion - 1) : null;
  }
}
