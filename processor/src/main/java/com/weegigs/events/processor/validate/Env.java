package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.MessageParts.Inaccessible;
import com.weegigs.events.processor.MessageParts.TypeKind;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.read.ServicePackages;
import java.util.List;
import java.util.Optional;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.Element;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.NestingKind;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * The compiler's utilities and the questions about elements that several validators ask.
 *
 * @param elements javac's element utilities
 * @param types javac's type utilities
 */
record Env(Elements elements, Types types) {
  Env(ProcessingEnvironment environment) {
    this(environment.getElementUtils(), environment.getTypeUtils());
  }

  /** The type element of a declared type, else {@code null}. */
  TypeElement elementOf(TypeMirror type) {
    return type.getKind() == javax.lang.model.type.TypeKind.DECLARED ? (TypeElement) types.asElement(type) : null;
  }

  PackageElement packageOf(Element element) {
    return elements.getPackageOf(element);
  }

  /** The name of the service {@code element} belongs to, or {@code ""} when it is in none. */
  String serviceName(Element element) {
    return ServicePackages.annotation(elements, element).map(ServiceAnnotation::name).orElse("");
  }

  boolean isString(TypeMirror type) {
    TypeElement element = elementOf(type);
    return element != null && element.getQualifiedName().contentEquals("java.lang.String");
  }

  /** Whether {@code type} is assignable to {@code supertype}, both erased. */
  boolean isA(TypeElement type, TypeElement supertype) {
    return types.isAssignable(types.erasure(type.asType()), types.erasure(supertype.asType()));
  }

  /** Whether {@code thrown} is a checked exception. */
  boolean isChecked(TypeMirror thrown) {
    for (String unchecked : List.of("java.lang.RuntimeException", "java.lang.Error")) {
      TypeElement element = elements.getTypeElement(unchecked);
      if (element != null && types.isAssignable(thrown, element.asType())) {
        return false;
      }
    }
    return true;
  }

  /** Why code in {@code from} cannot name {@code type}; empty when it can. */
  Optional<Inaccessible> inaccessible(TypeElement type, PackageElement from) {
    boolean samePackage = packageOf(type).equals(from);
    Element current = type;
    while (current instanceof TypeElement t) {
      if (t.getNestingKind() == NestingKind.LOCAL || t.getNestingKind() == NestingKind.ANONYMOUS) {
        return Optional.of(new Inaccessible(Inaccessible.Reason.LOCAL, kind(t), TypeText.simple(t)));
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(new Inaccessible(t == type ? Inaccessible.Reason.PRIVATE : Inaccessible.Reason.NESTED_IN_PRIVATE, kind(t),
            TypeText.simple(t)));
      }
      if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(new Inaccessible(Inaccessible.Reason.NOT_PUBLIC, kind(t), TypeText.simple(t)));
      }
      current = t.getEnclosingElement();
    }
    return Optional.empty();
  }

  /** The kind of {@code type}, as a message names it. */
  static TypeKind kind(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> TypeKind.INTERFACE;
      case ENUM -> TypeKind.ENUM;
      case ANNOTATION_TYPE -> TypeKind.ANNOTATION;
      case RECORD -> TypeKind.RECORD;
      default -> TypeKind.CLASS;
    };
  }

  /** The names of {@code parameters}. */
  static List<String> names(List<? extends Element> parameters) {
    return parameters.stream().map(p -> p.getSimpleName().toString()).toList();
  }
}
