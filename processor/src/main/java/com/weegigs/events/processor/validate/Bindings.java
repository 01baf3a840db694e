package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Message;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.names.WireNames;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.read.Mirrors;
import com.weegigs.events.processor.step.Declarations.AggregateDeclaration;
import com.weegigs.events.processor.step.Declarations.MemberDeclaration;
import com.weegigs.events.processor.step.Declarations.UpcasterDeclaration;
import com.weegigs.events.processor.step.Declarations;
import com.weegigs.events.processor.step.ApiAggregates;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.read.ServiceAnnotation;
import com.weegigs.events.processor.read.ServicePackages;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;

/**
 * One round's declarations sorted by the aggregate they belong to, before anything about them is
 * checked. A declaration that belongs to no aggregate (a command naming a class that is not one, a
 * handler without a command, a reducer outside an aggregate) is reported here, in the report of
 * its package: it may have been meant for any aggregate there, so it holds back their warnings
 * about something missing, and no others.
 */
final class Bindings {
  /**
   * What belongs to one aggregate, as declared.
   *
   * @param declaration the aggregate
   * @param commands its commands, by qualified name
   * @param events its events, by qualified name
   * @param initials the {@code @Initial} methods declared in it
   * @param reducers the {@code @Reducer} methods declared in it
   * @param foreignReducers {@code @Reducer} methods declared outside any aggregate that apply one of its events
   * @param handlers the {@code @CommandHandler} methods of its commands, wherever declared
   * @param upcasters the {@code @Upcaster} methods of its events, wherever declared
   * @param implemented whether the aggregate is an API's, read from the class path, that this compilation implements
   */
  record AggregateScope(AggregateDeclaration declaration, List<MemberDeclaration> commands, List<MemberDeclaration> events,
      List<ExecutableElement> initials, List<ExecutableElement> reducers, List<ForeignReducer> foreignReducers,
      List<HandlerDeclaration> handlers, List<UpcasterDeclaration> upcasters, boolean implemented) {
    /** The aggregate record. */
    TypeElement element() {
      return declaration.element();
    }
  }

  /** A reducer declared outside any aggregate, applying {@code event}. */
  record ForeignReducer(ExecutableElement method, TypeElement event) {}

  /** A command handler: {@code method}'s parameter {@code commandIndex} is the command {@code command}. */
  record HandlerDeclaration(ExecutableElement method, int commandIndex, TypeElement command) {}

  private final Env env;
  private final Map<TypeElement, AggregateScope> scopes = new LinkedHashMap<>();
  /** Every declared event, with the aggregate it names when that is one of this round's. */
  private final Map<TypeElement, Optional<TypeElement>> eventOwners = new LinkedHashMap<>();
  private final Map<String, ValidationReport.Builder> orphans = new TreeMap<>();
  private final Map<String, ValidationReport> orphanReports = new TreeMap<>();
  private Set<Element> fromClassPath = Set.of();
  /** Every command of this round, and those read from the class path for an API it implements. */
  private final Set<TypeElement> declaredCommands = new HashSet<>();

  private Bindings(Env env) {
    this.env = env;
  }

  /** Sorts {@code declarations} by aggregate. */
  static Bindings of(Env env, Declarations declarations) {
    Bindings bindings = new Bindings(env);
    bindings.bind(declarations);
    return bindings;
  }

  /** The aggregates, by qualified name. */
  List<AggregateScope> scopes() {
    return List.copyOf(scopes.values());
  }

  /** Whether {@code type} is one of this round's aggregates. */
  boolean isAggregate(TypeElement type) {
    return scopes.containsKey(type);
  }

  /** The aggregate the declared event {@code type} belongs to; {@code null} when it is not a declared event. */
  Optional<TypeElement> eventOwner(TypeElement type) {
    return eventOwners.get(type);
  }

  /** Whether {@code type} is a declared event. */
  boolean isEvent(TypeElement type) {
    return eventOwners.containsKey(type);
  }

  /** The reports of declarations that belong to no aggregate, by package. */
  List<ValidationReport> orphans() {
    return List.copyOf(orphanReports.values());
  }

