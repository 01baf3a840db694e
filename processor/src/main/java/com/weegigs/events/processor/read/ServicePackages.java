package com.weegigs.events.processor.read;

import java.util.Optional;
import javax.lang.model.element.Element;
import javax.lang.model.element.PackageElement;
import javax.lang.model.util.Elements;

/** Finds the service a declaration belongs to, whether it is compiled now or read from the class path. */
public final class ServicePackages {
  private ServicePackages() {}

  /** The nearest package at or above {@code element}'s package that carries {@code @Service}, if any. */
  public static Optional<PackageElement> of(Elements elements, Element element) {
    String name = elements.getPackageOf(element).getQualifiedName().toString();
    while (true) {
      PackageElement pkg = elements.getPackageElement(name);
      if (pkg != null && Mirrors.has(pkg, AnnotationNames.SERVICE)) {
        return Optional.of(pkg);
      }
      int dot = name.lastIndexOf('.');
      if (dot < 0) {
        return Optional.empty();
      }
      name = name.substring(0, dot);
    }
  }

  /** What the {@code @Service} of {@code element}'s service says, if it has one. */
  public static Optional<ServiceAnnotation> annotation(Elements elements, Element element) {
    return of(elements, element).map(pkg -> ServiceAnnotation.read(elements, pkg));
  }
}
