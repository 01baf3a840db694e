package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ValueType;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ReceiptValidators}: {@code validate(AddItem)} for every command and for every record a
 * command reaches through {@code @Valid} components, each returning every violation with its JSON path.
 * Constraints on an {@code Optional} apply to its value; {@code @Valid} on a {@code List}, {@code Set},
 * {@code Map} or {@code Optional} of records checks each record in it.
 */
final class ValidatorsWriter {
  private final AggregateModel aggregate;
  private final AggregateConstants constants;
  private final JavaNames.Allocator fieldNames = new JavaNames.Allocator();
  private final List<FieldSpec> fields = new ArrayList<>();

  private ValidatorsWriter(AggregateModel aggregate, AggregateConstants constants) {
    this.aggregate = aggregate;
    this.constants = constants;
  }

  static JavaFile write(AggregateModel aggregate, AggregateConstants constants, boolean generatedAnnotation) {
    return new ValidatorsWriter(aggregate, constants).write(generatedAnnotation);
  }

  private JavaFile write(boolean generatedAnnotation) {
    ClassName name = aggregate.names().validators();
    // Commands first, then the records they reach through @Valid, each once, in order of discovery.
    Map<ClassName, RecordShape> checked = new LinkedHashMap<>();
    Deque<RecordShape> pending = new ArrayDeque<>();
    for (CommandModel command : aggregate.commands()) {
      pending.add(command.shape());
    }
    while (!pending.isEmpty()) {
      RecordShape shape = pending.removeFirst();
      if (checked.putIfAbsent(shape.type(), shape) != null) {
        continue;
      }
      for (ComponentModel component : shape.components()) {
        ClassName nested = component.cascade() ? cascadedRecord(component.type()) : null;
        if (nested != null && constants.records().containsKey(nested)) {
          pending.add(constants.records().get(nested));
        }
      }
    }

    List<MethodSpec> validates = new ArrayList<>();
    List<MethodSpec> checks = new ArrayList<>();
    for (RecordShape shape : checked.values()) {
      validates.add(validateMethod(shape));
      checks.add(checkMethod(shape, checked));
    }

    TypeSpec.Builder validators = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("Constraint checks of the commands of the {@code $L} aggregate ({@link $T}), generated from their\n"
            + "jakarta.validation annotations. Each {@code validate} method returns every violation, with its JSON path,\n"
            + "and an empty list for a valid value; the service runs them before a command reaches its handler.\n",
            aggregate.wireName(), aggregate.stateType()));
    fields.forEach(validators::addField);
    validators.addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());
    validates.forEach(validators::addMethod);
    checks.forEach(validators::addMethod);
    return GeneratedFiles.file(name, validators.build());
  }

  private static ClassName cascadedRecord(ValueType type) {
    if (type instanceof ValueType.Record record) {
      return record.javaType();
    }
    if (type instanceof ValueType.ListOf list && list.element() instanceof ValueType.Record record) {
      return record.javaType();
    }
    if (type instanceof ValueType.SetOf set && set.element() instanceof ValueType.Record record) {
      return record.javaType();
    }
    if (type instanceof ValueType.MapOf map && map.value() instanceof ValueType.Record record) {
      return record.javaType();
    }
    if (type instanceof ValueType.OptionalOf optional && optional.value() instanceof ValueType.Record record) {
      return record.javaType();
    }
    return null;
  }

  private MethodSpec validateMethod(RecordShape shape) {
    return MethodSpec.methodBuilder("validate")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.LIST, RuntimeTypes.VIOLATION))
        .addParameter(shape.type(), "value")
        .addJavadoc(CodeText.block("Checks the constraints of {@link $T}; every broken one is returned with its path, none when it is valid.\n"
            + "\n@param value the value to check, not {@code null}\n@return every violation, in component order\n", shape.type()))
        .addCode(new CodeText()
            .addStatement("$T context = new $T()", RuntimeTypes.VALIDATION_CONTEXT, RuntimeTypes.VALIDATION_CONTEXT)
            .addStatement("check(value, context)")
            .addStatement("return context.violations()")
            .build())
        .build();
  }

  private MethodSpec checkMethod(RecordShape shape, Map<ClassName, RecordShape> checked) {
    MethodSpec.Builder check = MethodSpec.methodBuilder("check")
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC)
        .addParameter(shape.type(), "value")
        .addParameter(RuntimeTypes.VALIDATION_CONTEXT, "context");
    CodeText code = new CodeText();
    for (ComponentModel component : shape.components()) {
      CodeText access = component.type() instanceof ValueType.OptionalOf
          ? CodeText.of("$T.unwrap(value.$N())", RuntimeTypes.CONSTRAINTS, component.name())
          : CodeText.of("value.$N()", component.name());
      for (ConstraintModel constraint : component.constraints()) {
        code.addStatement("$L", constraintCall(shape, component, constraint, access));
      }
      ClassName nested = component.cascade() ? cascadedRecord(component.type()) : null;
      if (nested != null && checked.containsKey(nested)) {
        ValueType type = component.type();
        String method = "cascade";
        if (type instanceof ValueType.ListOf || type instanceof ValueType.SetOf) {
          method = "cascadeEach";
        } else if (type instanceof ValueType.MapOf) {
          method = "cascadeValues";
        } else if (type instanceof ValueType.OptionalOf) {
          method = "cascadeOptional";
        }
        code.addStatement("context.$N($S, value.$N(), $T::check)", method, component.name(), component.name(),
            aggregate.names().validators());
      }
    }
    return check.addCode(code.build()).build();
  }

  private CodeText constraintCall(RecordShape shape, ComponentModel component, ConstraintModel constraint, CodeText access) {
    ClassName constraints = RuntimeTypes.CONSTRAINTS;
    String field = component.name();
    String message = constraint.message();
    Map<String, Object> attributes = constraint.attributes();
    return switch (constraint.kind()) {
      case NOT_NULL -> CodeText.of("$T.notNull(context, $S, $L, $S)", constraints, field, access, message);
      case NOT_BLANK -> CodeText.of("$T.notBlank(context, $S, $L, $S)", constraints, field, access, message);
      case NOT_EMPTY -> CodeText.of("$T.notEmpty(context, $S, $L, $S)", constraints, field, access, message);
      case SIZE -> CodeText.of("$T.size(context, $S, $L, $L, $L, $S)", constraints, field, access,
          intAttribute(attributes.get("min"), 0), intAttribute(attributes.get("max"), Integer.MAX_VALUE), message);
      case MIN -> CodeText.of("$T.min(context, $S, $L, $LL, $S)", constraints, field, access, longAttribute(attributes.get("value")), message);
      case MAX -> CodeText.of("$T.max(context, $S, $L, $LL, $S)", constraints, field, access, longAttribute(attributes.get("value")), message);
      case POSITIVE -> CodeText.of("$T.positive(context, $S, $L, $S)", constraints, field, access, message);
      case POSITIVE_OR_ZERO -> CodeText.of("$T.positiveOrZero(context, $S, $L, $S)", constraints, field, access, message);
      case NEGATIVE -> CodeText.of("$T.negative(context, $S, $L, $S)", constraints, field, access, message);
      case NEGATIVE_OR_ZERO -> CodeText.of("$T.negativeOrZero(context, $S, $L, $S)", constraints, field, access, message);
      case DECIMAL_MIN -> CodeText.of("$T.decimalMin(context, $S, $L, $N, $L, $S)", constraints, field, access,
          decimalField(shape, component, "MIN", attributes), !Boolean.FALSE.equals(attributes.get("inclusive")), message);
      case DECIMAL_MAX -> CodeText.of("$T.decimalMax(context, $S, $L, $N, $L, $S)", constraints, field, access,
          decimalField(shape, component, "MAX", attributes), !Boolean.FALSE.equals(attributes.get("inclusive")), message);
      case PATTERN -> CodeText.of("$T.pattern(context, $S, $L, $N, $S)", constraints, field, access,
          patternField(shape, component, String.valueOf(attributes.get("regexp"))), message);
      case EMAIL -> CodeText.of("$T.email(context, $S, $L, $S)", constraints, field, access, message);
    };
  }

  private static int intAttribute(Object value, int fallback) {
    return value instanceof Number number ? number.intValue() : fallback;
  }

  private static long longAttribute(Object value) {
    if (value instanceof Number number) {
      return number.longValue();
    }
    throw new IllegalArgumentException("constraint value " + value + " is not a number");
  }

  private String decimalField(RecordShape shape, ComponentModel component, String bound, Map<String, Object> attributes) {
    String value = String.valueOf(attributes.get("value")).trim();
    new BigDecimal(value); // fails the write, rather than the generated class's initialisation, for a bad bound
    String name = fieldNames.allocate(
        JavaNames.upperSnake(shape.type().simpleName()) + "_" + JavaNames.upperSnake(component.name()) + "_DECIMAL_" + bound, "_2");
    fields.add(FieldSpec.builder(RuntimeTypes.BIG_DECIMAL, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeText.block("new $T($S)", RuntimeTypes.BIG_DECIMAL, value))
        .build());
    return name;
  }

  private String patternField(RecordShape shape, ComponentModel component, String regexp) {
    String name = fieldNames.allocate(
        JavaNames.upperSnake(shape.type().simpleName()) + "_" + JavaNames.upperSnake(component.name()) + "_PATTERN", "_2");
    fields.add(FieldSpec.builder(RuntimeTypes.PATTERN, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeText.block("$T.compile($S)", RuntimeTypes.PATTERN, regexp))
        .build());
    return name;
  }
}
