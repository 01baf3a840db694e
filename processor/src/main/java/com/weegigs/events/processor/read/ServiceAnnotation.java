package com.weegigs.events.processor.read;

import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * What {@code @Service} says.
 *
 * @param mirror the annotation, for reporting on it and its values
 * @param name the service name as written
 * @param version the version as written
 * @param title the title, defaulted to the name
 * @param api whether the package is the service's API, compiled without handlers ({@code @Service(api = true)})
 */
public record ServiceAnnotation(AnnotationMirror mirror, String name, String version, String title, boolean api) {
  /** Reads {@code @Service} from {@code element}, which must carry it. */
  public static ServiceAnnotation read(Elements elements, Element element) {
    AnnotationMirror mirror = Mirrors.find(element, AnnotationNames.SERVICE).orElseThrow();
    String name = Mirrors.string(elements, mirror, "name");
    String title = Mirrors.string(elements, mirror, "title");
    return new ServiceAnnotation(mirror, name, Mirrors.string(elements, mirror, "version"), title.isEmpty() ? name : title,
        Mirrors.bool(elements, mirror, "api"));
  }
}