  /** The report of declarations in {@code pkg} that belong to no aggregate, if there are any. */
  Optional<ValidationReport> orphans(PackageElement pkg) {
    return Optional.ofNullable(orphanReports.get(pkg.getQualifiedName().toString()));
  }

  private ValidationReport.Builder orphanReport(Element element) {
    PackageElement pkg = env.packageOf(element);
    return orphans.computeIfAbsent(pkg.getQualifiedName().toString(), k -> ValidationReport.about(pkg));
  }

  private void bind(Declarations declarations) {
    fromClassPath = declarations.fromClassPath();
    for (AggregateDeclaration declaration : sorted(declarations.aggregates(), AggregateDeclaration::element)) {
      scopes.put(declaration.element(), new AggregateScope(declaration, new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
          new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), fromClassPath.contains(declaration.element())));
    }
    declarations.commands().forEach(c -> declaredCommands.add(c.element()));
    for (MemberDeclaration command : sorted(declarations.commands(), MemberDeclaration::element)) {
      target(command, "Command").ifPresent(scope -> scope.commands().add(command));
    }
    for (MemberDeclaration event : sorted(declarations.events(), MemberDeclaration::element)) {
      Optional<AggregateScope> scope = target(event, "Event");
      eventOwners.put(event.element(), scope.map(AggregateScope::element));
      scope.ifPresent(s -> s.events().add(event));
    }
    for (ExecutableElement method : declarations.initials()) {
      AggregateScope scope = scopes.get((TypeElement) method.getEnclosingElement());
      if (scope == null) {
        orphanReport(method).add(Messages.initialNotOnAggregate(TypeText.method(method),
            TypeText.simple((TypeElement) method.getEnclosingElement())), method);
      } else {
        scope.initials().add(method);
      }
    }
    declarations.reducers().forEach(this::bindReducer);
    declarations.handlers().forEach(this::bindHandler);
    declarations.upcasters().forEach(this::bindUpcaster);
    orphans.forEach((pkg, report) -> orphanReports.put(pkg, report.build()));
  }

  /** The aggregate {@code member} names; reports it when that is not one of this round's. */
  private Optional<AggregateScope> target(MemberDeclaration member, String annotation) {
    TypeElement element = member.element();
    TypeElement target = (TypeElement) env.types().asElement(member.annotation().aggregate().orElseThrow());
    AggregateScope scope = scopes.get(target);
    Optional<ServiceAnnotation> api = apiOf(target);
    if (api.isPresent() && (scope == null || scope.implemented()) && !fromClassPath.contains(element)) {
      orphanReport(element).addOnValue(Messages.memberNotInApi(annotation, TypeText.simple(element), TypeText.simple(target),
          api.get().name()), element, member.annotation().mirror(), "aggregate");
      return Optional.empty();
    }
    if (scope != null) {
      return Optional.of(scope);
    }
    if (Mirrors.has(target, AnnotationNames.AGGREGATE)) {
      orphanReport(element).addOnValue(Messages.aggregateCompiledSeparately(annotation, TypeText.simple(element), TypeText.simple(target)),
          element, member.annotation().mirror(), "aggregate");
    } else {
      String named = TypeText.simple(target);
      List<String> known = scopes.keySet().stream().map(TypeText::simple).toList();
      orphanReport(element).addOnValue(Messages.notAnAggregate(annotation, TypeText.simple(element), named, WireNames.closest(named, known)),
          element, member.annotation().mirror(), "aggregate");
    }
    return Optional.empty();
  }

  private void bindReducer(ExecutableElement method) {
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    AggregateScope scope = scopes.get(owner);
    if (scope != null) {
      scope.reducers().add(method);
      return;
    }
    Optional<TypeElement> event = method.getParameters().stream()
        .map(p -> env.elementOf(p.asType()))
        .filter(t -> t != null && isEvent(t))
        .findFirst();
    Optional<TypeElement> eventOwner = event.flatMap(this::eventOwner);
    if (eventOwner.isPresent()) {
      scopes.get(eventOwner.get()).foreignReducers().add(new ForeignReducer(method, event.get()));
    } else {
      orphanReport(method).add(Messages.reducerNotOnAggregate(TypeText.method(method), TypeText.simple(owner)), method);
    }
  }

  private void bindHandler(ExecutableElement method) {
    Optional<TypeElement> handled = ApiAggregates.handledCommand(method);
    if (handled.isPresent()) {
      TypeElement command = handled.get();
      int index = method.getParameters().stream().map(p -> env.elementOf(p.asType())).toList().indexOf(command);
      Optional<AggregateScope> scope = scopes.values().stream()
          .filter(s -> s.commands().stream().anyMatch(c -> c.element().equals(command)))
          .findFirst();
      if (scope.isPresent()) {
        scope.get().handlers().add(new HandlerDeclaration(method, index, command));
      } else if (!declaredCommands.contains(command)) {
        compiledElsewhere(method, command);
      }
      // else: a command that is not one of an aggregate's has an error of its own: the root cause.
      return;
    }
    List<? extends VariableElement> parameters = method.getParameters();
    Optional<String> unannotated = parameters.stream()
        .map(p -> env.elementOf(p.asType()))
        .filter(t -> t != null && t.getKind() == ElementKind.RECORD && !Mirrors.has(t, AnnotationNames.AGGREGATE))
        .map(TypeText::simple)
        .findFirst();
    orphanReport(method).add(Messages.handlerWithoutCommand(TypeText.method(method), unannotated), method);
  }

  /**
   * Reports a handler of {@code command}, a command from the class path that no aggregate of this
   * round has: its aggregate was compiled with its own handlers, or is an API whose generated types
   * are missing.
   */
  private void compiledElsewhere(ExecutableElement method, TypeElement command) {
    Optional<TypeElement> aggregate = ApiAggregates.aggregateOf(env.elements(), command, AnnotationNames.COMMAND);
    if (aggregate.isEmpty()) {
      return; // The command's own compilation reported it.
    }
    Optional<ServiceAnnotation> service = ServicePackages.annotation(env.elements(), aggregate.get());
    if (service.isEmpty()) {
      return;
    }
    String commandName = TypeText.simple(command);
    String aggregateName = TypeText.simple(aggregate.get());
    if (service.get().api()) {
      String codecs = GeneratedNames.forAggregate(com.palantir.javapoet.ClassName.get(aggregate.get())).codecs().simpleName();
      orphanReport(method).add(Messages.apiGeneratedTypesMissing(TypeText.method(method), commandName, aggregateName,
          service.get().name(), codecs), method);
    } else {
      orphanReport(method).add(Messages.handlerOfCompiledAggregate(TypeText.method(method), commandName, aggregateName,
          service.get().name()), method);
    }
  }

  /** What the {@code @Service} of {@code aggregate} says, when it is an API compiled apart from this round. */
  private Optional<ServiceAnnotation> apiOf(TypeElement aggregate) {
    AggregateScope scope = scopes.get(aggregate);
    if (scope != null && !scope.implemented()) {
      return Optional.empty();
    }
    return ServicePackages.annotation(env.elements(), aggregate).filter(ServiceAnnotation::api);
  }

  private void bindUpcaster(UpcasterDeclaration upcaster) {
    TypeElement event = upcaster.annotation().event().orElseThrow();
    if (isEvent(event)) {
      // An event that belongs to no aggregate has an error of its own: the root cause.
      eventOwner(event).ifPresent(owner -> scopes.get(owner).upcasters().add(upcaster));
      return;
    }
    ExecutableElement method = upcaster.method();
    Message.Text text = Messages.upcasterNotForEvent(TypeText.method(method), TypeText.simple(event), upcaster.annotation().explicitEvent());
    if (upcaster.annotation().explicitEvent()) {
      orphanReport(method).addOnValue(text, method, upcaster.annotation().mirror(), "event");
    } else {
      orphanReport(method).add(text, method);
    }
  }

  private static <T> List<T> sorted(List<T> items, Function<T, ? extends Element> element) {
    return items.stream().sorted(Comparator.comparing(i -> qualifiedName(element.apply(i)))).toList();
  }

  private static String qualifiedName(Element element) {
    return element instanceof TypeElement t ? t.getQualifiedName().toString()
        : element instanceof PackageElement p ? p.getQualifiedName().toString() : element.toString();
  }
}
