package com.weegigs.events.processor;

import java.util.Map;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;

/**
 * Sends catalogue {@link Diagnostic}s to the {@link Messager}, on the most precise place given, and
 * counts the errors so callers can tell whether what they were checking is clean.
 */
public final class Reporter {
  private final Messager messager;
  private int errors;

  /** A reporter writing to {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code diagnostic} on {@code element}. */
  public void report(Diagnostic diagnostic, Element element, Object... arguments) {
    count(diagnostic);
    messager.printMessage(diagnostic.kind(), diagnostic.format(arguments), element);
  }

  /** Reports {@code diagnostic} on the annotation {@code mirror} of {@code element}. */
  public void report(Diagnostic diagnostic, Element element, AnnotationMirror mirror, Object... arguments) {
    count(diagnostic);
    messager.printMessage(diagnostic.kind(), diagnostic.format(arguments), element, mirror);
  }

  /**
   * Reports {@code diagnostic} on the member {@code member} of the annotation {@code mirror} of
   * {@code element} when the user wrote that member, otherwise on the annotation.
   */
  public void reportOnValue(Diagnostic diagnostic, Element element, AnnotationMirror mirror, String member, Object... arguments) {
    count(diagnostic);
    AnnotationValue value = explicitValue(mirror, member);
    if (value == null) {
      messager.printMessage(diagnostic.kind(), diagnostic.format(arguments), element, mirror);
    } else {
      messager.printMessage(diagnostic.kind(), diagnostic.format(arguments), element, mirror, value);
    }
  }

  /** How many errors were reported so far. */
  public int errorCount() {
    return errors;
  }

  private void count(Diagnostic diagnostic) {
    if (diagnostic.kind() == javax.tools.Diagnostic.Kind.ERROR) {
      errors++;
    }
  }

  /** The value of {@code member} when the annotation sets it explicitly, else {@code null}. */
  public static AnnotationValue explicitValue(AnnotationMirror mirror, String member) {
    for (Map.Entry<? extends ExecutableElement, ? extends AnnotationValue> entry : mirror.getElementValues().entrySet()) {
      if (entry.getKey().getSimpleName().contentEquals(member)) {
        return entry.getValue();
      }
    }
    return null;
  }
}
