package com.weegigs.events.runtime.validation;

import java.util.Objects;

/**
 * One broken constraint or unreadable field.
 *
 * @param path where, in JSON terms: {@code price}, {@code items[2].name}, {@code address.city}
 * @param message what is wrong, such as {@code must be greater than or equal to 0}
 */
public record Violation(String path, String message) {
  public Violation {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(message, "message");
  }
}
