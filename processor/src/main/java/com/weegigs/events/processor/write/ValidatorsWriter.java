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
        component.cascadedRecord().map(constants.records()::get).ifPresent(pending::add);
      }
    }

    List<MethodSpec> validates = new ArrayList<>();
    List<MethodSpec> checks = new ArrayList<>();
    for (RecordShape shape : checked.values()) {
      validates.add(validateMethod(shape));
      checks.add(checkMethod(shape, checked));
    }

    TypeSpec.Builder validators = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation, aggregate.deprecatedUses())
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

  /** The {@code ValidationContext} method that descends into {@code type}. */
  private static String cascadeMethod(ValueType type) {
    if (type instanceof ValueType.ListOf || type instanceof ValueType.SetOf) {
      return "cascadeEach";
    }
    if (type instanceof ValueType.MapOf) {
      return "cascadeValues";
    }
    if (type instanceof ValueType.OptionalOf) {
      return "cascadeOptional";
    }
    return "cascade";
  }

  /**
   * The check of what {@code type} holds, at lambda depth {@code depth}: the record's own check, or
   * for a container of containers ({@code List<List<Line>>}) a lambda descending one level more,
   * {@code (held1, context1) -> context1.cascadeEach(null, held1, CartValidators::check)}.
   */
  private CodeText heldCheck(ValueType type, int depth) {
    if (type instanceof ValueType.Container container) {
      return CodeText.of("(held$L, context$L) -> context$L.$N(null, held$L, $L)", depth, depth, depth, cascadeMethod(type), depth,
          heldCheck(container.held(), depth + 1));
    }
    return CodeText.of("$T::check", aggregate.names().validators());
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
        code.addStatement("$L", constraintCall(shape, component.name(), constraint, CodeText.of("$S", component.name()), access));
      }
      if (!component.elementConstraints().isEmpty()) {
        elementChecks(code, shape, component);
      }
      if (component.cascadedRecord().filter(checked::containsKey).isPresent()) {
        ValueType type = component.type();
        code.addStatement("context.$N($S, value.$N(), $L)", cascadeMethod(type), component.name(), component.name(),
            heldCheck(type instanceof ValueType.Container container ? container.held() : type, 1));
      }
    }
    return check.addCode(code.build()).build();
  }

  /**
   * Adds the checks of the constraints on a container's type argument, run on every element:
   * {@code context.eachElement("tags", value.tags(), (element, at) -> Constraints.notBlank(context, at, element, "..."));}
   */
  private void elementChecks(CodeText code, RecordShape shape, ComponentModel component) {
    String method = component.type() instanceof ValueType.MapOf ? "eachValue" : "eachElement";
    String owner = component.name() + "Element";
    List<CodeText> calls = new ArrayList<>();
    for (ConstraintModel constraint : component.elementConstraints()) {
      calls.add(constraintCall(shape, owner, constraint, CodeText.of("at"), CodeText.of("element")));
    }
    if (calls.size() == 1) {
      code.addStatement("context.$N($S, value.$N(), (element, at) -> $L)", method, component.name(), component.name(), calls.get(0));
      return;
    }
    code.add("context.$N($S, value.$N(), (element, at) -> {\n$>", method, component.name(), component.name());
    for (CodeText call : calls) {
      code.addStatement("$L", call);
    }
    code.add("$<});\n");
  }

  /**
   * One constraint's check.
   *
   * @param owner the name its constant fields (a decimal bound, a compiled pattern) are named after
   * @param field the code of the checked value's name: the component's name, or the element's
   * @param access the code of the checked value
   */
  private CodeText constraintCall(RecordShape shape, String owner, ConstraintModel constraint, CodeText field, CodeText access) {
    ClassName constraints = RuntimeTypes.CONSTRAINTS;
    String message = constraint.message();
    // Each kind has its own record; the casts below follow the kind.
    ConstraintModel.Rule rule = constraint.rule();
    return switch (rule.kind()) {
      case NOT_NULL -> CodeText.of("$T.notNull(context, $L, $L, $S)", constraints, field, access, message);
      case NOT_BLANK -> CodeText.of("$T.notBlank(context, $L, $L, $S)", constraints, field, access, message);
      case NOT_EMPTY -> CodeText.of("$T.notEmpty(context, $L, $L, $S)", constraints, field, access, message);
      case SIZE -> CodeText.of("$T.size(context, $L, $L, $L, $L, $S)", constraints, field, access,
          ((ConstraintModel.Size) rule).min(), ((ConstraintModel.Size) rule).max(), message);
      case MIN -> CodeText.of("$T.min(context, $L, $L, $LL, $S)", constraints, field, access, ((ConstraintModel.Min) rule).value(), message);
      case MAX -> CodeText.of("$T.max(context, $L, $L, $LL, $S)", constraints, field, access, ((ConstraintModel.Max) rule).value(), message);
      case POSITIVE -> CodeText.of("$T.positive(context, $L, $L, $S)", constraints, field, access, message);
      case POSITIVE_OR_ZERO -> CodeText.of("$T.positiveOrZero(context, $L, $L, $S)", constraints, field, access, message);
      case NEGATIVE -> CodeText.of("$T.negative(context, $L, $L, $S)", constraints, field, access, message);
      case NEGATIVE_OR_ZERO -> CodeText.of("$T.negativeOrZero(context, $L, $L, $S)", constraints, field, access, message);
      case DECIMAL_MIN -> {
        ConstraintModel.DecimalMin min = (ConstraintModel.DecimalMin) rule;
        yield CodeText.of("$T.decimalMin(context, $L, $L, $N, $L, $S)", constraints, field, access,
            decimalField(shape, owner, "MIN", min.value()), min.inclusive(), message);
      }
      case DECIMAL_MAX -> {
        ConstraintModel.DecimalMax max = (ConstraintModel.DecimalMax) rule;
        yield CodeText.of("$T.decimalMax(context, $L, $L, $N, $L, $S)", constraints, field, access,
            decimalField(shape, owner, "MAX", max.value()), max.inclusive(), message);
      }
      case PATTERN -> CodeText.of("$T.pattern(context, $L, $L, $N, $S)", constraints, field, access,
          patternField(shape, owner, ((ConstraintModel.Pattern) rule).regexp()), message);
      case EMAIL -> CodeText.of("$T.email(context, $L, $L, $S)", constraints, field, access, message);
    };
  }

  /** A constant holding the decimal bound {@code value}, which the model has checked is a number. */
  private String decimalField(RecordShape shape, String owner, String bound, String value) {
    String name = fieldNames.allocate(
        JavaNames.upperSnake(shape.type().simpleName()) + "_" + JavaNames.upperSnake(owner) + "_DECIMAL_" + bound, "_2");
    fields.add(FieldSpec.builder(RuntimeTypes.BIG_DECIMAL, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeText.block("new $T($S)", RuntimeTypes.BIG_DECIMAL, value))
        .build());
    return name;
  }

  private String patternField(RecordShape shape, String owner, String regexp) {
    String name = fieldNames.allocate(
        JavaNames.upperSnake(shape.type().simpleName()) + "_" + JavaNames.upperSnake(owner) + "_PATTERN", "_2");
    fields.add(FieldSpec.builder(RuntimeTypes.PATTERN, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(CodeText.block("$T.compile($S)", RuntimeTypes.PATTERN, regexp))
        .build());
    return name;
  }
}
