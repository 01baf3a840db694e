package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Message;
import com.weegigs.events.processor.read.Mirrors;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.AnnotationValue;
import javax.lang.model.element.Element;
import javax.tools.Diagnostic.Kind;

/**
 * What validating one declaration found: its messages, each on the most precise place known, and
 * the reports of what it is made of (the service an aggregate belongs to, the records its commands
 * hold). It is clean when neither it nor any subreport has an error; only a clean report lets a
 * model be built. A report shared by several others (a record held by two aggregates) is printed
 * once.
 */
public final class ValidationReport {
  /**
   * One message.
   *
   * @param message the message
   * @param element where it is reported
   * @param annotation the annotation on {@code element} it is about, if any
   * @param value the value of {@code annotation} it is about, if any
   */
  public record Item(Message.Text message, Element element, Optional<AnnotationMirror> annotation, Optional<AnnotationValue> value) {}

  private final Element subject;
  private final List<Item> items;
  private final List<ValidationReport> subreports;
  private final boolean dirty;

  private ValidationReport(Element subject, List<Item> items, List<ValidationReport> subreports, boolean dirty) {
    this.subject = subject;
    this.items = List.copyOf(items);
    this.subreports = List.copyOf(subreports);
    this.dirty = dirty;
  }

  /** A builder of the report about {@code subject}. */
  public static Builder about(Element subject) {
    return new Builder(subject);
  }

  /** The element the report is about. */
  public Element subject() {
    return subject;
  }

  /** Its own messages, in the order found. */
  public List<Item> items() {
    return items;
  }

  /** The reports it includes. */
  public List<ValidationReport> subreports() {
    return subreports;
  }

  /** Whether neither it nor any subreport has an error (or was marked dirty). */
  public boolean isClean() {
    return !dirty && items.stream().noneMatch(i -> i.message().kind() == Kind.ERROR)
        && subreports.stream().allMatch(ValidationReport::isClean);
  }

  /** Its messages and those of its subreports, each once, in the order found. */
  public Set<Item> allItems() {
    Set<Item> all = new LinkedHashSet<>();
    collect(all);
    return all;
  }

  private void collect(Set<Item> into) {
    into.addAll(items);
    subreports.forEach(s -> s.collect(into));
  }

  /** Collects the messages of one report. */
  public static final class Builder {
    private final Element subject;
    private final List<Item> items = new ArrayList<>();
    private final List<ValidationReport> subreports = new ArrayList<>();
    private boolean dirty;

    private Builder(Element subject) {
      this.subject = subject;
    }

    /** Reports {@code message} on {@code element}. */
    public Builder add(Message.Text message, Element element) {
      items.add(new Item(message, element, Optional.empty(), Optional.empty()));
      return this;
    }

    /** Reports {@code message} on the annotation {@code mirror} of {@code element}. */
    public Builder add(Message.Text message, Element element, AnnotationMirror mirror) {
      items.add(new Item(message, element, Optional.of(mirror), Optional.empty()));
      return this;
    }

    /**
     * Reports {@code message} on the value {@code member} of the annotation {@code mirror} of
     * {@code element} when the user wrote that value, otherwise on the annotation.
     */
    public Builder addOnValue(Message.Text message, Element element, AnnotationMirror mirror, String member) {
      items.add(new Item(message, element, Optional.of(mirror), Optional.ofNullable(Mirrors.explicitValue(mirror, member))));
      return this;
    }

    /** Includes {@code report}: this report is clean only when it is. */
    public Builder addSubreport(ValidationReport report) {
      subreports.add(report);
      return this;
    }

    /** Marks the report unclean without a message of its own (the cause was reported elsewhere). */
    public Builder markDirty() {
      dirty = true;
      return this;
    }

    /** Whether what was collected so far is clean. */
    public boolean isClean() {
      return !dirty && items.stream().noneMatch(i -> i.message().kind() == Kind.ERROR)
          && subreports.stream().allMatch(ValidationReport::isClean);
    }

    /** The report. */
    public ValidationReport build() {
      return new ValidationReport(subject, items, subreports, dirty);
    }
  }
}
