package com.weegigs.events.processor.build;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.Diagnostic;
import com.weegigs.events.processor.Reporter;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ValueType;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.Mirrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads a record's components into {@link RecordShape}s: each component's {@link ValueType} and
 * constraints, checking that the codecs can encode it and that each constraint applies. Each record
 * is read once per round, so a problem in a record shared by several declarations is reported once.
 */
final class ComponentReader {
  /**
   * A record as read.
   *
   * @param shape its components
   * @param ok whether it and every record it holds are free of errors
   * @param nested the records it holds, directly or through other records, in a stable order
   * @param constrained whether any of its own components has a constraint
   */
  record Result(RecordShape shape, boolean ok, Set<ClassName> nested, Map<ClassName, RecordShape> nestedShapes, boolean constrained) {}

  private static final Map<String, TypeName> BOXES = Map.of(
      "java.lang.Boolean", ClassName.get("java.lang", "Boolean"),
      "java.lang.Byte", ClassName.get("java.lang", "Byte"),
      "java.lang.Short", ClassName.get("java.lang", "Short"),
      "java.lang.Integer", ClassName.get("java.lang", "Integer"),
      "java.lang.Long", ClassName.get("java.lang", "Long"),
      "java.lang.Float", ClassName.get("java.lang", "Float"),
      "java.lang.Double", ClassName.get("java.lang", "Double"));
  private static final Set<String> SCALARS = Set.of(
      "java.lang.String", "java.math.BigDecimal", "java.math.BigInteger", "java.util.UUID", "java.time.Instant",
      "java.time.LocalDate");
  private static final Set<String> INTEGRAL = Set.of(
      "byte", "short", "int", "long", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
      "java.math.BigInteger", "java.math.BigDecimal");
  private static final Set<String> FLOATING = Set.of("float", "double", "java.lang.Float", "java.lang.Double");

  private final Elements elements;
  private final Reporter reporter;
  private final Map<String, Result> cache = new HashMap<>();
  private final Map<String, Boolean> enumsChecked = new HashMap<>();

  ComponentReader(Elements elements, Reporter reporter) {
    this.elements = elements;
    this.reporter = reporter;
  }

  /** Reads {@code record} (once; later calls return the same result without reporting again). */
  Result read(TypeElement record) {
    String key = record.getQualifiedName().toString();
    Result cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    // A placeholder breaks cycles (a record holding itself through a List).
    ClassName name = ClassName.get(record);
    cache.put(key, new Result(new RecordShape(name, List.of()), true, Set.of(), Map.of(), false));
    int errorsBefore = reporter.errorCount();
    List<ComponentModel> components = new ArrayList<>();
    Set<ClassName> nested = new LinkedHashSet<>();
    Map<ClassName, RecordShape> nestedShapes = new LinkedHashMap<>();
    boolean ok = true;
    boolean constrained = false;
    for (RecordComponentElement component : record.getRecordComponents()) {
      Unsupported why = new Unsupported();
      ValueType type = valueType(component.asType(), why);
      if (type == null) {
        reporter.report(Diagnostic.UNSUPPORTED_COMPONENT_TYPE, reportOn(component), component.getSimpleName(), TypeText.simple(record),
            TypeText.of(component.asType()), why.reason);
        ok = false;
        continue;
      }
      ok &= enumWireValuesDistinct(record, component, type);
      for (TypeElement held : recordsIn(component.asType())) {
        Result inner = read(held);
        ok &= inner.ok();
        ClassName heldName = ClassName.get(held);
        nested.add(heldName);
        nestedShapes.put(heldName, inner.shape());
        nested.addAll(inner.nested());
        nestedShapes.putAll(inner.nestedShapes());
      }
      List<ConstraintModel> constraints = new ArrayList<>(constraints(record, component, type));
      OnTypeArgument onArgument = onTypeArgument(record, component, type);
      List<ConstraintModel> elementConstraints = List.of();
      if (type instanceof ValueType.OptionalOf) {
        // both apply to the Optional's value
        constraints.addAll(onArgument.constraints());
      } else {
        elementConstraints = onArgument.constraints();
      }
      constrained |= !constraints.isEmpty() || !elementConstraints.isEmpty();
      boolean validOnComponent = hasValid(annotationMirrors(component));
      boolean cascade = validOnComponent || onArgument.valid();
      if (cascade && recordsIn(component.asType()).isEmpty()) {
        if (validOnComponent) {
          report(Diagnostic.VALID_WITHOUT_EFFECT, component, AnnotationNames.VALID,
              component.getSimpleName(), TypeText.simple(record), TypeText.of(component.asType()));
        } else {
          reporter.report(Diagnostic.VALID_WITHOUT_EFFECT, reportOn(component),
              component.getSimpleName(), TypeText.simple(record), TypeText.of(component.asType()));
        }
      }
      components.add(new ComponentModel(component.getSimpleName().toString(), type, constraints, cascade, elementConstraints));
    }
    ok &= reporter.errorCount() == errorsBefore;
    Result result = new Result(new RecordShape(name, components), ok, nested, nestedShapes, constrained);
    cache.put(key, result);
    return result;
  }

