package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.MessageParts.GeneratedFor;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.read.Mirrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.lang.model.util.Elements;

/**
 * Checks that the names of the types generated in one round are free: not generated twice, and not
 * taken by a type that exists already (unless an earlier run of this processor made it).
 */
final class GeneratedNameValidator {
  private final Elements elements;
  /** Every name generated so far this round, with the declaration it is generated for. */
  private final Map<String, Element> generated = new HashMap<>();

  GeneratedNameValidator(Elements elements) {
    this.elements = elements;
  }

  /** Claims {@code names} for {@code owner}, reporting each that is taken. */
  void claim(List<ClassName> names, Element owner, GeneratedFor generatedFor, ValidationReport.Builder report) {
    for (ClassName name : names) {
      String qualified = name.canonicalName();
      Element previous = generated.putIfAbsent(qualified, owner);
      if (previous != null) {
        report.add(Messages.generatedNameClash(name.simpleName(), generatedFor, previous.getSimpleName()), owner);
        continue;
      }
      TypeElement existing = elements.getTypeElement(qualified);
      if (existing != null && !generatedByUs(existing)) {
        report.add(Messages.generatedNameTaken(name.simpleName(), generatedFor, Env.kind(existing), existing.getSimpleName()), owner);
      }
    }
  }

  /** A type made by an earlier run of this processor carries a generated marker; it is not a clash. */
  private static boolean generatedByUs(TypeElement type) {
    return type.getAnnotationMirrors().stream().anyMatch(m -> Mirrors.simpleName(m).contains("Generated"));
  }
}
