package com.weegigs.events.processor.validate;

import java.util.stream.Collectors;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.ArrayType;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Short texts for messages: simple names only ({@code List<ItemAdded>}, {@code ReceiptHandlers.addItem(Receipt, AddItem)}). */
final class TypeText {
  private TypeText() {}

  /** A type with simple names, its arguments included. */
  static String of(TypeMirror type) {
    if (type instanceof DeclaredType declared) {
      String name = declared.asElement().getSimpleName().toString();
      if (declared.getTypeArguments().isEmpty()) {
        return name;
      }
      return name + declared.getTypeArguments().stream().map(TypeText::of).collect(Collectors.joining(", ", "<", ">"));
    }
    if (type instanceof ArrayType array) {
      return of(array.getComponentType()) + "[]";
    }
    if (type instanceof WildcardType wildcard) {
      if (wildcard.getExtendsBound() != null) {
        return "? extends " + of(wildcard.getExtendsBound());
      }
      return wildcard.getSuperBound() != null ? "? super " + of(wildcard.getSuperBound()) : "?";
    }
    if (type.getKind().isPrimitive()) {
      // Not toString(): that includes type-use annotations such as @Min(1L).
      return type.getKind().name().toLowerCase(java.util.Locale.ROOT);
    }
    return type.toString();
  }

  /** The parameter types of {@code method}, comma-separated. */
  static String parameters(ExecutableElement method) {
    return method.getParameters().stream().map(VariableElement::asType).map(TypeText::of).collect(Collectors.joining(", "));
  }

  /** {@code Owner.method(Param, Param)}. */
  static String method(ExecutableElement method) {
    return method.getEnclosingElement().getSimpleName() + "." + method.getSimpleName() + "(" + parameters(method) + ")";
  }

  /** The simple name of a type element. */
  static String simple(TypeElement type) {
    return type.getSimpleName().toString();
  }
}
