package com.weegigs.events.processor.build;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.Diagnostic;
import com.weegigs.events.processor.Reporter;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.AggregateNames;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.HandlerModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ReducerModel;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.model.ServiceNames;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.Mirrors;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.step.Declarations;
import com.weegigs.events.processor.step.Declarations.AggregateDeclaration;
import com.weegigs.events.processor.step.Declarations.MemberDeclaration;
import com.weegigs.events.processor.step.Declarations.ServiceDeclaration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeKind;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;
import javax.lang.model.util.Elements;
import javax.lang.model.util.Types;

/**
 * Turns one round's {@link Declarations} into checked models: it cross-checks every declaration,
 * reports each problem once through the {@link Reporter}, and returns only models whose
 * declarations are free of errors.
 */
public final class ModelBuilder {
  /**
   * A built service.
   *
   * @param element the {@code @Service} package
   * @param model its model, holding only the aggregates that are free of errors
   * @param declaredInRound whether its {@code package-info} is part of this round (only then are its own files written)
   * @param clean whether the service and every one of its aggregates are free of errors
   * @param aggregates its aggregates that are free of errors, with their elements
   */
  public record BuiltService(
      PackageElement element, ServiceModel model, boolean declaredInRound, boolean clean, List<BuiltAggregate> aggregates) {}

  /**
   * A built aggregate.
   *
   * @param element the aggregate record
   * @param model its model
   */
  public record BuiltAggregate(TypeElement element, AggregateModel model) {}

  private final Elements elements;
  private final Types types;
  private final Reporter reporter;
  private final ComponentReader components;

  private final Map<TypeElement, Aggregate> aggregates = new LinkedHashMap<>();
  private final Map<TypeElement, Member> commands = new LinkedHashMap<>();
  private final Map<TypeElement, Member> events = new LinkedHashMap<>();
  /** Packages whose {@code @Service} has an error of its own (name, version, duplicate). */
  private final Set<String> invalidServices = new java.util.HashSet<>();

  /** A builder for one round. */
  public ModelBuilder(ProcessingEnvironment environment, Reporter reporter) {
    this.elements = environment.getElementUtils();
    this.types = environment.getTypeUtils();
    this.reporter = reporter;
    this.components = new ComponentReader(elements, reporter);
  }

  /** What is known of an aggregate while it is checked. */
  private static final class Aggregate {
    final AggregateDeclaration declaration;
    final TypeElement element;
    String wireName;
    boolean usable = true;
    boolean failed;
    final List<Member> commands = new ArrayList<>();
    final List<Member> events = new ArrayList<>();
    final Map<TypeElement, Handler> handlers = new LinkedHashMap<>();
    final Map<TypeElement, ExecutableElement> instanceReducers = new HashMap<>();
    final Map<TypeElement, ExecutableElement> creatingReducers = new HashMap<>();
    final Set<TypeElement> reducedElsewhere = new LinkedHashSet<>();
    ExecutableElement initial;
    TypeName eventSupertype = ClassName.OBJECT;
    TypeElement eventSupertypeElement;

    Aggregate(AggregateDeclaration declaration) {
      this.declaration = declaration;
      this.element = declaration.element();
    }
  }

  /** A command or event while it is checked. */
  private static final class Member {
    final MemberDeclaration declaration;
    final TypeElement element;
    Aggregate aggregate;
    String wireName;
    boolean failed;

    Member(MemberDeclaration declaration) {
      this.declaration = declaration;
      this.element = declaration.element();
    }
  }

  private record Handler(ExecutableElement method, HandlerModel model) {}

  // ---------------------------------------------------------------------------------------------

  /** Checks {@code declarations} and builds the models of everything free of errors. */
  public List<BuiltService> build(Declarations declarations) {
    Map<String, ServiceDeclaration> services = services(declarations.services());
    for (AggregateDeclaration declaration : sorted(declarations.aggregates(), d -> d.element())) {
      aggregates.put(declaration.element(), aggregate(declaration));
    }
    for (MemberDeclaration declaration : sorted(declarations.commands(), MemberDeclaration::element)) {
      commands.put(declaration.element(), member(declaration, true));
    }
    for (MemberDeclaration declaration : sorted(declarations.events(), MemberDeclaration::element)) {
      events.put(declaration.element(), member(declaration, false));
    }
    for (Aggregate aggregate : aggregates.values()) {
      guarded(aggregate.element, aggregate, () -> eventSupertype(aggregate));
    }
    for (ExecutableElement method : declarations.initials()) {
      guarded(method, owningAggregate(method), () -> initial(method));
    }
    for (ExecutableElement method : declarations.reducers()) {
      guarded(method, owningAggregate(method), () -> reducer(method));
    }
    for (ExecutableElement method : declarations.handlers()) {
      guarded(method, null, () -> handler(method));
    }
    Map<String, List<Aggregate>> byService = new TreeMap<>();
    for (Aggregate aggregate : aggregates.values()) {
      if (!aggregate.usable) {
        continue;
      }
      guarded(aggregate.element, aggregate, () -> completeness(aggregate));
      guarded(aggregate.element, aggregate, () -> readShapes(aggregate));
      Optional<PackageElement> service = serviceOf(aggregate.element);
      if (service.isEmpty()) {
        error(aggregate, Diagnostic.AGGREGATE_WITHOUT_SERVICE, aggregate.element, TypeText.simple(aggregate.element),
            packageOf(aggregate.element).getQualifiedName());
        continue;
      }
      byService.computeIfAbsent(service.get().getQualifiedName().toString(), k -> new ArrayList<>()).add(aggregate);
    }
    for (ServiceDeclaration declaration : services.values()) {
      byService.computeIfAbsent(declaration.element().getQualifiedName().toString(), k -> new ArrayList<>());
    }
    Map<String, Element> generatedNames = new HashMap<>();
    List<BuiltService> built = new ArrayList<>();
    for (Map.Entry<String, List<Aggregate>> entry : byService.entrySet()) {
      PackageElement pkg = elements.getPackageElement(entry.getKey());
      ServiceDeclaration declaration = services.get(entry.getKey());
      boolean declaredInRound = declaration != null;
      ServiceAnnotation annotation = declaredInRound ? declaration.annotation() : ServiceAnnotation.read(elements, pkg);
      boolean serviceValid = !invalidServices.contains(entry.getKey());
      serviceValid = serviceValid && WireNames.isValidName(annotation.name()) && WireNames.isValidVersion(annotation.version());
      built.add(service(pkg, annotation, declaredInRound, serviceValid, entry.getValue(), generatedNames));
    }
    return built;
  }

