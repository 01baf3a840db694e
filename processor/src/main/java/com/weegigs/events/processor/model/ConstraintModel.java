package com.weegigs.events.processor.model;

import java.util.Map;

/**
 * One jakarta.validation constraint on a component.
 *
 * @param kind which constraint
 * @param attributes its attributes as written (or defaulted): {@code value}, {@code min}, {@code max},
 *     {@code inclusive}, {@code regexp}; values are {@code Long}, {@code String} or {@code Boolean}
 * @param message the message to report: the annotation's own {@code message} when the user set one,
 *     otherwise the standard text ({@code must be greater than or equal to 0})
 */
public record ConstraintModel(Kind kind, Map<String, Object> attributes, String message) {
  public ConstraintModel {
    attributes = Map.copyOf(attributes);
  }

  /** The supported constraints. */
  public enum Kind {
    NOT_NULL, NOT_BLANK, NOT_EMPTY, SIZE, MIN, MAX, POSITIVE, POSITIVE_OR_ZERO, NEGATIVE, NEGATIVE_OR_ZERO,
    DECIMAL_MIN, DECIMAL_MAX, PATTERN, EMAIL
  }
}
