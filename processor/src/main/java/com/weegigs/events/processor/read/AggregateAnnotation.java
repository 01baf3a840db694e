package com.weegigs.events.processor.read;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * What {@code @Aggregate} says.
 *
 * @param mirror the annotation, for reporting on it and its values
 * @param type the explicit aggregate type, or {@code ""} when it is derived from the record's name
 */
public record AggregateAnnotation(AnnotationMirror mirror, String type) {
  /** Reads {@code @Aggregate} from {@code element}, which must carry it. */
  public static AggregateAnnotation read(Elements elements, Element element) {
    AnnotationMirror mirror = Mirrors.find(element, AnnotationNames.AGGREGATE).orElseThrow();
    return new AggregateAnnotation(mirror, Mirrors.string(elements, mirror, "type"));
  }

  /** Whether the type was written rather than derived. */
  public boolean explicit() {
    return !type.isEmpty();
  }
}
