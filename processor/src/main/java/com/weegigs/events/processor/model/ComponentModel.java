package com.weegigs.events.processor.model;

import java.util.List;

/**
 * One record component.
 *
 * @param name component name, also its JSON field name
 * @param type its type as the codec sees it
 * @param constraints its jakarta.validation constraints, in source order
 * @param cascade whether it is annotated {@code @Valid} (nested records, or elements of collections, are validated too)
 */
public record ComponentModel(String name, ValueType type, List<ConstraintModel> constraints, boolean cascade) {
  public ComponentModel {
    constraints = List.copyOf(constraints);
  }
}
