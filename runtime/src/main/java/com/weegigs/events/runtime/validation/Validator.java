package com.weegigs.events.runtime.validation;

import java.util.List;

/**
 * Checks the declared constraints of one type and returns every violation (empty when valid).
 * The processor generates one per command from its jakarta.validation annotations.
 *
 * @param <T> the checked type
 */
@FunctionalInterface
public interface Validator<T> {
  /** Every broken constraint of {@code value}, with paths relative to it; empty when it is valid. */
  List<Violation> validate(T value);

  /** A validator for types that declare no constraints. */
  static <T> Validator<T> none() {
    return value -> List.of();
  }
}
