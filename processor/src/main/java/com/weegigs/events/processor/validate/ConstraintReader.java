package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Message;
import com.weegigs.events.processor.MessageParts.AppliesTo;
import com.weegigs.events.processor.MessageParts.AttributeProblem;
import com.weegigs.events.processor.MessageParts.Instead;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.ValueType;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.Mirrors;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.RecordComponentElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.ElementFilter;
import javax.lang.model.util.Elements;

/**
 * Reads the jakarta.validation constraints of a record component into {@link ConstraintModel}s,
 * reporting those the generated validators cannot check: unknown, not applicable to the type, with
 * an attribute that cannot work, or written too deep in a type argument.
 */
final class ConstraintReader {
  /**
   * What is written on a component's type arguments: the constraints on the element type
   * ({@code List<@NotBlank String>}), read as on the component, and whether any of them says
   * {@code @Valid}. Constraints further in, or on a {@code Map} key, are reported, not read.
   */
  record OnTypeArgument(List<ConstraintModel> constraints, boolean valid) {}

  private record Applicability(AppliesTo appliesTo, Instead instead) {}

  private static final Set<String> INTEGRAL = Set.of(
      "byte", "short", "int", "long", "java.lang.Byte", "java.lang.Short", "java.lang.Integer", "java.lang.Long",
      "java.math.BigInteger", "java.math.BigDecimal");
  private static final Set<String> FLOATING = Set.of("float", "double", "java.lang.Float", "java.lang.Double");

  private final Elements elements;

  ConstraintReader(Elements elements) {
    this.elements = elements;
  }

  /** The constraints written on the component itself. */
  List<ConstraintModel> onComponent(TypeElement record, RecordComponentElement component, ValueType type,
      ValidationReport.Builder report) {
    return constraints(record, component, annotationMirrors(component), component.asType(), type, false, report);
  }

  /** The constraints on the component's type argument, and whether it is {@code @Valid}. */
  OnTypeArgument onTypeArgument(TypeElement record, RecordComponentElement component, ValueType type, ValidationReport.Builder report) {
    ValueType element = ValueTypes.held(type);
    if (element == null) {
      // a primitive, scalar, enum or (non-generic) record: it has no type arguments
      return new OnTypeArgument(List.of(), false);
    }
    List<? extends TypeMirror> arguments = ((DeclaredType) component.asType()).getTypeArguments();
    TypeMirror argument = arguments.get(arguments.size() - 1);
    if (type instanceof ValueType.MapOf) {
      reportTooDeep(record, component, arguments.get(0), report);
    }
    for (TypeMirror inner : argument instanceof DeclaredType declared ? declared.getTypeArguments() : List.<TypeMirror>of()) {
      reportTooDeep(record, component, inner, report);
    }
    List<AnnotationMirror> written = List.copyOf(argument.getAnnotationMirrors());
    return new OnTypeArgument(constraints(record, component, written, argument, element, true, report),
        ValueTypes.validOnTypeArgument(component.asType()));
  }

  /** Reports every constraint on {@code type} and the types it holds. */
  private void reportTooDeep(TypeElement record, RecordComponentElement component, TypeMirror type, ValidationReport.Builder report) {
    for (AnnotationMirror mirror : type.getAnnotationMirrors()) {
      String qualified = Mirrors.qualifiedName(mirror);
      if (qualified.startsWith(AnnotationNames.CONSTRAINTS_PACKAGE + ".")) {
        report.add(Messages.constraintTooDeep(qualified.substring(qualified.lastIndexOf('.') + 1), TypeText.of(type),
            component.getSimpleName(), TypeText.simple(record)), reportOn(component), mirror);
      }
    }
    if (type instanceof DeclaredType declared) {
      for (TypeMirror argument : declared.getTypeArguments()) {
        reportTooDeep(record, component, argument, report);
      }
    }
  }

