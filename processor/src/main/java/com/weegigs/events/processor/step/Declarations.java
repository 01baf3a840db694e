package com.weegigs.events.processor.step;

import com.weegigs.events.processor.read.AggregateAnnotation;
import com.weegigs.events.processor.read.MemberAnnotation;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.read.UpcasterAnnotation;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;

/**
 * Everything the steps read in one round, before any cross-checking: the raw declarations, and the
 * ones that refer to types javac could not resolve yet.
 */
public final class Declarations {
  /** A {@code @Service} package. */
  public record ServiceDeclaration(PackageElement element, ServiceAnnotation annotation) {}

  /** An {@code @Aggregate} type. */
  public record AggregateDeclaration(TypeElement element, AggregateAnnotation annotation) {}

  /** An {@code @Upcaster} method. */
  public record UpcasterDeclaration(ExecutableElement method, UpcasterAnnotation annotation) {}

  /** A {@code @Command} or {@code @Event} type. */
  public record MemberDeclaration(TypeElement element, MemberAnnotation annotation) {}

  final List<ServiceDeclaration> services = new ArrayList<>();
  final List<AggregateDeclaration> aggregates = new ArrayList<>();
  final List<MemberDeclaration> commands = new ArrayList<>();
  final List<MemberDeclaration> events = new ArrayList<>();
  final List<ExecutableElement> handlers = new ArrayList<>();
  final List<ExecutableElement> reducers = new ArrayList<>();
  final List<ExecutableElement> initials = new ArrayList<>();
  final List<UpcasterDeclaration> upcasters = new ArrayList<>();
  final List<ExecutableElement> eventHandlers = new ArrayList<>();
  final Map<Element, String> unresolved = new LinkedHashMap<>();
  final Set<Element> fromClassPath = new HashSet<>();

  /** {@code @Service} packages in the order read. */
  public List<ServiceDeclaration> services() {
    return services;
  }

  /** {@code @Aggregate} types in the order read. */
  public List<AggregateDeclaration> aggregates() {
    return aggregates;
  }

  /** {@code @Command} types in the order read. */
  public List<MemberDeclaration> commands() {
    return commands;
  }

  /** {@code @Event} types in the order read. */
  public List<MemberDeclaration> events() {
    return events;
  }

  /** {@code @CommandHandler} methods in the order read. */
  public List<ExecutableElement> handlers() {
    return handlers;
  }

  /** {@code @Reducer} methods in the order read. */
  public List<ExecutableElement> reducers() {
    return reducers;
  }

  /** {@code @Initial} methods in the order read. */
  public List<ExecutableElement> initials() {
    return initials;
  }

  /** {@code @Upcaster} methods in the order read. */
  public List<UpcasterDeclaration> upcasters() {
    return upcasters;
  }

  /**
   * The declarations read from the class path rather than from this round's sources: the aggregates
   * of an API jar that this compilation implements, with their commands, events, reducers and initial
   * factories ({@link ApiAggregates}).
   */
  public Set<Element> fromClassPath() {
    return fromClassPath;
  }

  /** {@code @EventHandler} methods in the order read. */
  public List<ExecutableElement> eventHandlers() {
    return eventHandlers;
  }

  /** Elements that refer to a type javac has not resolved (yet), with that type as written. */
  public Map<Element, String> unresolved() {
    return unresolved;
  }
}