  private BuiltService service(PackageElement pkg, ServiceAnnotation annotation, boolean declaredInRound, boolean valid,
      List<Aggregate> members, Map<String, Element> generatedNames) {
    Map<String, Aggregate> byType = new HashMap<>();
    for (Aggregate aggregate : members) {
      Aggregate previous = byType.putIfAbsent(aggregate.wireName, aggregate);
      if (previous != null) {
        reportName(aggregate, Diagnostic.DUPLICATE_AGGREGATE_TYPE, aggregate.element, aggregate.declaration.annotation().mirror(),
            "type", TypeText.simple(previous.element), TypeText.simple(aggregate.element), annotation.name(), aggregate.wireName);
      }
    }
    ServiceNames serviceNames = GeneratedNames.forService(pkg.getQualifiedName().toString(), annotation.name());
    if (declaredInRound && valid) {
      checkGeneratedNames(GeneratedNames.all(serviceNames), pkg, "service \"" + annotation.name() + "\"",
          "service name", generatedNames, null);
    }
    List<BuiltAggregate> built = new ArrayList<>();
    for (Aggregate aggregate : members) {
      checkGeneratedNames(GeneratedNames.all(GeneratedNames.forAggregate(ClassName.get(aggregate.element))), aggregate.element,
          TypeText.simple(aggregate.element), "aggregate record " + TypeText.simple(aggregate.element), generatedNames, aggregate);
      if (aggregate.failed || !valid) {
        continue;
      }
      AggregateModel model = guardedModel(aggregate, annotation.name());
      if (model != null) {
        built.add(new BuiltAggregate(aggregate.element, model));
      }
    }
    boolean clean = valid && built.size() == members.size();
    ServiceModel model = new ServiceModel(annotation.name(), annotation.version(), annotation.title(),
        pkg.getQualifiedName().toString(), built.stream().map(BuiltAggregate::model).toList(), serviceNames);
    return new BuiltService(pkg, model, declaredInRound, clean, built);
  }

  private void checkGeneratedNames(List<ClassName> names, Element owner, String ownerText, String rename,
      Map<String, Element> generatedNames, Aggregate aggregate) {
    for (ClassName name : names) {
      String qualified = name.canonicalName();
      Element previous = generatedNames.putIfAbsent(qualified, owner);
      if (previous != null) {
        error(aggregate, Diagnostic.GENERATED_NAME_CLASH, owner, name.simpleName(), ownerText,
            "the type of that name generated for " + previous.getSimpleName(), rename, "other one");
        continue;
      }
      TypeElement existing = elements.getTypeElement(qualified);
      if (existing != null && !generatedByUs(existing)) {
        error(aggregate, Diagnostic.GENERATED_NAME_CLASH, owner, name.simpleName(), ownerText,
            "the existing " + kindWord(existing) + " " + existing.getSimpleName(), "that " + kindWord(existing), rename);
      }
    }
  }

  /** A type made by an earlier run of this processor carries a generated marker; it is not a clash. */
  private static boolean generatedByUs(TypeElement type) {
    return type.getAnnotationMirrors().stream().anyMatch(m -> Mirrors.simpleName(m).contains("Generated"));
  }

  // ---------------------------------------------------------------------------------------------
  // Services

  private Map<String, ServiceDeclaration> services(List<ServiceDeclaration> declarations) {
    Map<String, ServiceDeclaration> byPackage = new TreeMap<>();
    Map<String, ServiceDeclaration> byName = new HashMap<>();
    for (ServiceDeclaration declaration : sorted(declarations, ServiceDeclaration::element)) {
      String pkg = declaration.element().getQualifiedName().toString();
      byPackage.put(pkg, declaration);
      ServiceAnnotation annotation = declaration.annotation();
      AnnotationMirror mirror = annotation.mirror();
      boolean valid = true;
      Optional<String> problem = WireNames.nameProblem(annotation.name());
      if (problem.isPresent()) {
        reporter.reportOnValue(Diagnostic.INVALID_SERVICE_NAME, declaration.element(), mirror, "name", annotation.name(), problem.get(),
            suggestion(annotation.name()));
        valid = false;
      }
      if (!WireNames.isValidVersion(annotation.version())) {
        reporter.reportOnValue(Diagnostic.INVALID_SERVICE_VERSION, declaration.element(), mirror, "version", annotation.version());
        valid = false;
      }
      if (problem.isEmpty()) {
        ServiceDeclaration previous = byName.putIfAbsent(annotation.name(), declaration);
        if (previous != null) {
          reporter.reportOnValue(Diagnostic.DUPLICATE_SERVICE, declaration.element(), mirror, "name", annotation.name(),
              previous.element().getQualifiedName(), pkg);
          valid = false;
        }
      }
      if (!valid) {
        invalidServices.add(pkg);
      }
    }
    return byPackage;
  }

