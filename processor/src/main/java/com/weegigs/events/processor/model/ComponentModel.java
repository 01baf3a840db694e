package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * One record component.
 *
 * @param name component name, also its JSON field name
 * @param type its type as the codec sees it
 * @param constraints its jakarta.validation constraints, in source order (for an {@code Optional},
 *     those on its type argument too: both apply to its value)
 * @param cascade whether it is annotated {@code @Valid}, or its type argument is
 *     ({@code List<@Valid Item>}): nested records, or elements of collections, are validated too
 * @param elementConstraints the constraints on the type argument of a {@code List} or {@code Set}
 *     ({@code List<@NotBlank String>}), or on the value type argument of a {@code Map}, in source
 *     order; checked on every element
 */
public record ComponentModel(
    String name, ValueType type, List<ConstraintModel> constraints, boolean cascade, List<ConstraintModel> elementConstraints) {
  public ComponentModel {
    constraints = List.copyOf(constraints);
    elementConstraints = List.copyOf(elementConstraints);
  }

  /** A component without constraints on its type arguments. */
  public ComponentModel(String name, ValueType type, List<ConstraintModel> constraints, boolean cascade) {
    this(name, type, constraints, cascade, List.of());
  }

  /**
   * The record that {@code @Valid} validates in this component: its type, or the record its
   * containers hold however deep ({@code List<Optional<Line>>}); empty without {@code @Valid} or
   * when no record is held.
   */
  public Optional<ClassName> cascadedRecord() {
    if (!cascade) {
      return Optional.empty();
    }
    ValueType held = type;
    while (held instanceof ValueType.Container container) {
      held = container.held();
    }
    return held instanceof ValueType.Record record ? Optional.of(record.javaType()) : Optional.empty();
  }
}
