package com.weegigs.events.processor.read;

import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.util.Elements;

/**
 * What {@code @Command} or {@code @Event} says: both name their aggregate and may give a wire name.
 *
 * @param mirror the annotation, for reporting on it and its values
 * @param aggregate the {@code aggregate} class, empty when javac could not resolve it
 * @param name the explicit wire name, or {@code ""} when it is derived from the record's name
 * @param version {@code @Event(version)}; 1 for a command, which has none
 */
public record MemberAnnotation(AnnotationMirror mirror, Optional<TypeMirror> aggregate, String name, int version) {
  /** Reads the annotation {@code qualifiedName} ({@code @Command} or {@code @Event}) from {@code element}. */
  public static MemberAnnotation read(Elements elements, Element element, String qualifiedName) {
    AnnotationMirror mirror = Mirrors.find(element, qualifiedName).orElseThrow();
    return new MemberAnnotation(
        mirror, Mirrors.type(elements, mirror, "aggregate"), Mirrors.string(elements, mirror, "name"),
        Mirrors.integer(elements, mirror, "version", 1));
  }

  /** Whether the name was written rather than derived. */
  public boolean explicit() {
    return !name.isEmpty();
  }
}
