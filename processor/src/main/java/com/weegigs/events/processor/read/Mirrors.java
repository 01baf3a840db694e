package com.weegigs.events.processor.read;

import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/** Small typed access to {@link AnnotationMirror}s, the only way the processor reads annotations. */
public final class Mirrors {
  private Mirrors() {}

  /** The annotation of type {@code qualifiedName} on {@code element}, if present. */
  public static Optional<AnnotationMirror> find(Element element, String qualifiedName) {
    for (AnnotationMirror mirror : element.getAnnotationMirrors()) {
      if (qualifiedName(mirror).equals(qualifiedName)) {
        return Optional.of(mirror);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code element} carries the annotation {@code qualifiedName}. */
  public static boolean has(Element element, String qualifiedName) {
    return find(element, qualifiedName).isPresent();
  }

  /** The qualified name of the annotation's type. */
  public static String qualifiedName(AnnotationMirror mirror) {
    return ((TypeElement) mirror.getAnnotationType().asElement()).getQualifiedName().toString();
  }

  /** The simple name of the annotation's type. */
  public static String simpleName(AnnotationMirror mirror) {
    return mirror.getAnnotationType().asElement().getSimpleName().toString();
  }

  /** The value of {@code member}, written or defaulted; {@code null} when the member does not exist. */
  public static AnnotationValue value(Elements elements, AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry
        : elements.getElementValuesWithDefaults(mirror).entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }

  /** A {@code String} member, written or defaulted; {@code ""} when absent. */
  public static String string(Elements elements, AnnotationMirror mirror, String member) {
    AnnotationValue value = value(elements, mirror, member);
    return value != null && value.getValue() instanceof String s ? s : "";
  }

  /** An {@code int} member, written or defaulted; {@code fallback} when absent. */
  public static int integer(Elements elements, AnnotationMirror mirror, String member, int fallback) {
    AnnotationValue value = value(elements, mirror, member);
    return value != null && value.getValue() instanceof Integer i ? i : fallback;
  }

  /** A {@code boolean} member, written or defaulted; {@code false} when absent. */
  public static boolean bool(Elements elements, AnnotationMirror mirror, String member) {
    AnnotationValue value = value(elements, mirror, member);
    return value != null && value.getValue() instanceof Boolean b && b;
  }

  /**
   * A {@code Class} member as a type; empty when javac could not resolve the class (it then holds an
   * error marker rather than a type), which the processor treats as not resolvable yet.
   */
  public static Optional<TypeMirror> type(Elements elements, AnnotationMirror mirror, String member) {
    AnnotationValue value = value(elements, mirror, member);
    return value != null && value.getValue() instanceof TypeMirror t ? Optional.of(t) : Optional.empty();
  }

  /** The value of {@code member} when the annotation sets it explicitly (not defaulted), else {@code null}. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
