package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.MessageParts.Unsupported;
import com.weegigs.events.processor.model.ValueType;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.Mirrors;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;

/** Maps component types to the {@link ValueType}s the codecs support, saying why when one is not. */
final class ValueTypes {
  /**
   * A component type as mapped.
   *
   * @param type the value type, {@code null} when the codecs cannot encode it
   * @param unsupported why not, when {@code type} is {@code null}
   */
  record Mapped(ValueType type, Unsupported unsupported) {
    static Mapped of(ValueType type) {
      return new Mapped(type, null);
    }

    static Mapped not(Unsupported why) {
      return new Mapped(null, why);
    }
  }

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

  private ValueTypes() {}

  /** The value type of {@code type}. */
  static Mapped map(TypeMirror type) {
    if (type.getKind() == TypeKind.CHAR
        || (type instanceof DeclaredType d && ((TypeElement) d.asElement()).getQualifiedName().contentEquals("java.lang.Character"))) {
      // JSON has no character type; a one-letter String says the same without a special case.
      return Mapped.not(Unsupported.CHARACTER);
    }
    if (type.getKind().isPrimitive()) {
      return Mapped.of(new ValueType.Primitive(TypeName.get(type), false));
    }
    if (!(type instanceof DeclaredType declared) || type.getKind() != TypeKind.DECLARED) {
      return Mapped.not(Unsupported.UNKNOWN);
    }
    TypeElement element = (TypeElement) declared.asElement();
    String qualified = element.getQualifiedName().toString();
    if (BOXES.containsKey(qualified)) {
      return Mapped.of(new ValueType.Primitive(BOXES.get(qualified), true));
    }
    if (SCALARS.contains(qualified)) {
      return Mapped.of(new ValueType.Scalar(ClassName.get(element)));
    }
    if (element.getKind() == ElementKind.ENUM) {
      List<String> constants = element.getEnclosedElements().stream()
          .filter(e -> e.getKind() == ElementKind.ENUM_CONSTANT)
          .map(e -> e.getSimpleName().toString())
          .toList();
      return Mapped.of(new ValueType.Enum(ClassName.get(element), constants));
    }
    if (element.getKind() == ElementKind.RECORD) {
      return element.getTypeParameters().isEmpty()
          ? Mapped.of(new ValueType.Record(ClassName.get(element)))
          : Mapped.not(Unsupported.GENERIC_RECORD);
    }
    List<? extends TypeMirror> arguments = declared.getTypeArguments();
    return switch (qualified) {
      case "java.util.List", "java.util.Set", "java.util.Optional" -> container(element, arguments);
      case "java.util.Map" -> map(element, arguments);
      default -> Mapped.not(Unsupported.UNKNOWN);
    };
  }

  private static Mapped container(TypeElement element, List<? extends TypeMirror> arguments) {
    if (arguments.size() != 1) {
      return Mapped.not(Unsupported.NO_TYPE_ARGUMENT);
    }
    Mapped inner = map(arguments.get(0));
    if (inner.type() == null) {
      return inner;
    }
    TypeName javaType = ParameterizedTypeName.get(ClassName.get(element), inner.type().javaType().box());
    return Mapped.of(switch (element.getQualifiedName().toString()) {
      case "java.util.List" -> new ValueType.ListOf(javaType, inner.type());
      case "java.util.Set" -> new ValueType.SetOf(javaType, inner.type());
      default -> new ValueType.OptionalOf(javaType, inner.type());
    });
  }

  private static Mapped map(TypeElement element, List<? extends TypeMirror> arguments) {
    if (arguments.size() != 2) {
      return Mapped.not(Unsupported.NO_TYPE_ARGUMENTS);
    }
    if (!(arguments.get(0) instanceof DeclaredType key)
        || !((TypeElement) key.asElement()).getQualifiedName().contentEquals("java.lang.String")) {
      return Mapped.not(Unsupported.MAP_KEY);
    }
    Mapped value = map(arguments.get(1));
    if (value.type() == null) {
      return value;
    }
    return Mapped.of(new ValueType.MapOf(
        ParameterizedTypeName.get(ClassName.get(element), ClassName.get(String.class), value.type().javaType().box()), value.type()));
  }

  /** The type a container holds: the element of a {@code List} or {@code Set}, the value of a {@code Map} or {@code Optional}. */
  static ValueType held(ValueType type) {
    return type instanceof ValueType.ListOf list ? list.element()
        : type instanceof ValueType.SetOf set ? set.element()
        : type instanceof ValueType.MapOf map ? map.value()
        : type instanceof ValueType.OptionalOf optional ? optional.value()
        : null;
  }

  /** Records held by {@code type}: itself, or the elements/values of its collections. */
  static List<TypeElement> recordsIn(TypeMirror type) {
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

  /**
   * Whether a type argument of {@code type}, at any depth, is annotated {@code @Valid}
   * ({@code List<@Valid Item>}, {@code Map<String, List<@Valid Item>>}): the same as {@code @Valid}
   * on the component.
   */
  static boolean validOnTypeArgument(TypeMirror type) {
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

  static boolean hasValid(List<? extends AnnotationMirror> mirrors) {
    return mirrors.stream().anyMatch(m -> Mirrors.qualifiedName(m).equals(AnnotationNames.VALID));
  }
}
