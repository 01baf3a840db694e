package com.weegigs.events.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Identity of one aggregate: its wire type (such as {@code receipt}) and its key (any non-empty
 * UTF-8 string of at most {@value #MAX_KEY_BYTES} bytes).
 *
 * <p>Ids order by type, then key. Their hash mixes all bits of both strings' hashes: keys that
 * differ only in a digit or two (order numbers, say) have string hashes that differ only in a few
 * bits, and the services keep ids in hash maps of many thousands of entries.
 */
public record AggregateId(String type, String key) implements Comparable<AggregateId> {
  /** Longest key, in UTF-8 bytes, that the wire contract allows. */
  public static final int MAX_KEY_BYTES = 256;

  public AggregateId {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(key, "key");
    if (!Names.isValidName(type)) {
      throw new IllegalArgumentException("aggregate type '" + type + "' is not a valid name: " + Names.NAME_RULE);
    }
    String problem = keyProblem(key);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
  }

  /** Why {@code key} is not a valid aggregate key, or {@code null} when it is. */
  public static String keyProblem(String key) {
    if (key == null || key.isEmpty()) {
      return "aggregate key must not be empty";
    }
    // most keys are short: only a key that could be too long is measured (which allocates)
    if (key.length() * 3 > MAX_KEY_BYTES && key.getBytes(StandardCharsets.UTF_8).length > MAX_KEY_BYTES) {
      return "aggregate key must be at most " + MAX_KEY_BYTES + " UTF-8 bytes";
    }
    return null;
  }

  @Override
  public int hashCode() {
    // murmur3's finaliser: every input bit reaches the low bits that hash tables index by
    int hash = type.hashCode() * 31 + key.hashCode();
    hash ^= hash >>> 16;
    hash *= 0x85ebca6b;
    hash ^= hash >>> 13;
    hash *= 0xc2b2ae35;
    return hash ^ (hash >>> 16);
  }

  @Override
  public boolean equals(Object other) {
    return this == other
        || other instanceof AggregateId id && key.equals(id.key) && type.equals(id.type);
  }

  /** By type, then by key (as {@link String#compareTo}). */
  @Override
  public int compareTo(AggregateId other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : key.compareTo(other.key);
  }

  @Override
  public String toString() {
    return type + "/" + key;
  }
}
