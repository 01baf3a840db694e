package com.weegigs.events.runtime;

import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Identity of one aggregate: its wire type (such as {@code receipt}) and its key (any non-empty
 * UTF-8 string of at most {@value #MAX_KEY_BYTES} bytes).
 */
public record AggregateId(String type, String key) {
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
  public String toString() {
    return type + "/" + key;
  }
}
