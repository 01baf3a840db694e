package com.weegigs.events.runtime.internal.generated;

import com.weegigs.events.runtime.validation.Violation;
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
   * <p>The {@code cascade} methods nest for records held deeper ({@code List<List<Line>>}): an inner
   * call passes {@code null} as its {@code field}, adding no name to the path, so a record two lists
   * down is reported at {@code rows[1][0].sku}.
   *
   * @param field the component name, or {@code null} inside another {@code cascade} call
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

  /**
   * Runs {@code check} on every element of a {@code List} or {@code Set} component whose type
   * argument carries constraints ({@code List<@NotBlank String>}), {@code null} elements included;
   * each element is named {@code items[2]}.
   *
   * @param field the component name
   * @param values the component's value; {@code null} checks nothing
   * @param check the element's constraints
   */
  public <T> void eachElement(String field, Collection<T> values, ElementCheck<T> check) {
    if (values == null) {
      return;
    }
    int index = 0;
    for (T value : values) {
      check.check(value, field + "[" + index + "]");
      index++;
    }
  }

  /**
   * Runs {@code check} on every value of a {@code Map} component whose value type argument carries
   * constraints ({@code Map<String, @Positive Integer>}), {@code null} values included; each value
   * is named as {@link #cascadeValues} names it ({@code prices.coffee}).
   *
   * @param field the component name
   * @param values the component's value; {@code null} checks nothing
   * @param check the value's constraints
   */
  public <T> void eachValue(String field, Map<String, T> values, ElementCheck<T> check) {
    if (values == null) {
      return;
    }
    for (Map.Entry<String, T> entry : values.entrySet()) {
      check.check(entry.getValue(), field + "." + entry.getKey());
    }
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
    if (field == null) {
      return;
    }
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
   * The generated checks of one element of a container component.
   *
   * @param <T> the element type
   */
  @FunctionalInterface
  public interface ElementCheck<T> {
    /**
     * Checks {@code element}, reporting its violations under {@code field}.
     *
     * @param element the element, possibly {@code null}
     * @param field its name relative to the record being checked ({@code items[2]}, {@code prices.coffee})
     */
    void check(T element, String field);
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
