package com.weegigs.events.runtime.validation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Collects the violations a generated validator finds, each with its JSON path
 * ({@code items[2].name}). Generated code checks the components of a record with {@link Constraints}
 * and descends into {@code @Valid} components with the {@code cascade} methods, which keep the path.
 */
public final class ValidationContext {
  // made on the first nested record: most commands have none, and are checked on every request
  private StringBuilder path;
  private int[] marks;
  private int depth;
  private List<Violation> violations;

  /** A context whose paths start at the root. */
  public ValidationContext() {}

  /**
   * Checks a nested record of a {@code @Valid} component; {@code null} passes.
   *
   * @param field the component name
   * @param value its value
   * @param validator the generated check of the record's type
   */
  public <T> void cascade(String field, T value, NestedValidator<T> validator) {
    if (value == null) {
      return;
    }
    pushField(field);
    validator.validate(value, this);
    pop();
  }

  /** Checks the value of a {@code @Valid} {@code Optional} component when it has one. */
  public <T> void cascadeOptional(String field, Optional<T> value, NestedValidator<T> validator) {
    if (value != null && value.isPresent()) {
      cascade(field, value.get(), validator);
    }
  }

  /** Checks every element of a {@code @Valid} {@code List} or {@code Set} component ({@code items[2]}). */
  public <T> void cascadeEach(String field, Collection<T> values, NestedValidator<T> validator) {
    if (values == null) {
      return;
    }
    pushField(field);
    int index = 0;
    for (T value : values) {
      if (value != null) {
        pushIndex(index);
        validator.validate(value, this);
        pop();
      }
      index++;
    }
    pop();
  }

  /** Checks every value of a {@code @Valid} {@code Map} component ({@code prices.coffee}). */
  public <T> void cascadeValues(String field, Map<String, T> values, NestedValidator<T> validator) {
    if (values == null) {
      return;
    }
    pushField(field);
    for (Map.Entry<String, T> entry : values.entrySet()) {
      if (entry.getValue() != null) {
        pushField(entry.getKey());
        validator.validate(entry.getValue(), this);
        pop();
      }
    }
    pop();
  }

  /** Records a violation of component {@code field} of the record being checked. */
  public void violation(String field, String message) {
    if (violations == null) {
      violations = new ArrayList<>(4);
    }
    violations.add(new Violation(path == null || path.length() == 0 ? field : path + "." + field, message));
  }

  /** Whether anything was wrong. */
  public boolean hasViolations() {
    return violations != null && !violations.isEmpty();
  }

  /** Every violation found, in the order found. */
  public List<Violation> violations() {
    return violations == null ? List.of() : List.copyOf(violations);
  }

  private void pushField(String field) {
    mark();
    if (path.length() > 0) {
      path.append('.');
    }
    path.append(field);
  }

  private void pushIndex(int index) {
    mark();
    path.append('[').append(index).append(']');
  }

  private void pop() {
    depth--;
    path.setLength(marks[depth]);
  }

  private void mark() {
    if (path == null) {
      path = new StringBuilder();
      marks = new int[8];
    }
    if (depth == marks.length) {
      marks = Arrays.copyOf(marks, depth * 2);
    }
    marks[depth++] = path.length();
  }

  /**
   * The generated check of one record type, called for nested records.
   *
   * @param <T> the record
   */
  @FunctionalInterface
  public interface NestedValidator<T> {
    /** Adds the violations of {@code value} to {@code context}. */
    void validate(T value, ValidationContext context);
  }
}
