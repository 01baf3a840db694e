package com.weegigs.events.processor.read;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.util.Elements;

/**
 * The access annotations of one element ({@code jakarta.annotation.security}'s {@code @RolesAllowed},
 * {@code @PermitAll} and {@code @DenyAll}), read by name through their mirrors, so the processor
 * needs no jakarta.annotation on its own path.
 *
 * @param element the annotated element
 * @param rolesAllowed its {@code @RolesAllowed}, if any
 * @param roles the roles {@code @RolesAllowed} names, as written (empty without one)
 * @param permitAll its {@code @PermitAll}, if any
 * @param denyAll its {@code @DenyAll}, if any
 */
public record AccessAnnotations(Element element, Optional<AnnotationMirror> rolesAllowed, List<String> roles,
    Optional<AnnotationMirror> permitAll, Optional<AnnotationMirror> denyAll) {

  /** Reads the access annotations of {@code element}. */
  public static AccessAnnotations read(Elements elements, Element element) {
    Optional<AnnotationMirror> rolesAllowed = Mirrors.find(element, AnnotationNames.ROLES_ALLOWED);
    List<String> roles = new ArrayList<>();
    rolesAllowed.ifPresent(mirror -> {
      AnnotationValue value = Mirrors.value(elements, mirror, "value");
      if (value != null && value.getValue() instanceof List<?> list) {
        for (Object item : list) {
          if (item instanceof AnnotationValue role && role.getValue() instanceof String text) {
            roles.add(text);
          }
        }
      }
    });
    return new AccessAnnotations(element, rolesAllowed, List.copyOf(roles),
        Mirrors.find(element, AnnotationNames.PERMIT_ALL), Mirrors.find(element, AnnotationNames.DENY_ALL));
  }

  /** Whether the element has any of the three. */
  public boolean any() {
    return rolesAllowed.isPresent() || permitAll.isPresent() || denyAll.isPresent();
  }

  /** Its first access annotation, to report on. */
  public Optional<AnnotationMirror> first() {
    return rolesAllowed.or(() -> denyAll).or(() -> permitAll);
  }
}