  /**
   * Whether every enum held by {@code type} maps each constant to its own wire value; the runtime's
   * {@code JsonCodecs.enumCodec} would otherwise refuse the enum when the codecs class loads. Each
   * enum is checked once, and a clash is reported once, on the first component found holding it.
   */
  private boolean enumWireValuesDistinct(TypeElement record, RecordComponentElement component, ValueType type) {
    if (type instanceof ValueType.Enum enumType) {
      return enumsChecked.computeIfAbsent(enumType.javaType().canonicalName(), name -> checkEnum(record, component, enumType));
    }
    if (type instanceof ValueType.ListOf list) {
      return enumWireValuesDistinct(record, component, list.element());
    }
    if (type instanceof ValueType.SetOf set) {
      return enumWireValuesDistinct(record, component, set.element());
    }
    if (type instanceof ValueType.MapOf map) {
      return enumWireValuesDistinct(record, component, map.value());
    }
    if (type instanceof ValueType.OptionalOf optional) {
      return enumWireValuesDistinct(record, component, optional.value());
    }
    return true;
  }

  private boolean checkEnum(TypeElement record, RecordComponentElement component, ValueType.Enum enumType) {
    Map<String, String> byWireValue = new HashMap<>();
    for (String constant : enumType.constants()) {
      String wireValue = WireNames.enumWireValue(constant);
      String other = byWireValue.putIfAbsent(wireValue, constant);
      if (other != null) {
        reporter.report(Diagnostic.ENUM_WIRE_VALUE_CLASH, reportOn(component), enumType.javaType().simpleName(),
            component.getSimpleName(), TypeText.simple(record), other, constant, wireValue);
        return false;
      }
    }
    return true;
  }

  /** Warns about components of {@code command} holding constrained records without {@code @Valid}. */
  void checkCascade(TypeElement command) {
    for (RecordComponentElement component : command.getRecordComponents()) {
      boolean cascade = hasValid(annotationMirrors(component)) || validOnTypeArgument(component.asType());
      if (cascade) {
        continue;
      }
      for (TypeElement held : recordsIn(component.asType())) {
        if (read(held).constrained()) {
          reporter.report(Diagnostic.CONSTRAINTS_NOT_CASCADED, reportOn(component), component.getSimpleName(), TypeText.simple(command),
              TypeText.simple(held), TypeText.simple(held));
          break;
        }
      }
    }
  }

  /**
   * Whether a type argument of {@code type}, at any depth, is annotated {@code @Valid}
   * ({@code List<@Valid Item>}, {@code Map<String, List<@Valid Item>>}): the same as {@code @Valid}
   * on the component.
   */
  private static boolean validOnTypeArgument(TypeMirror type) {
    if (!(type instanceof DeclaredType declared)) {
      return false;
    }
    for (TypeMirror argument : declared.getTypeArguments()) {
      if (hasValid(argument.getAnnotationMirrors()) || validOnTypeArgument(argument)) {
        return true;
      }
    }
    return false;
  }

  private static boolean hasValid(List<? extends AnnotationMirror> mirrors) {
    return mirrors.stream().anyMatch(m -> Mirrors.qualifiedName(m).equals(AnnotationNames.VALID));
  }

  /** Records held by {@code type}: itself, or the elements/values of its collections. */
  List<TypeElement> recordsIn(TypeMirror type) {
    List<TypeElement> found = new ArrayList<>();
    if (type instanceof DeclaredType declared) {
      if (declared.asElement().getKind() == ElementKind.RECORD) {
        found.add((TypeElement) declared.asElement());
      }
      for (TypeMirror argument : declared.getTypeArguments()) {
        found.addAll(recordsIn(argument));
      }
    }
    return found;
  }

