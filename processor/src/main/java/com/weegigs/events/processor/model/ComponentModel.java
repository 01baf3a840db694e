package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;
import java.util.Optional;

/**
 * One record component.
 *
 * <p>Whether it must be present on the wire is decided here, once, by {@link #required()}: the
 * codecs and the JSON Schemas both render that decision.
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
   * Whether the component must be present in its JSON object: a primitive ({@code int}, not
   * {@code Integer}), or a reference that carries {@code @NotNull}, {@code @NotBlank} or
   * {@code @NotEmpty}. Every other component is optional: an {@code Optional} reads as empty when
   * absent, a {@code List}, {@code Set} or {@code Map} as empty, whatever its constraints (a
   * {@code @NotEmpty} list is then refused by validation, not by decoding), and any other reference
   * as {@code null}. Absent and JSON {@code null} mean the same.
   */
  public boolean required() {
    if (type instanceof ValueType.Container) {
      return false;
    }
    if (type instanceof ValueType.Primitive primitive && !primitive.boxed()) {
      return true;
    }
    return constraints.stream().anyMatch(constraint -> switch (constraint.kind()) {
      case NOT_NULL, NOT_BLANK, NOT_EMPTY -> true;
      default -> false;
    });
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
