package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.List;

/**
 * A record's components, in declaration order: what its codec, validator and schema are made of.
 *
 * @param type the record
 * @param components its components
 */
public record RecordShape(ClassName type, List<ComponentModel> components) {
  public RecordShape {
    components = List.copyOf(components);
  }
}
