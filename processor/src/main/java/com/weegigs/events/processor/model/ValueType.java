package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;

/** A component type the codecs support. Anything else is a compile error before a model exists. */
public sealed interface ValueType {
  /** The Java type, for generated declarations. */
  TypeName javaType();

  /** {@code boolean}, {@code int}, {@code long}, {@code double}, ... and their boxes. */
  record Primitive(TypeName javaType, boolean boxed) implements ValueType {}

  /** {@code String}, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code Instant}, {@code LocalDate}. */
  record Scalar(ClassName javaType) implements ValueType {}

  /** An enum; constants in declaration order. On the wire each is its name in lower kebab case. */
  record Enum(ClassName javaType, List<String> constants) implements ValueType {
    public Enum {
      constants = List.copyOf(constants);
    }
  }

  /** A nested record, with its own codec. */
  record Record(ClassName javaType) implements ValueType {}

  /** {@code List<T>}. */
  record ListOf(TypeName javaType, ValueType element) implements ValueType {}

  /** {@code Set<T>}. */
  record SetOf(TypeName javaType, ValueType element) implements ValueType {}

  /** {@code Map<String, T>}. */
  record MapOf(TypeName javaType, ValueType value) implements ValueType {}

  /** {@code Optional<T>}. */
  record OptionalOf(TypeName javaType, ValueType value) implements ValueType {}
}
