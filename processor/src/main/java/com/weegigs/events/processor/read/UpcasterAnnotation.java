package com.weegigs.events.processor.read;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * An {@code @Upcaster} annotation as read.
 *
 * @param mirror the annotation, for reporting on it and its values
 * @param event the event record it names, or the type declaring the method when {@code event} is not
 *     written; empty when javac could not resolve the class written
 * @param explicitEvent whether {@code event} is written
 * @param from the version it reads
 */
public record UpcasterAnnotation(AnnotationMirror mirror, Optional<TypeElement> event, boolean explicitEvent, int from) {
  /** Reads {@code @Upcaster} from {@code method}. */
  public static UpcasterAnnotation read(Elements elements, ExecutableElement method) {
    AnnotationMirror mirror = Mirrors.find(method, AnnotationNames.UPCASTER).orElseThrow();
    AnnotationValue written = Mirrors.explicitValue(mirror, "event");
    Optional<TypeElement> event;
    if (written == null) {
      event = Optional.of((TypeElement) method.getEnclosingElement());
    } else {
      event = Optional.ofNullable(written.getValue() instanceof TypeMirror t && t.getKind() == TypeKind.DECLARED
          ? (TypeElement) ((DeclaredType) t).asElement() : null);
    }
    return new UpcasterAnnotation(mirror, event, written != null, Mirrors.integer(elements, mirror, "from", 1));
  }

  /** Whether {@code event} names a class javac has not resolved (yet). */
  public boolean unresolvedEvent() {
    return event.isEmpty();
  }
}
