package com.weegigs.events.processor.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The model decides what a type or constraint is, once, from what the readers give it. */
class ModelKindsTest {
  @Test
  void everyScalarClassHasItsKindAndNothingElseIsAScalar() {
    for (ValueType.Scalar.Kind kind : ValueType.Scalar.Kind.values()) {
      ValueType.Scalar scalar = new ValueType.Scalar(kind.javaType());
      assertEquals(kind, scalar.kind());
      assertEquals(kind.javaType(), scalar.javaType());
    }
    assertEquals(ValueType.Scalar.Kind.BIG_DECIMAL, new ValueType.Scalar(ClassName.get(java.math.BigDecimal.class)).kind());
    assertThrows(IllegalArgumentException.class, () -> new ValueType.Scalar(ClassName.get(java.time.Duration.class)));
  }

  @Test
  void aPrimitiveAndItsBoxHaveOneKind() {
    ValueType.Primitive unboxed = new ValueType.Primitive(TypeName.INT, false);
    ValueType.Primitive boxed = new ValueType.Primitive(ClassName.get(Integer.class), true);
    assertEquals(ValueType.Primitive.Kind.INT, unboxed.kind());
    assertEquals(ValueType.Primitive.Kind.INT, boxed.kind());
    assertEquals(TypeName.INT, unboxed.javaType());
    assertEquals(ClassName.get(Integer.class), boxed.javaType());
    assertEquals(new ValueType.Primitive(ValueType.Primitive.Kind.INT, true), boxed);
    assertThrows(IllegalArgumentException.class, () -> new ValueType.Primitive(TypeName.CHAR, false));
  }

  @Test
  void eachConstraintKindHasItsOwnRuleWithTypedAttributes() {
    assertEquals(new ConstraintModel.Size(2, 100), ConstraintModel.of(ConstraintModel.Kind.SIZE, Map.of("min", 2L, "max", 100L), "m").rule());
    assertEquals(new ConstraintModel.Size(0, Integer.MAX_VALUE), ConstraintModel.of(ConstraintModel.Kind.SIZE, Map.of(), "m").rule());
    assertEquals(new ConstraintModel.Min(1), ConstraintModel.of(ConstraintModel.Kind.MIN, Map.of("value", 1L), "m").rule());
    assertEquals(new ConstraintModel.DecimalMax("0.50", false),
        ConstraintModel.of(ConstraintModel.Kind.DECIMAL_MAX, Map.of("value", " 0.50 ", "inclusive", false), "m").rule());
    assertEquals(new ConstraintModel.DecimalMin("1", true),
        ConstraintModel.of(ConstraintModel.Kind.DECIMAL_MIN, Map.of("value", "1"), "m").rule());
    assertEquals(new ConstraintModel.Pattern("[a-z]+"), ConstraintModel.of(ConstraintModel.Kind.PATTERN, Map.of("regexp", "[a-z]+"), "m").rule());
    for (ConstraintModel.Kind kind : ConstraintModel.Kind.values()) {
      Map<String, Object> attributes = Map.of("value", kind.name().startsWith("DECIMAL") ? (Object) "1" : (Object) 1L, "regexp", "x");
      ConstraintModel constraint = ConstraintModel.of(kind, attributes, "message of " + kind);
      assertEquals(kind, constraint.kind());
      assertEquals(kind, constraint.rule().kind());
      assertEquals("message of " + kind, constraint.message());
      assertEquals(constraint, new ConstraintModel(kind, attributes, "message of " + kind));
    }
  }

  @Test
  void anAttributeAKindNeedsMustBeThere() {
    assertThrows(IllegalArgumentException.class, () -> ConstraintModel.of(ConstraintModel.Kind.MIN, Map.of(), "m"));
    assertThrows(IllegalArgumentException.class, () -> ConstraintModel.of(ConstraintModel.Kind.PATTERN, Map.of(), "m"));
    assertThrows(IllegalArgumentException.class, () -> ConstraintModel.of(ConstraintModel.Kind.DECIMAL_MIN, Map.of("value", "ten"), "m"));
  }

  @Test
  void cascadeFindsTheRecordHowDeepItsContainersHoldIt() {
    ClassName line = ClassName.get("test", "Line");
    ValueType record = new ValueType.Record(line);
    ValueType nested = new ValueType.ListOf(ClassName.OBJECT, new ValueType.OptionalOf(ClassName.OBJECT, record));
    assertEquals(Optional.of(line), new ComponentModel("lines", nested, java.util.List.of(), true).cascadedRecord());
    assertEquals(Optional.empty(), new ComponentModel("lines", nested, java.util.List.of(), false).cascadedRecord());
    ValueType strings = new ValueType.ListOf(ClassName.OBJECT, new ValueType.Scalar(ValueType.Scalar.Kind.STRING));
    assertEquals(Optional.empty(), new ComponentModel("tags", strings, java.util.List.of(), true).cascadedRecord());
  }

  @Test
  void aComponentIsRequiredWhenItIsAPrimitiveOrAReferenceThatMustNotBeNull() {
    ValueType string = new ValueType.Scalar(ValueType.Scalar.Kind.STRING);
    ConstraintModel notNull = ConstraintModel.of(ConstraintModel.Kind.NOT_NULL, Map.of(), "must not be null");
    ConstraintModel notBlank = ConstraintModel.of(ConstraintModel.Kind.NOT_BLANK, Map.of(), "must not be blank");
    ConstraintModel notEmpty = ConstraintModel.of(ConstraintModel.Kind.NOT_EMPTY, Map.of(), "must not be empty");
    ConstraintModel size = ConstraintModel.of(ConstraintModel.Kind.SIZE, Map.of("max", 5L), "size");
    assertTrue(component(new ValueType.Primitive(TypeName.INT, false)).required());
    assertFalse(component(new ValueType.Primitive(ClassName.get(Integer.class), true)).required());
    assertTrue(component(new ValueType.Primitive(ClassName.get(Integer.class), true), notNull).required());
    assertFalse(component(string).required());
    assertFalse(component(string, size).required());
    assertTrue(component(string, notBlank).required());
    assertTrue(component(string, size, notEmpty).required());
    assertFalse(component(new ValueType.Record(ClassName.get("test", "Line"))).required());
    // containers and Optional read as empty when absent, whatever their constraints
    assertFalse(component(new ValueType.ListOf(ClassName.OBJECT, string), notEmpty).required());
    assertFalse(component(new ValueType.OptionalOf(ClassName.OBJECT, string), notBlank).required());
  }

  private static ComponentModel component(ValueType type, ConstraintModel... constraints) {
    return new ComponentModel("c", type, java.util.List.of(constraints), false);
  }
}