  private static final class Unsupported {
    String reason = "";
  }

  private ValueType valueType(TypeMirror type, Unsupported why) {
    if (type.getKind() == TypeKind.CHAR
        || (type instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.Character"))) {
      // JSON has no character type; a one-letter String says the same without a special case.
      why.reason = ", because JSON has no character type (use a String)";
      return null;
    }
    if (type.getKind().isPrimitive()) {
      return new ValueType.Primitive(TypeName.get(type), false);
    }
    if (!(type instanceof DeclaredType declared) || type.getKind() != TypeKind.DECLARED) {
      return null;
    }
    TypeElement element = (TypeElement) declared.asElement();
    String qualified = element.getQualifiedName().toString();
    if (BOXES.containsKey(qualified)) {
      return new ValueType.Primitive(BOXES.get(qualified), true);
    }
    if (SCALARS.contains(qualified)) {
      return new ValueType.Scalar(ClassName.get(element));
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return new ValueType.Enum(ClassName.get(element), constants);
    }
    if (element.getKind() == ElementKind.RECORD) {
      if (!element.getTypeParameters().isEmpty()) {
        why.reason = ", because generic records are not supported";
        return null;
      }
      return new ValueType.Record(ClassName.get(element));
    }
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    switch (qualified) {
      case "java.util.List", "java.util.Set", "java.util.Optional" -> {
        if (arguments.size() != 1) {
          why.reason = ", because it has no type argument";
          return null;
        }
        ValueType element0 = valueType(arguments.get(0), why);
        if (element0 == null) {
          return null;
        }
        TypeName javaType = ParameterizedTypeName.get(ClassName.get(element), element0.javaType().box());
        return switch (qualified) {
          case "java.util.List" -> new ValueType.ListOf(javaType, element0);
          case "java.util.Set" -> new ValueType.SetOf(javaType, element0);
          default -> new ValueType.OptionalOf(javaType, element0);
        };
      }
      case "java.util.Map" -> {
        if (arguments.size() != 2) {
          why.reason = ", because it has no type arguments";
          return null;
        }
        if (!(arguments.get(0) instanceof DeclaredType key)
            || !((TypeElement) key.asElement()).getQualifiedName().contentEquals("java.lang.String")) {
          why.reason = ", because Map keys must be String";
          return null;
        }
        ValueType value = valueType(arguments.get(1), why);
        if (value == null) {
          return null;
        }
        return new ValueType.MapOf(
            ParameterizedTypeName.get(ClassName.get(element), ClassName.get(String.class), value.javaType().box()), value);
      }
      default -> {
        return null;
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Constraints

  /** The annotations written on a component, wherever javac put them (field, component, accessor), once each. */
  private List<AnnotationMirror> annotationMirrors(RecordComponentElement component) {
    Map<String, AnnotationMirror> byType = new LinkedHashMap<>();
    List<AnnotationMirror> all = new ArrayList<>();
    field(component).ifPresent(f -> all.addAll(f.getAnnotationMirrors()));
    all.addAll(component.getAnnotationMirrors());
    if (component.getAccessor() != null) {
      all.addAll(component.getAccessor().getAnnotationMirrors());
    }
    for (AnnotationMirror mirror : all) {
      byType.putIfAbsent(Mirrors.qualifiedName(mirror), mirror);
    }
    return List.copyOf(byType.values());
  }

  private java.util.Optional<VariableElement> field(RecordComponentElement component) {
    return ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
        .findFirst();
  }

  /** The element whose source position carries the component's annotations. */
  private Element reportOn(RecordComponentElement component) {
    return field(component).<Element>map(f -> f).orElse(component);
  }

  private AnnotationMirror mirror(RecordComponentElement component, String qualifiedName) {
    Element on = reportOn(component);
    return Mirrors.find(on, qualifiedName).orElseGet(() -> Mirrors.find(component, qualifiedName).orElse(null));
  }

  /**
   * Reports on the annotation {@code mirror}: found again by name on the component for one written
   * on it (javac places a message by the mirror of the element it reports on), or at the component
   * for one on a type argument, which javac cannot place more exactly.
   */
  private void reportConstraint(Diagnostic diagnostic, RecordComponentElement component, String qualifiedName,
      AnnotationMirror mirror, boolean onTypeArgument, Object... arguments) {
    if (onTypeArgument) {
      reporter.report(diagnostic, reportOn(component), mirror, arguments);
    } else {
      report(diagnostic, component, qualifiedName, arguments);
    }
  }

  private void report(Diagnostic diagnostic, RecordComponentElement component, String qualifiedName, Object... arguments) {
    AnnotationMirror mirror = mirror(component, qualifiedName);
    if (mirror == null) {
      reporter.report(diagnostic, component, arguments);
    } else {
      reporter.report(diagnostic, reportOn(component), mirror, arguments);
    }
  }

  /**
   * What is written on a component's type arguments: the constraints on the element type
   * ({@code List<@NotBlank String>}), read as on the component, and whether any of them says
   * {@code @Valid}. Constraints further in, or on a {@code Map} key, are reported, not read.
   */
  private record OnTypeArgument(List<ConstraintModel> constraints, boolean valid) {}

  private OnTypeArgument onTypeArgument(TypeElement record, RecordComponentElement component, ValueType type) {
    ValueType element = type instanceof ValueType.ListOf list ? list.element()
        : type instanceof ValueType.SetOf set ? set.element()
        : type instanceof ValueType.MapOf map ? map.value()
        : type instanceof ValueType.OptionalOf optional ? optional.value()
        : null;
    if (element == null) {
      // a primitive, scalar, enum or (non-generic) record: it has no type arguments
      return new OnTypeArgument(List.of(), false);
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) component.asType()).getTypeArguments();
    TypeMirror argument = arguments.get(arguments.size() - 1);
    if (type instanceof ValueType.MapOf) {
      reportTooDeep(record, component, arguments.get(0));
    }
    for (TypeMirror inner : argument instanceof DeclaredType declared ? declared.getTypeArguments() : List.<TypeMirror>of()) {
      reportTooDeep(record, component, inner);
    }
    List<AnnotationMirror> written = List.copyOf(argument.getAnnotationMirrors());
    return new OnTypeArgument(constraints(record, component, written, argument, element, true),
        validOnTypeArgument(component.asType()));
  }

  /** Reports every constraint on {@code type} and the types it holds. */
  private void reportTooDeep(TypeElement record, RecordComponentElement component, TypeMirror type) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String qualified = Mirrors.qualifiedName(mirror);
      if (qualified.startsWith(AnnotationNames.CONSTRAINTS_PACKAGE + ".")) {
        reporter.report(Diagnostic.CONSTRAINT_TOO_DEEP, reportOn(component), mirror,
            qualified.substring(qualified.lastIndexOf('.') + 1), TypeText.of(type), component.getSimpleName(),
            TypeText.simple(record));
      }
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        reportTooDeep(record, component, argument);
      }
    }
  }