  /**
   * Reads the constraints among {@code mirrors}, written on {@code javaType} (the component's type,
   * or its type argument when {@code onTypeArgument}), reporting those that cannot be checked.
   */
  private List<ConstraintModel> constraints(TypeElement record, RecordComponentElement component, List<AnnotationMirror> mirrors,
      TypeMirror javaType, ValueType type, boolean onTypeArgument, ValidationReport.Builder report) {
    List<ConstraintModel> constraints = new ArrayList<>();
    String typeName = javaType.getKind().isPrimitive()
        ? javaType.getKind().name().toLowerCase(Locale.ROOT)
        : ((TypeElement) ((DeclaredType) javaType).asElement()).getQualifiedName().toString();
    String recordName = TypeText.simple(record);
    for (AnnotationMirror mirror : mirrors) {
      String qualified = Mirrors.qualifiedName(mirror);
      if (!qualified.startsWith(AnnotationNames.CONSTRAINTS_PACKAGE + ".")) {
        continue;
      }
      String simple = qualified.substring(AnnotationNames.CONSTRAINTS_PACKAGE.length() + 1);
      ConstraintModel.Kind kind = kind(simple);
      if (kind == null) {
        reportConstraint(Messages.unsupportedConstraint(simple, component.getSimpleName(), recordName), component, qualified, mirror,
            onTypeArgument, report);
        continue;
      }
      Optional<Applicability> applicability = applicability(kind, typeName, type);
      if (applicability.isPresent()) {
        reportConstraint(Messages.constraintNotApplicable(simple, component.getSimpleName(), recordName, TypeText.of(javaType),
            applicability.get().appliesTo(), applicability.get().instead()), component, qualified, mirror, onTypeArgument, report);
        continue;
      }
      Map<String, Object> attributes = new LinkedHashMap<>();
      Optional<AttributeProblem> problem = attributes(kind, mirror, attributes);
      if (problem.isPresent()) {
        report.addOnValue(Messages.invalidConstraintAttribute(simple, component.getSimpleName(), recordName, problem.get()),
            reportOn(component), mirror, problem.get().member());
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

  /** Empty when {@code kind} applies to the component, otherwise what it applies to and what to use instead. */
  private static Optional<Applicability> applicability(ConstraintModel.Kind kind, String typeName, ValueType type) {
    boolean text = typeName.equals("java.lang.String");
    boolean sized = text || type instanceof ValueType.ListOf || type instanceof ValueType.SetOf || type instanceof ValueType.MapOf;
    boolean integral = INTEGRAL.contains(typeName);
    boolean numeric = integral || FLOATING.contains(typeName);
    Instead lengthOrNull = sized ? Instead.SIZE_OR_NOT_EMPTY : Instead.NOT_NULL;
    Applicability result = switch (kind) {
      case NOT_NULL -> type instanceof ValueType.Primitive p && !p.boxed() ? new Applicability(AppliesTo.REFERENCES, Instead.BOX) : null;
      case NOT_BLANK -> text ? null : new Applicability(AppliesTo.STRING, sized ? Instead.NOT_EMPTY : Instead.NOT_NULL);
      case NOT_EMPTY, SIZE -> sized ? null : new Applicability(AppliesTo.SIZED, numeric ? Instead.MIN_OR_MAX : Instead.NOT_NULL);
      case MIN, MAX -> integral ? null
          : new Applicability(AppliesTo.WHOLE_NUMBERS, numeric ? Instead.DECIMAL_MIN_OR_MAX : lengthOrNull);
      case POSITIVE, POSITIVE_OR_ZERO, NEGATIVE, NEGATIVE_OR_ZERO, DECIMAL_MIN, DECIMAL_MAX -> numeric ? null
          : new Applicability(AppliesTo.NUMBERS, lengthOrNull);
      case PATTERN, EMAIL -> text ? null : new Applicability(AppliesTo.STRING, lengthOrNull);
    };
    return Optional.ofNullable(result);
  }

  /** Fills {@code attributes}; returns the problem when an attribute cannot work. */
  private Optional<AttributeProblem> attributes(ConstraintModel.Kind kind, AnnotationMirror mirror, Map<String, Object> attributes) {
    AnnotationValue groups = Mirrors.explicitValue(mirror, "groups");
    if (groups != null && groups.getValue() instanceof List<?> list && !list.isEmpty()) {
      return Optional.of(AttributeProblem.groups());
    }
    switch (kind) {
      case SIZE -> {
        long min = number(mirror, "min");
        long max = number(mirror, "max");
        attributes.put("min", min);
        attributes.put("max", max);
        if (min < 0) {
          return Optional.of(AttributeProblem.negativeMin(min));
        }
        if (max < min) {
          return Optional.of(AttributeProblem.maxBelowMin(max, min));
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
          return Optional.of(AttributeProblem.notADecimal(value));
        }
      }
      case PATTERN -> {
        String regexp = Mirrors.string(elements, mirror, "regexp");
        attributes.put("regexp", regexp);
        AnnotationValue flags = Mirrors.explicitValue(mirror, "flags");
        if (flags != null && flags.getValue() instanceof List<?> list && !list.isEmpty()) {
          // The generated check compiles the regexp alone; flags would be silently lost.
          return Optional.of(AttributeProblem.patternFlags(regexp));
        }
        try {
          Pattern.compile(regexp);
        } catch (PatternSyntaxException e) {
          return Optional.of(AttributeProblem.badRegexp(regexp, e.getDescription()));
        }
      }
      case EMAIL -> {
        if (Mirrors.explicitValue(mirror, "regexp") != null || Mirrors.explicitValue(mirror, "flags") != null) {
          return Optional.of(AttributeProblem.emailAttribute(Mirrors.explicitValue(mirror, "regexp") != null ? "regexp" : "flags"));
        }
      }
      default -> {
        // No attributes.
      }
    }
    return Optional.empty();
  }

  private long number(AnnotationMirror mirror, String member) {
    return ((Number) Mirrors.value(elements, mirror, member).getValue()).longValue();
  }

  /** The user's message when set, else the standard Hibernate Validator text with its placeholders filled in. */
  private static String message(ConstraintModel.Kind kind, AnnotationMirror mirror, Map<String, Object> attributes) {
    AnnotationValue written = Mirrors.explicitValue(mirror, "message");
    String message = written != null && written.getValue() instanceof String s && !s.startsWith("{jakarta.validation.constraints.")
        ? s
        : defaultMessage(kind, attributes);
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

  /** The annotations written on a component, wherever javac put them (field, component, accessor), once each. */
  static List<AnnotationMirror> annotationMirrors(RecordComponentElement component) {
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

  private static Optional<VariableElement> field(RecordComponentElement component) {
    return ElementFilter.fieldsIn(component.getEnclosingElement().getEnclosedElements()).stream()
        .filter(f -> f.getSimpleName().contentEquals(component.getSimpleName()))
        .findFirst();
  }

  /** The element whose source position carries the component's annotations. */
  static Element reportOn(RecordComponentElement component) {
    return field(component).<Element>map(f -> f).orElse(component);
  }

  /**
   * Reports on the annotation: found again by name on the component for one written on it (javac
   * places a message by the mirror of the element it reports on), or at the component for one on a
   * type argument, which javac cannot place more exactly.
   */
  private static void reportConstraint(Message.Text message, RecordComponentElement component, String qualifiedName,
      AnnotationMirror mirror, boolean onTypeArgument, ValidationReport.Builder report) {
    if (onTypeArgument) {
      report.add(message, reportOn(component), mirror);
    } else {
      reportOnAnnotation(message, component, qualifiedName, report);
    }
  }

  /** Reports on the annotation {@code qualifiedName} of {@code component}, or on the component when it is not found. */
  static void reportOnAnnotation(Message.Text message, RecordComponentElement component, String qualifiedName,
      ValidationReport.Builder report) {
    Element on = reportOn(component);
    AnnotationMirror mirror = Mirrors.find(on, qualifiedName).orElseGet(() -> Mirrors.find(component, qualifiedName).orElse(null));
    if (mirror == null) {
      report.add(message, component);
    } else {
      report.add(message, on, mirror);
    }
  }
}