  private static String suggestion(String name) {
    return WireNames.suggestName(name).map(s -> ", such as \"" + s + "\"").orElse("");
  }

  /** The nearest package at or above the aggregate's that declares {@code @Service}. */
  private Optional<PackageElement> serviceOf(TypeElement aggregate) {
    String name = packageOf(aggregate).getQualifiedName().toString();
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

  // ---------------------------------------------------------------------------------------------
  // Aggregates, commands and events

  private Aggregate aggregate(AggregateDeclaration declaration) {
    Aggregate aggregate = new Aggregate(declaration);
    TypeElement element = declaration.element();
    aggregate.usable = shapeOk(element, "Aggregate", "aggregate", null, aggregate);
    String derived = WireNames.kebabCase(TypeText.simple(element));
    aggregate.wireName = declaration.annotation().explicit() ? declaration.annotation().type() : derived;
    Optional<String> problem = WireNames.nameProblem(aggregate.wireName);
    if (problem.isPresent()) {
      reportName(aggregate, Diagnostic.INVALID_AGGREGATE_TYPE, element, declaration.annotation().mirror(), "type",
          aggregate.wireName, TypeText.simple(element), problem.get(), suggestion(aggregate.wireName));
    }
    return aggregate;
  }

  private Member member(MemberDeclaration declaration, boolean command) {
    Member member = new Member(declaration);
    TypeElement element = declaration.element();
    String annotationName = command ? "Command" : "Event";
    AnnotationMirror mirror = declaration.annotation().mirror();
    TypeMirror target = declaration.annotation().aggregate().orElseThrow();
    TypeElement targetElement = (TypeElement) types.asElement(target);
    Aggregate aggregate = aggregates.get(targetElement);
    if (aggregate == null && Mirrors.has(targetElement, AnnotationNames.AGGREGATE)) {
      reporter.reportOnValue(Diagnostic.AGGREGATE_COMPILED_SEPARATELY, element, mirror, "aggregate", annotationName,
          TypeText.simple(element), TypeText.simple(targetElement), TypeText.simple(element), TypeText.simple(targetElement));
      member.failed = true;
      return member;
    }
    if (aggregate == null) {
      String named = targetElement.getSimpleName().toString();
      List<String> known = aggregates.keySet().stream().map(TypeText::simple).toList();
      String fix = WireNames.closest(named, known)
          .map(s -> "did you mean " + s + "?")
          .orElse("name the @Aggregate record it belongs to, or annotate " + named + " with @Aggregate");
      reporter.reportOnValue(Diagnostic.NOT_AN_AGGREGATE, element, mirror, "aggregate", annotationName, TypeText.simple(element), named,
          named, fix);
      member.failed = true;
      return member;
    }
    member.aggregate = aggregate;
    if (!aggregate.usable) {
      // The aggregate's own error is the root cause; say nothing more about its members.
      member.failed = true;
      return member;
    }
    if (!shapeOk(element, annotationName, command ? "command" : "event", packageOf(aggregate.element), aggregate)) {
      member.failed = true;
      return member;
    }
    member.wireName = declaration.annotation().explicit() ? declaration.annotation().name() : WireNames.kebabCase(TypeText.simple(element));
    Optional<String> problem = WireNames.nameProblem(member.wireName);
    if (problem.isPresent()) {
      reportName(aggregate, command ? Diagnostic.INVALID_COMMAND_NAME : Diagnostic.INVALID_EVENT_NAME, element, mirror, "name",
          member.wireName, TypeText.simple(element), problem.get(), suggestion(member.wireName));
      member.failed = true;
    }
    List<Member> siblings = command ? aggregate.commands : aggregate.events;
    for (Member sibling : siblings) {
      if (!member.failed && sibling.wireName != null && sibling.wireName.equals(member.wireName)) {
        reportName(aggregate, command ? Diagnostic.DUPLICATE_COMMAND_NAME : Diagnostic.DUPLICATE_EVENT_NAME, element, mirror,
            "name", TypeText.simple(sibling.element), TypeText.simple(element), TypeText.simple(aggregate.element), member.wireName);
        member.failed = true;
      }
    }
    siblings.add(member);
    return member;
  }

  /** Reports on the annotation value {@code member} when written, else on the annotation; marks the aggregate failed. */
  private void reportName(Aggregate aggregate, Diagnostic diagnostic, Element element, AnnotationMirror mirror, String member,
      Object... arguments) {
    reporter.reportOnValue(diagnostic, element, mirror, member, arguments);
    if (aggregate != null) {
      aggregate.failed = true;
    }
  }

  /**
   * Checks that {@code element} is a non-generic record the generated code in {@code generatedPackage}
   * can use (any package when {@code null}: it only must not be private or local).
   */
  private boolean shapeOk(TypeElement element, String annotation, String kindWord, PackageElement generatedPackage, Aggregate aggregate) {
    String simple = TypeText.simple(element);
    if (element.getKind() != ElementKind.RECORD) {
      error(aggregate, Diagnostic.NOT_A_RECORD, element, annotation, simple, kindText(element), simple);
      return false;
    }
    if (!element.getTypeParameters().isEmpty()) {
      error(aggregate, Diagnostic.GENERIC_RECORD, element, capitalized(kindWord), simple, typeParameters(element.getTypeParameters()));
      return false;
    }
    PackageElement target = generatedPackage != null ? generatedPackage : packageOf(element);
    Optional<String[]> inaccessible = inaccessible(element, target);
    if (inaccessible.isPresent()) {
      error(aggregate, Diagnostic.NOT_ACCESSIBLE, element, capitalized(kindWord), simple, inaccessible.get()[0],
          target.getQualifiedName(), inaccessible.get()[1]);
      return false;
    }
    return true;
  }

  /** Why code in {@code from} cannot name {@code type}, and the fix; empty when it can. */
  private Optional<String[]> inaccessible(TypeElement type, PackageElement from) {
    boolean samePackage = packageOf(type).equals(from);
    Element current = type;
    while (current instanceof TypeElement t) {
      Element enclosing = t.getEnclosingElement();
      if (t.getNestingKind() == javax.lang.model.element.NestingKind.LOCAL
          || t.getNestingKind() == javax.lang.model.element.NestingKind.ANONYMOUS) {
        return Optional.of(new String[] {"declared inside a method", "move it out of the method"});
      }
      if (t.getModifiers().contains(Modifier.PRIVATE)) {
        return Optional.of(t == type
            ? new String[] {"private", "make it package-private or public"}
            : new String[] {"nested in the private " + kindText(t) + " " + t.getSimpleName(), "make " + t.getSimpleName() + " package-private or public"});
      }
      if (!samePackage && !t.getModifiers().contains(Modifier.PUBLIC)) {
        return Optional.of(new String[] {"not public and in another package", "make " + t.getSimpleName() + " public"});
      }
      current = enclosing;
    }
    return Optional.empty();
  }

  private void eventSupertype(Aggregate aggregate) {
    List<TypeElement> eventTypes = aggregate.events.stream().map(m -> m.element).toList();
    if (eventTypes.isEmpty()) {
      return;
    }
    Set<TypeElement> candidates = new LinkedHashSet<>();
    collectSupertypes(eventTypes.get(0).asType(), candidates);
    candidates.removeIf(c -> !c.getTypeParameters().isEmpty()
        || eventTypes.stream().anyMatch(e -> !types.isAssignable(types.erasure(e.asType()), types.erasure(c.asType()))));
    List<TypeElement> mostSpecific = candidates.stream()
        .filter(c -> candidates.stream().noneMatch(d -> d != c && types.isAssignable(types.erasure(d.asType()), types.erasure(c.asType()))))
        .sorted(Comparator.<TypeElement, Boolean>comparing(c -> !c.getModifiers().contains(Modifier.SEALED))
            .thenComparing(c -> !packageOf(c).equals(packageOf(aggregate.element)))
            .thenComparing(c -> c.getQualifiedName().toString()))
        .toList();
    if (!mostSpecific.isEmpty()) {
      aggregate.eventSupertypeElement = mostSpecific.get(0);
      aggregate.eventSupertype = ClassName.get(mostSpecific.get(0));
    }
  }

  private void collectSupertypes(TypeMirror type, Set<TypeElement> into) {
    for (TypeMirror supertype : types.directSupertypes(type)) {
      TypeElement element = (TypeElement) types.asElement(supertype);
      String name = element.getQualifiedName().toString();
      if (!name.equals("java.lang.Object") && !name.equals("java.lang.Record") && into.add(element)) {
        collectSupertypes(supertype, into);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // @Initial

  private Aggregate owningAggregate(ExecutableElement method) {
    return aggregates.get((TypeElement) method.getEnclosingElement());
  }

  private void initial(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Aggregate aggregate = aggregates.get(owner);
    String description = TypeText.method(method);
    if (aggregate == null) {
      reporter.report(Diagnostic.INITIAL_NOT_ON_AGGREGATE, method, description, TypeText.simple(owner));
      return;
    }
    if (!aggregate.usable) {
      return;
    }
    if (!modifiersOk(aggregate, method, "Initial") || !throwsNoCheckedException(aggregate, method, "Initial")) {
      aggregate.initial = aggregate.initial == null ? method : aggregate.initial;
      return;
    }
    String problem = null;
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      problem = "it is not static";
    } else if (!types.isSameType(method.getReturnType(), owner.asType())) {
      problem = "it returns " + TypeText.of(method.getReturnType());
    } else if (method.getParameters().size() != 1 || !isString(method.getParameters().get(0).asType())) {
      problem = "it takes (" + TypeText.parameters(method) + ")";
    }
    if (problem != null) {
      error(aggregate, Diagnostic.INITIAL_BAD_SIGNATURE, method, description, TypeText.simple(owner), method.getSimpleName(), problem);
    }
    if (aggregate.initial != null) {
      error(aggregate, Diagnostic.DUPLICATE_INITIAL, method, TypeText.simple(owner), TypeText.method(aggregate.initial));
      return;
    }
    aggregate.initial = method;
  }

  private boolean modifiersOk(Aggregate aggregate, ExecutableElement method, String annotation) {
    if (method.getModifiers().contains(Modifier.PRIVATE)) {
      String stub = aggregate == null ? "stub" : GeneratedNames.forAggregate(ClassName.get(aggregate.element)).stub().simpleName();
      error(aggregate, Diagnostic.METHOD_PRIVATE, method, annotation, TypeText.method(method), stub);
      return false;
    }
    if (!method.getTypeParameters().isEmpty()) {
      error(aggregate, Diagnostic.METHOD_GENERIC, method, annotation, TypeText.method(method), typeParameters(method.getTypeParameters()));
      return false;
    }
    return true;
  }

  /**
   * Refuses a reducer or initial factory that declares a checked exception: the runtime's
   * {@code Reducer.apply}, {@code CreatingReducer.apply} and {@code InitialState.create} declare
   * none, so the generated stub could not call it. Unchecked exceptions in the clause are harmless.
   */
  private boolean throwsNoCheckedException(Aggregate aggregate, ExecutableElement method, String annotation) {
    List<String> checked = method.getThrownTypes().stream()
        .filter(this::isChecked)
        .map(TypeText::of)
        .toList();
    if (checked.isEmpty()) {
      return true;
    }
    String thrown = String.join(", ", checked);
    error(aggregate, Diagnostic.CHECKED_EXCEPTION_IN_REDUCER, method, annotation, TypeText.method(method), thrown, thrown);
    return false;
  }

  private boolean isChecked(TypeMirror thrown) {
    for (String unchecked : List.of("java.lang.RuntimeException", "java.lang.Error")) {
      TypeElement element = elements.getTypeElement(unchecked);
      if (element != null && types.isAssignable(thrown, element.asType())) {
        return false;
      }
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // @Reducer

  private void reducer(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    Aggregate aggregate = aggregates.get(owner);
    String description = TypeText.method(method);
    Member event = method.getParameters().stream()
        .map(p -> events.get(elementOf(p.asType())))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(null);
    if (aggregate == null) {
      String hint = event != null && event.aggregate != null
          ? " (" + TypeText.simple(event.element) + " is an event of " + TypeText.simple(event.aggregate.element) + ")"
          : "";
      reporter.report(Diagnostic.REDUCER_NOT_ON_AGGREGATE, method, description, TypeText.simple(owner), hint);
      if (event != null && event.aggregate != null) {
        event.aggregate.reducedElsewhere.add(event.element);
        event.aggregate.failed = true;
      }
      return;
    }
    if (!aggregate.usable) {
      return;
    }
    if (!modifiersOk(aggregate, method, "Reducer") || !throwsNoCheckedException(aggregate, method, "Reducer")) {
      if (event != null) {
        aggregate.reducedElsewhere.add(event.element);
      }
      return;
    }
    String ownerName = TypeText.simple(owner);
    if (event != null && event.aggregate == aggregate && method.getParameters().size() != 1) {
      aggregate.reducedElsewhere.add(event.element);
      error(aggregate, Diagnostic.REDUCER_BAD_PARAMETERS, method, description, TypeText.parameters(method), ownerName, ownerName,
          "declare `" + ownerName + " " + method.getSimpleName() + "(" + TypeText.simple(event.element) + " event)`");
      return;
    }
    if (event == null || event.aggregate != aggregate) {
      String expected;
      if (event != null && event.aggregate != null) {
        expected = TypeText.simple(event.element) + " is an event of " + TypeText.simple(event.aggregate.element)
            + ": move this reducer to " + TypeText.simple(event.aggregate.element);
      } else if (event != null) {
        return; // The event's own error is the root cause.
      } else {
        String example = aggregate.events.isEmpty() ? "SomeEvent" : TypeText.simple(aggregate.events.get(0).element);
        expected = "declare `" + ownerName + " on(" + example + " event)`";
      }
      error(aggregate, Diagnostic.REDUCER_BAD_PARAMETERS, method, description, TypeText.parameters(method), ownerName, ownerName, expected);
      return;
    }
    boolean creating = method.getModifiers().contains(Modifier.STATIC);
    if (!types.isSameType(method.getReturnType(), owner.asType())) {
      error(aggregate, Diagnostic.REDUCER_BAD_RETURN, method, description, TypeText.of(method.getReturnType()), ownerName);
      aggregate.reducedElsewhere.add(event.element);
      return;
    }
    if (creating && aggregate.initial != null) {
      error(aggregate, Diagnostic.STATIC_REDUCER_WITH_INITIAL, method, description, ownerName, ownerName,
          TypeText.simple(event.element), TypeText.method(aggregate.initial));
      aggregate.reducedElsewhere.add(event.element);
      return;
    }
    // One reducer per event, creating or not: the model (and the runtime's lookup) has one.
    ExecutableElement previous = aggregate.instanceReducers.containsKey(event.element)
        ? aggregate.instanceReducers.get(event.element)
        : aggregate.creatingReducers.get(event.element);
    if (previous != null) {
      error(aggregate, Diagnostic.DUPLICATE_REDUCER, method, TypeText.simple(event.element), TypeText.method(previous));
      return;
    }
    (creating ? aggregate.creatingReducers : aggregate.instanceReducers).put(event.element, method);
  }

  // ---------------------------------------------------------------------------------------------
  // @CommandHandler

  private void handler(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    String description = TypeText.method(method);
    List<? extends VariableElement> parameters = method.getParameters();
    int commandIndex = -1;
    for (int i = 0; i < parameters.size(); i++) {
      TypeElement type = elementOf(parameters.get(i).asType());
      if (type != null && Mirrors.has(type, AnnotationNames.COMMAND)) {
        commandIndex = i;
        break;
      }
    }
    if (commandIndex < 0) {
      String hint = "";
      for (VariableElement parameter : parameters) {
        TypeElement type = elementOf(parameter.asType());
        if (type != null && type.getKind() == ElementKind.RECORD && !Mirrors.has(type, AnnotationNames.AGGREGATE)) {
          hint = "; is " + type.getSimpleName() + " missing @Command(aggregate = ...)?";
          break;
        }
      }
      reporter.report(Diagnostic.HANDLER_WITHOUT_COMMAND, method, description, hint);
      return;
    }
    Member command = commands.get(elementOf(parameters.get(commandIndex).asType()));
    if (command == null || command.aggregate == null || !command.aggregate.usable) {
      return; // The command's own error is the root cause.
    }
    Aggregate aggregate = command.aggregate;
    String aggregateName = TypeText.simple(aggregate.element);
    String commandName = TypeText.simple(command.element);
    if (!modifiersOk(aggregate, method, "CommandHandler")) {
      aggregate.handlers.putIfAbsent(command.element, new Handler(method, null));
      return;
    }
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    boolean onAggregate = owner.equals(aggregate.element) && !isStatic;
    Aggregate ownerAggregate = aggregates.get(owner);
    if (!isStatic && ownerAggregate != null && ownerAggregate != aggregate) {
      error(aggregate, Diagnostic.HANDLER_OF_OTHER_AGGREGATE, method, description, commandName, aggregateName,
          "it is an instance method of the aggregate " + TypeText.simple(owner), aggregateName, TypeText.simple(owner));
      aggregate.handlers.putIfAbsent(command.element, new Handler(method, null));
      return;
    }
    boolean takesState;
    int expectedCommandIndex;
    if (onAggregate) {
      takesState = true;
      expectedCommandIndex = 0;
    } else if (!parameters.isEmpty() && types.isSameType(parameters.get(0).asType(), aggregate.element.asType())) {
      takesState = true;
      expectedCommandIndex = 1;
    } else if (!parameters.isEmpty() && commandIndex > 0 && aggregates.containsKey(elementOf(parameters.get(0).asType()))) {
      TypeElement other = elementOf(parameters.get(0).asType());
      error(aggregate, Diagnostic.HANDLER_OF_OTHER_AGGREGATE, method, description, commandName, aggregateName,
          "it takes the state of " + TypeText.simple(other), aggregateName, TypeText.simple(other));
      aggregate.handlers.putIfAbsent(command.element, new Handler(method, null));
      return;
    } else {
      takesState = false;
      expectedCommandIndex = 0;
    }
    boolean takesContext = parameters.size() == expectedCommandIndex + 2
        && elementOf(parameters.get(expectedCommandIndex + 1).asType()) != null
        && elementOf(parameters.get(expectedCommandIndex + 1).asType()).getQualifiedName().contentEquals(AnnotationNames.COMMAND_CONTEXT);
    boolean shapeOk = commandIndex == expectedCommandIndex
        && (parameters.size() == expectedCommandIndex + 1 || takesContext)
        && (takesState || aggregate.initial == null);
    if (!shapeOk) {
      String expected;
      if (onAggregate) {
        expected = "`(" + commandName + " command)` on this instance method, the state being the record itself,"
            + " optionally followed by `CommandContext context`";
      } else if (aggregate.initial != null) {
        expected = "`(" + aggregateName + " state, " + commandName + " command)`, optionally followed by `CommandContext context`"
            + (takesState ? "" : " (" + aggregateName + " has an @Initial state, so every handler takes it)");
      } else {
        expected = "`(" + aggregateName + " state, " + commandName + " command)`, or `(" + commandName
            + " command)` for a creating handler, each optionally followed by `CommandContext context`";
      }
      error(aggregate, Diagnostic.HANDLER_BAD_PARAMETERS, method, description, TypeText.parameters(method), commandName,
          aggregateName, expected);
      aggregate.handlers.putIfAbsent(command.element, new Handler(method, null));
      return;
    }
    Boolean returnsList = returnsList(aggregate, method, description);
    if (returnsList == null) {
      aggregate.handlers.putIfAbsent(command.element, new Handler(method, null));
      return;
    }
    if (!accessible(aggregate, method, owner, description)) {
      aggregate.handlers.putIfAbsent(command.element, new Handler(method, null));
      return;
    }
    Handler previous = aggregate.handlers.get(command.element);
    if (previous != null) {
      error(aggregate, Diagnostic.DUPLICATE_HANDLER, method, commandName, TypeText.method(previous.method()));
      return;
    }
    ClassName ownerName = ClassName.get(owner);
    aggregate.handlers.put(command.element, new Handler(method,
        new HandlerModel(ownerName, method.getSimpleName().toString(), isStatic, takesState, takesContext, returnsList)));
  }

  /** Whether the handler returns a list ({@code null} after reporting a wrong return type). */
  private Boolean returnsList(Aggregate aggregate, ExecutableElement method, String description) {
    TypeMirror returned = method.getReturnType();
    TypeElement element = elementOf(returned);
    String aggregateName = TypeText.simple(aggregate.element);
    if (element != null && isEventOf(element, aggregate)) {
      return false;
    }
    if (element != null && element.getQualifiedName().contentEquals("java.util.List")
        && ((DeclaredType) returned).getTypeArguments().size() == 1) {
      TypeMirror argument = ((DeclaredType) returned).getTypeArguments().get(0);
      if (argument instanceof WildcardType wildcard) {
        argument = wildcard.getExtendsBound() != null ? wildcard.getExtendsBound() : elements.getTypeElement("java.lang.Object").asType();
      }
      TypeElement listed = elementOf(argument);
      // The stub hands the list to a definition typed by the events' common supertype, so the
      // element type must be an event, or a type of events that is also of that supertype.
      boolean withinSupertype = listed != null && (aggregate.eventSupertypeElement == null
          || types.isAssignable(types.erasure(listed.asType()), types.erasure(aggregate.eventSupertypeElement.asType())));
      if (listed != null && (isEventOf(listed, aggregate) || (withinSupertype && coversEvents(listed, aggregate)))) {
        return true;
      }
    }
    String example = aggregate.events.isEmpty() ? "SomeEvent" : TypeText.simple(aggregate.events.get(0).element);
    String list = "List<" + (aggregate.eventSupertypeElement != null ? aggregate.eventSupertypeElement.getSimpleName() : example) + ">";
    error(aggregate, Diagnostic.HANDLER_BAD_RETURN, method, description, TypeText.of(returned), aggregateName, aggregateName,
        example, list);
    return null;
  }

  private boolean isEventOf(TypeElement type, Aggregate aggregate) {
    Member event = events.get(type);
    return event != null && event.aggregate == aggregate;
  }

  /** Whether every event of the aggregate is a {@code type}, or {@code type} is sealed and permits only its events. */
  private boolean coversEvents(TypeElement type, Aggregate aggregate) {
    if (aggregate.events.isEmpty()) {
      return false;
    }
    TypeMirror erased = types.erasure(type.asType());
    if (aggregate.events.stream().allMatch(e -> types.isAssignable(types.erasure(e.element.asType()), erased))) {
      return true;
    }
    List<? extends TypeMirror> permitted = type.getPermittedSubclasses();
    return type.getModifiers().contains(Modifier.SEALED) && !permitted.isEmpty()
        && permitted.stream().allMatch(p -> elementOf(p) != null && isEventOf(elementOf(p), aggregate));
  }

  /** Whether the generated stub, in the aggregate's package, can call {@code method}; reports when not. */
  private boolean accessible(Aggregate aggregate, ExecutableElement method, TypeElement owner, String description) {
    PackageElement target = packageOf(aggregate.element);
    boolean samePackage = packageOf(owner).equals(target);
    String stub = GeneratedNames.forAggregate(ClassName.get(aggregate.element)).stub().simpleName();
    if (!samePackage && !method.getModifiers().contains(Modifier.PUBLIC)) {
      error(aggregate, Diagnostic.HANDLER_NOT_ACCESSIBLE, method, description, stub, target.getQualifiedName(), "the method");
      return false;
    }
    Optional<String[]> ownerProblem = inaccessible(owner, target);
    if (ownerProblem.isPresent()) {
      error(aggregate, Diagnostic.HANDLER_NOT_ACCESSIBLE, method, description, stub, target.getQualifiedName(),
          ownerProblem.get()[1].replaceFirst("^make ", "").replace(" package-private or public", ""));
      return false;
    }
    return true;
  }

  // ---------------------------------------------------------------------------------------------
  // Completeness and the model

  private void completeness(Aggregate aggregate) {
    String aggregateName = TypeText.simple(aggregate.element);
    for (Member command : aggregate.commands) {
      if (!command.failed && !aggregate.handlers.containsKey(command.element)) {
        String example = aggregate.events.isEmpty() ? "SomeEvent" : TypeText.simple(aggregate.events.get(0).element);
        String parameters = (aggregate.initial != null || aggregate.creatingReducers.isEmpty() ? aggregateName + " state, " : "")
            + TypeText.simple(command.element) + " command";
        error(aggregate, Diagnostic.COMMAND_WITHOUT_HANDLER, command.element, TypeText.simple(command.element), aggregateName,
            example, lowerCamel(TypeText.simple(command.element)), parameters, aggregateName);
      }
    }
    for (Member event : aggregate.events) {
      if (!event.failed && !aggregate.instanceReducers.containsKey(event.element)
          && !aggregate.creatingReducers.containsKey(event.element) && !aggregate.reducedElsewhere.contains(event.element)) {
        error(aggregate, Diagnostic.EVENT_WITHOUT_REDUCER, event.element, TypeText.simple(event.element), aggregateName,
            aggregateName, TypeText.simple(event.element), aggregateName);
      }
    }
    // Warnings about something missing only hold when nothing else is wrong: a command with an
    // error of its own (not a record, naming a mistyped aggregate) is not missing.
    boolean noErrors = reporter.errorCount() == 0;
    for (Handler handler : aggregate.handlers.values()) {
      if (handler.model() == null || handler.model().takesState() || handler.model().returnsList()) {
        continue;
      }
      TypeElement event = elementOf(handler.method().getReturnType());
      if (event != null && aggregate.instanceReducers.containsKey(event) && !aggregate.creatingReducers.containsKey(event)) {
        error(aggregate, Diagnostic.CREATING_EVENT_WITHOUT_CREATING_REDUCER, handler.method(), TypeText.method(handler.method()),
            TypeText.simple(event), TypeText.simple(event), aggregateName, aggregateName, TypeText.simple(event));
      }
    }
    if (noErrors && aggregate.commands.isEmpty() && !aggregate.events.isEmpty()) {
      reporter.report(Diagnostic.EVENTS_WITHOUT_COMMANDS, aggregate.element, aggregateName,
          aggregate.events.stream().map(e -> TypeText.simple(e.element)).collect(java.util.stream.Collectors.joining(", ")),
          aggregateName);
    }
    if (aggregate.initial == null && aggregate.creatingReducers.isEmpty() && aggregate.reducedElsewhere.isEmpty()) {
      error(aggregate, Diagnostic.NO_WAY_TO_EXIST, aggregate.element, aggregateName, aggregateName, aggregateName);
    } else if (noErrors && aggregate.initial == null && !aggregate.commands.isEmpty()
        && aggregate.handlers.values().stream().noneMatch(h -> h.model() != null && !h.model().takesState())
        && aggregate.handlers.values().stream().allMatch(h -> h.model() != null)) {
      reporter.report(Diagnostic.NO_CREATING_HANDLER, aggregate.element, aggregateName,
          TypeText.simple(aggregate.commands.get(0).element));
    }
  }

  /**
   * Reads the components of the state, commands and events (reporting what the codecs and validators
   * cannot handle) whatever else is wrong, so every independent problem shows at once.
   */
  private void readShapes(Aggregate aggregate) {
    boolean ok = components.read(aggregate.element).ok();
    for (Member command : aggregate.commands) {
      if (!command.failed) {
        ComponentReader.Result shape = components.read(command.element);
        ok &= shape.ok();
        if (shape.ok()) {
          components.checkCascade(command.element);
        }
      }
    }
    for (Member event : aggregate.events) {
      if (!event.failed) {
        ok &= components.read(event.element).ok();
      }
    }
    if (!ok) {
      aggregate.failed = true;
    }
  }

  private AggregateModel guardedModel(Aggregate aggregate, String serviceName) {
    try {
      return model(aggregate, serviceName);
    } catch (RuntimeException e) {
      reporter.report(Diagnostic.INTERNAL_ERROR, aggregate.element, e, TypeText.simple(aggregate.element));
      return null;
    }
  }

  private AggregateModel model(Aggregate aggregate, String serviceName) {
    boolean ok = true;
    Map<ClassName, RecordShape> nested = new TreeMap<>(Comparator.comparing(ClassName::canonicalName));
    ComponentReader.Result state = components.read(aggregate.element);
    ok &= state.ok();
    nested.putAll(state.nestedShapes());
    List<CommandModel> commandModels = new ArrayList<>();
    for (Member command : aggregate.commands) {
      ComponentReader.Result shape = components.read(command.element);
      ok &= shape.ok();
      nested.putAll(shape.nestedShapes());
      commandModels.add(new CommandModel(command.wireName, shape.shape(), aggregate.handlers.get(command.element).model()));
    }
    List<EventModel> eventModels = new ArrayList<>();
    for (Member event : aggregate.events) {
      ComponentReader.Result shape = components.read(event.element);
      ok &= shape.ok();
      nested.putAll(shape.nestedShapes());
      boolean creating = aggregate.creatingReducers.containsKey(event.element);
      ExecutableElement reducer = creating ? aggregate.creatingReducers.get(event.element) : aggregate.instanceReducers.get(event.element);
      eventModels.add(new EventModel(event.wireName, shape.shape(), new ReducerModel(reducer.getSimpleName().toString(), creating)));
    }
    if (!ok) {
      aggregate.failed = true;
      return null;
    }
    nested.remove(ClassName.get(aggregate.element));
    aggregate.commands.forEach(c -> nested.remove(ClassName.get(c.element)));
    aggregate.events.forEach(e -> nested.remove(ClassName.get(e.element)));
    List<ClassName> handlerOwners = aggregate.handlers.values().stream()
        .map(Handler::model)
        .filter(h -> !h.isStatic() && !h.owner().equals(ClassName.get(aggregate.element)))
        .map(HandlerModel::owner)
        .distinct()
        .sorted(Comparator.comparing(ClassName::canonicalName))
        .toList();
    AggregateNames names = GeneratedNames.forAggregate(ClassName.get(aggregate.element));
    return new AggregateModel(aggregate.wireName, serviceName, ClassName.get(aggregate.element), state.shape(),
        aggregate.initial == null ? null : aggregate.initial.getSimpleName().toString(), aggregate.eventSupertype,
        commandModels, eventModels, handlerOwners, List.copyOf(nested.values()), names);
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private void error(Aggregate aggregate, Diagnostic diagnostic, Element element, Object... arguments) {
    reporter.report(diagnostic, element, arguments);
    if (aggregate != null) {
      aggregate.failed = true;
    }
  }

  private void guarded(Element element, Aggregate aggregate, Runnable work) {
    try {
      work.run();
    } catch (RuntimeException e) {
      reporter.report(Diagnostic.INTERNAL_ERROR, element, e, element.getSimpleName());
      if (aggregate != null) {
        aggregate.failed = true;
      }
    }
  }

  private boolean isString(TypeMirror type) {
    TypeElement element = elementOf(type);
    return element != null && element.getQualifiedName().contentEquals("java.lang.String");
  }

  private TypeElement elementOf(TypeMirror type) {
    return type.getKind() == TypeKind.DECLARED ? (TypeElement) types.asElement(type) : null;
  }

  private PackageElement packageOf(Element element) {
    return elements.getPackageOf(element);
  }

  private static String kindText(TypeElement type) {
    return switch (type.getKind()) {
      case INTERFACE -> "an interface";
      case ENUM -> "an enum";
      case ANNOTATION_TYPE -> "an annotation";
      case RECORD -> "a record";
      default -> "a class";
    };
  }

  private static String kindWord(TypeElement type) {
    return kindText(type).substring(kindText(type).indexOf(' ') + 1);
  }

  private static String typeParameters(List<? extends Element> parameters) {
    return parameters.stream().map(p -> p.getSimpleName().toString()).collect(java.util.stream.Collectors.joining(", ", "<", ">"));
  }

  private static String capitalized(String word) {
    return Character.toUpperCase(word.charAt(0)) + word.substring(1);
  }

  private static String lowerCamel(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static <T> List<T> sorted(List<T> items, java.util.function.Function<T, ? extends Element> element) {
    return items.stream()
        .sorted(Comparator.comparing(i -> qualifiedName(element.apply(i))))
        .toList();
  }

  private static String qualifiedName(Element element) {
    return element instanceof TypeElement t ? t.getQualifiedName().toString()
        : element instanceof PackageElement p ? p.getQualifiedName().toString() : element.toString();
  }
}
