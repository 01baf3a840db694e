package com.weegigs.events.processor;

import com.weegigs.events.processor.validate.ValidationReport;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import javax.annotation.processing.Messager;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;

/**
 * Sends messages to the {@link Messager}: the items of {@link ValidationReport}s, each on the most
 * precise place it names and each once, and the few messages about the processor itself.
 */
public final class Reporter {
  private final Messager messager;

  /** A reporter writing to {@code messager}. */
  public Reporter(Messager messager) {
    this.messager = messager;
  }

  /** Reports {@code message} on {@code element}. */
  public void report(Message.Text message, Element element) {
    messager.printMessage(message.kind(), message.text(), element);
  }

  /** Reports {@code message} on {@code value} of {@code annotation} on {@code element}. */
  public void report(Message.Text message, Element element, AnnotationMirror annotation, AnnotationValue value) {
    messager.printMessage(message.kind(), message.text(), element, annotation, value);
  }

  /** Prints every item of {@code reports} and their subreports; an item shared by several reports is printed once. */
  public void print(Collection<ValidationReport> reports) {
    Set<ValidationReport.Item> items = new LinkedHashSet<>();
    reports.forEach(r -> items.addAll(r.allItems()));
    for (ValidationReport.Item item : items) {
      Message.Text message = item.message();
      if (item.annotation().isEmpty()) {
        messager.printMessage(message.kind(), message.text(), item.element());
      } else if (item.value().isEmpty()) {
        messager.printMessage(message.kind(), message.text(), item.element(), item.annotation().get());
      } else {
        messager.printMessage(message.kind(), message.text(), item.element(), item.annotation().get(), item.value().get());
      }
    }
  }
}