  private List<ConstraintModel> constraints(TypeElement record, RecordComponentElement component, ValueType type) {
    return constraints(record, component, annotationMirrors(component), component.asType(), type, false);
  }

  /**
   * Reads the constraints among {@code mirrors}, written on {@code javaType} (the component's type,
   * or its type argument when {@code onTypeArgument}), reporting those that cannot be checked.
   */
  private List<ConstraintModel> constraints(TypeElement record, RecordComponentElement component, List<AnnotationMirror> mirrors,
      TypeMirror javaType, ValueType type, boolean onTypeArgument) {
    List<ConstraintModel> constraints = new ArrayList<>();
    String typeName = javaType.getKind().isPrimitive()
        ? javaType.getKind().name().toLowerCase(java.util.Locale.ROOT)
        : ((TypeElement) ((DeclaredType) javaType).asElement()).getQualifiedName().toString();
    for (AnnotationMirror mirror : mirrors) {
      String qualified = Mirrors.qualifiedName(mirror);
      if (!qualified.startsWith(AnnotationNames.CONSTRAINTS_PACKAGE + ".")) {
        continue;
      }
      String simple = qualified.substring(AnnotationNames.CONSTRAINTS_PACKAGE.length() + 1);
      ConstraintModel.Kind kind = kind(simple);
      Object[] where = {component.getSimpleName(), TypeText.simple(record)};
      if (kind == null) {
        reportConstraint(Diagnostic.UNSUPPORTED_CONSTRAINT, component, qualified, mirror, onTypeArgument, simple, where[0], where[1]);
        continue;
      }
      Applicability applicability = applicability(kind, typeName, type);
      if (applicability != null) {
        reportConstraint(Diagnostic.CONSTRAINT_NOT_APPLICABLE, component, qualified, mirror, onTypeArgument, simple, where[0], where[1],
            TypeText.of(javaType), simple, applicability.appliesTo, applicability.instead);
        continue;
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      String problem = attributes(kind, mirror, attributes);
      if (problem != null) {
        String[] parts = problem.split("\\|", 3);
        AnnotationValue value = Reporter.explicitValue(mirror, parts[0]);
        Element on = reportOn(component);
        Object[] arguments = {simple, where[0], where[1], parts[0], parts[1], parts[2]};
        if (value != null) {
          reporter.reportOnValue(Diagnostic.INVALID_CONSTRAINT_ATTRIBUTE, on, mirror, parts[0], arguments);
        } else {
          reporter.report(Diagnostic.INVALID_CONSTRAINT_ATTRIBUTE, on, mirror, arguments);
        }
        continue;
      }
      constraints.add(new ConstraintModel(kind, attributes, message(kind, mirror, attributes)));
    }
    return constraints;
  }

  private static ConstraintModel.Kind kind(String simpleName) {
    return switch (simpleName) {
      case "NotNull" -> ConstraintModel.Kind.NOT_NULL;
      case "NotBlank" -> ConstraintModel.Kind.NOT_BLANK;
      case "NotEmpty" -> ConstraintModel.Kind.NOT_EMPTY;
      case "Size" -> ConstraintModel.Kind.SIZE;
      case "Min" -> ConstraintModel.Kind.MIN;
      case "Max" -> ConstraintModel.Kind.MAX;
      case "Positive" -> ConstraintModel.Kind.POSITIVE;
      case "PositiveOrZero" -> ConstraintModel.Kind.POSITIVE_OR_ZERO;
      case "Negative" -> ConstraintModel.Kind.NEGATIVE;
      case "NegativeOrZero" -> ConstraintModel.Kind.NEGATIVE_OR_ZERO;
      case "DecimalMin" -> ConstraintModel.Kind.DECIMAL_MIN;
      case "DecimalMax" -> ConstraintModel.Kind.DECIMAL_MAX;
      case "Pattern" -> ConstraintModel.Kind.PATTERN;
      case "Email" -> ConstraintModel.Kind.EMAIL;
      default -> null;
    };
  }

  private record Applicability(String appliesTo, String instead) {}

  /** {@code null} when {@code kind} applies to the component, otherwise what it applies to and what to use instead. */
  static Applicability applicability(ConstraintModel.Kind kind, String typeName, ValueType type) {
    boolean text = typeName.equals("java.lang.String");
    boolean sized = text || type instanceof ValueType.ListOf || type instanceof ValueType.SetOf || type instanceof ValueType.MapOf;
    boolean integral = INTEGRAL.contains(typeName);
    boolean numeric = integral || FLOATING.contains(typeName);
    String lengthHint = "@Size for a length or @NotEmpty";
    return switch (kind) {
      case NOT_NULL -> type instanceof ValueType.Primitive p && !p.boxed()
          ? new Applicability("references (a " + typeName + " is never null)", "the box type if the value may be missing")
          : null;
      case NOT_BLANK -> text ? null : new Applicability("String", sized ? "@NotEmpty" : "@NotNull");
      case NOT_EMPTY, SIZE -> sized ? null : new Applicability("String, List, Set and Map", numeric ? "@Min or @Max" : "@NotNull");
      case MIN, MAX -> integral ? null : new Applicability(
          "whole numbers (byte, short, int, long, their boxes, BigInteger, BigDecimal)",
          numeric ? "@DecimalMin or @DecimalMax" : sized ? lengthHint : "@NotNull");
      case POSITIVE, POSITIVE_OR_ZERO, NEGATIVE, NEGATIVE_OR_ZERO, DECIMAL_MIN, DECIMAL_MAX -> numeric ? null
          : new Applicability("numbers (primitives, their boxes, BigInteger, BigDecimal)", sized ? lengthHint : "@NotNull");
      case PATTERN, EMAIL -> text ? null : new Applicability("String", sized ? lengthHint : "@NotNull");
    };
  }

  /** Fills {@code attributes}; returns {@code "member|problem|fix"} when an attribute cannot work. */
  private String attributes(ConstraintModel.Kind kind, AnnotationMirror mirror, Map<String, Object> attributes) {
    AnnotationValue groups = Reporter.explicitValue(mirror, "groups");
    if (groups != null && groups.getValue() instanceof List<?> list && !list.isEmpty()) {
      return "groups|the generated validators check every constraint of a command every time|remove groups";
    }
    switch (kind) {
      case SIZE -> {
        long min = number(mirror, "min");
        long max = number(mirror, "max");
        attributes.put("min", min);
        attributes.put("max", max);
        if (min < 0) {
          return "min|" + min + " is negative|use 0 or more";
        }
        if (max < min) {
          return "max|" + max + " is less than min " + min + "|make max at least min";
        }
      }
      case MIN, MAX -> attributes.put("value", number(mirror, "value"));
      case DECIMAL_MIN, DECIMAL_MAX -> {
        String value = Mirrors.string(elements, mirror, "value");
        attributes.put("value", value);
        attributes.put("inclusive", Boolean.TRUE.equals(Mirrors.value(elements, mirror, "inclusive").getValue()));
        try {
          new BigDecimal(value);
        } catch (NumberFormatException e) {
          return "value|\"" + value + "\" is not a decimal number|write it like \"0.01\"";
        }
      }
      case PATTERN -> {
        String regexp = Mirrors.string(elements, mirror, "regexp");
        attributes.put("regexp", regexp);
        AnnotationValue flags = Reporter.explicitValue(mirror, "flags");
        if (flags != null && flags.getValue() instanceof List<?> list && !list.isEmpty()) {
          // The generated check compiles the regexp alone; flags would be silently lost.
          return "flags|the generated validators do not read flags|write them inline in the regexp instead, such as \"(?i)"
              + regexp + "\"";
        }
        try {
          java.util.regex.Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
          return "regexp|\"" + regexp + "\" is not a regular expression (" + e.getDescription() + ")|fix the expression";
        }
      }
      case EMAIL -> {
        if (Reporter.explicitValue(mirror, "regexp") != null || Reporter.explicitValue(mirror, "flags") != null) {
          String member = Reporter.explicitValue(mirror, "regexp") != null ? "regexp" : "flags";
          return member + "|the generated validators check only the standard address form|add a separate @Pattern";
        }
      }
      default -> {
        // No attributes.
      }
    }
    return null;
  }

  private long number(AnnotationMirror mirror, String member) {
    Object value = Mirrors.value(elements, mirror, member).getValue();
    return ((Number) value).longValue();
  }

  /** The user's message when set, else the standard Hibernate Validator text with its placeholders filled in. */
  private String message(ConstraintModel.Kind kind, AnnotationMirror mirror, Map<String, Object> attributes) {
    AnnotationValue written = Reporter.explicitValue(mirror, "message");
    String template = written != null && written.getValue() instanceof String s && !s.startsWith("{jakarta.validation.constraints.")
        ? s
        : defaultMessage(kind, attributes);
    String message = template;
    for (Map.Entry<String, Object> attribute : attributes.entrySet()) {
      message = message.replace("{" + attribute.getKey() + "}", String.valueOf(attribute.getValue()));
    }
    return message;
  }

  /** The standard English message of {@code kind}, with placeholders. */
  static String defaultMessage(ConstraintModel.Kind kind, Map<String, Object> attributes) {
    boolean inclusive = !Boolean.FALSE.equals(attributes.get("inclusive"));
    return switch (kind) {
      case NOT_NULL -> "must not be null";
      case NOT_BLANK -> "must not be blank";
      case NOT_EMPTY -> "must not be empty";
      case SIZE -> "size must be between {min} and {max}";
      case MIN -> "must be greater than or equal to {value}";
      case MAX -> "must be less than or equal to {value}";
      case POSITIVE -> "must be greater than 0";
      case POSITIVE_OR_ZERO -> "must be greater than or equal to 0";
      case NEGATIVE -> "must be less than 0";
      case NEGATIVE_OR_ZERO -> "must be less than or equal to 0";
      case DECIMAL_MIN -> inclusive ? "must be greater than or equal to {value}" : "must be greater than {value}";
      case DECIMAL_MAX -> inclusive ? "must be less than or equal to {value}" : "must be less than {value}";
      case PATTERN -> "must match \"{regexp}\"";
      case EMAIL -> "must be a well-formed email address";
    };
  }
}
