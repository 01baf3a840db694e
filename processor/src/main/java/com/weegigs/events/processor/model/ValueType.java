package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Arrays;
import java.util.List;

/** A component type the codecs support. Anything else is a compile error before a model exists. */
public sealed interface ValueType {
  /** The Java type, for generated declarations. */
  TypeName javaType();

  /**
   * {@code boolean}, {@code int}, {@code long}, {@code double}, ... and their boxes.
   *
   * @param kind which primitive
   * @param boxed whether the component is declared with the box ({@code Integer}), which may be {@code null}
   */
  record Primitive(Kind kind, boolean boxed) implements ValueType {
    /** The primitive of {@code javaType}, a primitive type or its box; {@code boxed} says which is declared. */
    public Primitive(TypeName javaType, boolean boxed) {
      this(Kind.of(javaType), boxed);
    }

    @Override
    public TypeName javaType() {
      return boxed ? kind.primitive().box() : kind.primitive();
    }

    /** The primitives JSON can carry ({@code char} is not one: JSON has no character type). */
    public enum Kind {
      BOOLEAN(TypeName.BOOLEAN), BYTE(TypeName.BYTE), SHORT(TypeName.SHORT), INT(TypeName.INT), LONG(TypeName.LONG),
      FLOAT(TypeName.FLOAT), DOUBLE(TypeName.DOUBLE);

      private final TypeName primitive;

      Kind(TypeName primitive) {
        this.primitive = primitive;
      }

      /** The primitive type ({@code int}). */
      public TypeName primitive() {
        return primitive;
      }

      /** The kind of a primitive type or its box. */
      public static Kind of(TypeName type) {
        TypeName unboxed = type.isBoxedPrimitive() ? type.unbox() : type;
        return Arrays.stream(values()).filter(kind -> kind.primitive.equals(unboxed)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(type + " is not a supported primitive type"));
      }
    }
  }

  /**
   * {@code String}, {@code BigDecimal}, {@code BigInteger}, {@code UUID}, {@code Instant}, {@code LocalDate}.
   *
   * @param kind which of them
   */
  record Scalar(Kind kind) implements ValueType {
    /** The scalar of the class {@code javaType}, one of those {@link Kind} lists. */
    public Scalar(ClassName javaType) {
      this(Kind.of(javaType));
    }

    @Override
    public ClassName javaType() {
      return kind.javaType();
    }

    /** The scalar types, each with its own codec. */
    public enum Kind {
      STRING(ClassName.get("java.lang", "String")),
      BIG_DECIMAL(ClassName.get("java.math", "BigDecimal")),
      BIG_INTEGER(ClassName.get("java.math", "BigInteger")),
      UUID(ClassName.get("java.util", "UUID")),
      INSTANT(ClassName.get("java.time", "Instant")),
      LOCAL_DATE(ClassName.get("java.time", "LocalDate"));

      private final ClassName javaType;

      Kind(ClassName javaType) {
        this.javaType = javaType;
      }

      /** The class ({@code java.math.BigDecimal}). */
      public ClassName javaType() {
        return javaType;
      }

      /** The kind of {@code javaType}. */
      public static Kind of(ClassName javaType) {
        return Arrays.stream(values()).filter(kind -> kind.javaType.equals(javaType)).findFirst()
            .orElseThrow(() -> new IllegalArgumentException(javaType + " is not a supported scalar type"));
      }
    }
  }

  /** An enum; constants in declaration order. On the wire each is its name in lower kebab case. */
  record Enum(ClassName javaType, List<String> constants) implements ValueType {
    public Enum {
      constants = List.copyOf(constants);
    }
  }

  /** A nested record, with its own codec. */
  record Record(ClassName javaType) implements ValueType {}

  /**
   * A type that holds values of another: read as empty when its field is missing, so never required
   * in a schema, and descended into by {@code @Valid}.
   */
  sealed interface Container extends ValueType {
    /** What it holds: a list's or set's element, a map's or optional's value. */
    ValueType held();
  }

  /** {@code List<T>}. */
  record ListOf(TypeName javaType, ValueType element) implements Container {
    @Override
    public ValueType held() {
      return element;
    }
  }

  /** {@code Set<T>}. */
  record SetOf(TypeName javaType, ValueType element) implements Container {
    @Override
    public ValueType held() {
      return element;
    }
  }

  /** {@code Map<String, T>}. */
  record MapOf(TypeName javaType, ValueType value) implements Container {
    @Override
    public ValueType held() {
      return value;
    }
  }

  /** {@code Optional<T>}. */
  record OptionalOf(TypeName javaType, ValueType value) implements Container {
    @Override
    public ValueType held() {
      return value;
    }
  }
}
