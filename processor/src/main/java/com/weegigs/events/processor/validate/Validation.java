package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.MessageParts.GeneratedFor;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.AggregateNames;
import com.weegigs.events.processor.model.AggregateRole;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.AccessModel;
import com.weegigs.events.processor.model.HandlerModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ReducerModel;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.step.Declarations;
import com.weegigs.events.processor.validate.AggregateValidator.Member;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import com.weegigs.events.processor.validate.HandlerValidator.Handlers;
import com.weegigs.events.processor.validate.ReducerValidator.Reducers;
import com.weegigs.events.processor.validate.ServiceValidator.CheckedService;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Supplier;
import javax.annotation.processing.ProcessingEnvironment;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.type.TypeMirror;

/**
 * Validates one round's declarations: each aggregate on its own, with one validator per kind of
 * declaration, into a report of its own. An aggregate's report includes the report of its service
 * and of the declarations in its package that belong to no aggregate, and nothing of any other
 * aggregate, so an error in one never hides or changes the messages of another.
 */
public final class Validation {
  /**
   * An aggregate after validation.
   *
   * @param element the aggregate record
   * @param report everything found about it
   * @param validated what the assembler builds its model from, present only when {@code report} is clean
   * @param role what this compilation holds of it
   * @param anchor where its generated files come from and its own problems are reported: the record,
   *     or, for an API aggregate read from the class path, the first class of this compilation that
   *     handles one of its commands
   */
  public record AggregateCheck(TypeElement element, ValidationReport report, Optional<ValidatedAggregate> validated,
      AggregateRole role, TypeElement anchor) {}

  /**
   * A service after validation.
   *
   * @param service the service and its own report
   * @param report its report with the clashes of the names generated for it
   * @param aggregates its aggregates that are records, by qualified name
   */
  public record ServiceCheck(CheckedService service, ValidationReport report, List<AggregateCheck> aggregates) {}

  /**
   * The round after validation.
   *
   * @param services every service, by package name
   * @param reports every report, for printing
   */
  public record Result(List<ServiceCheck> services, List<ValidationReport> reports) {}

  /** One aggregate while it is validated. */
  private record Run(Bindings.AggregateScope scope, ValidationReport.Builder report, String wireName, Members members,
      Reducers reducers, Handlers handlers, Optional<TypeElement> eventSupertype, UpcasterValidator.Upcasters upcasters,
      AggregateRole role, TypeElement anchor, AccessValidator.Rules access) {}

  private final Env env;

  /** Validation for one round. */
  public Validation(ProcessingEnvironment environment) {
    this.env = new Env(environment);
  }

  /** Validates {@code declarations}. */
  public Result validate(Declarations declarations) {
    Bindings bindings = Bindings.of(env, declarations);
    ServiceValidator services = new ServiceValidator(env, declarations.services());
    ComponentReader components = new ComponentReader(env.elements());
    List<ValidationReport> reports = new ArrayList<>(bindings.orphans());
    Map<String, List<Run>> byService = new TreeMap<>();
    // Services with an aggregate that could not be validated at all: their own files wait for it.
    Set<String> unfinished = new HashSet<>();
    for (Bindings.AggregateScope scope : bindings.scopes()) {
      ValidationReport.Builder report = ValidationReport.about(scope.element());
      Optional<CheckedService> service = services.serviceOf(scope.element());
      Optional<Run> run;
      try {
        run = run(bindings, components, scope, service, report);
      } catch (RuntimeException e) {
        report.add(Messages.internalError(e, scope.element().getSimpleName()), scope.element());
        service.ifPresent(s -> unfinished.add(s.packageName()));
        run = Optional.empty();
      }
      if (run.isPresent()) {
        byService.computeIfAbsent(service.orElseThrow().packageName(), k -> new ArrayList<>()).add(run.get());
      } else {
        reports.add(report.build());
      }
    }
    services.all().forEach(s -> byService.computeIfAbsent(s.packageName(), k -> new ArrayList<>()));
    GeneratedNameValidator names = new GeneratedNameValidator(env.elements());
    List<ServiceCheck> checked = new ArrayList<>();
    for (CheckedService service : services.all()) {
      ServiceCheck result = service(service, byService.get(service.packageName()), unfinished.contains(service.packageName()),
          names, components);
      reports.add(result.report());
      result.aggregates().forEach(a -> reports.add(a.report()));
      checked.add(result);
    }
    return new Result(checked, reports);
  }

  private ServiceCheck service(CheckedService service, List<Run> runs, boolean unfinished, GeneratedNameValidator names,
      ComponentReader components) {
    ServiceValidator.aggregateTypes(service,
        runs.stream().map(r -> new ServiceValidator.Typed(r.scope(), r.wireName(), r.report())).toList());
    ValidationReport.Builder serviceReport = ValidationReport.about(service.element()).addSubreport(service.report());
    if (unfinished) {
      serviceReport.markDirty();
    }
    if (service.declaredInRound() && service.report().isClean()) {
      names.claim(GeneratedNames.all(GeneratedNames.forService(service.packageName(), service.annotation().name())), service.element(),
          GeneratedFor.service(service.annotation().name()), serviceReport);
    }
    List<AggregateCheck> aggregates = new ArrayList<>();
    for (Run run : runs) {
      TypeElement element = run.scope().element();
      names.claim(generatedNames(element, run.role()), run.anchor(), GeneratedFor.aggregate(TypeText.simple(element)), run.report());
      Optional<ValidatedAggregate> validated = run.report().isClean()
          ? guarded(run.anchor(), run.report(), () -> Optional.of(validated(run, components)))
          : Optional.empty();
      aggregates.add(new AggregateCheck(element, run.report().build(), validated, run.role(), run.anchor()));
    }
    return new ServiceCheck(service, serviceReport.build(), aggregates);
  }

  /** The names of the types this compilation generates for {@code aggregate}. */
  private static List<ClassName> generatedNames(TypeElement aggregate, AggregateRole role) {
    AggregateNames names = GeneratedNames.forAggregate(ClassName.get(aggregate));
    return switch (role) {
      case COMPLETE -> GeneratedNames.all(names);
      case API -> GeneratedNames.all(names).stream().filter(name -> !name.equals(names.stub())).toList();
      case IMPLEMENTATION -> List.of(names.stub());
    };
  }

  /** Runs the validators of one aggregate; empty when the aggregate record itself is unusable. */
  private Optional<Run> run(Bindings bindings, ComponentReader components, Bindings.AggregateScope scope,
      Optional<CheckedService> service, ValidationReport.Builder report) {
    TypeElement element = scope.element();
    service.ifPresent(s -> report.addSubreport(s.report()));
    bindings.orphans(env.packageOf(element)).ifPresent(report::addSubreport);
    ReducerValidator reducerValidator = new ReducerValidator(env, bindings);
    Set<TypeElement> reducedElsewhere = reducerValidator.foreign(scope, report);
    AggregateValidator aggregates = new AggregateValidator(env);
    boolean usable = aggregates.usable(scope, report);
    String wireName = aggregates.wireName(scope, report);
    if (!usable) {
      // The aggregate's own error is the root cause: say nothing more about what belongs to it.
      return Optional.empty();
    }
    Members members = aggregates.members(scope, report);
    Optional<TypeElement> supertype = eventSupertype(element, members);
    Reducers reducers = reducerValidator.validate(scope, members, reducedElsewhere, report);
    AggregateRole role = scope.implemented() ? AggregateRole.IMPLEMENTATION
        : service.filter(s -> s.annotation().api()).isPresent() ? AggregateRole.API
        : AggregateRole.COMPLETE;
    // An API aggregate from the class path has no source: what is missing is reported where it is handled.
    TypeElement anchor = role == AggregateRole.IMPLEMENTATION && !scope.handlers().isEmpty()
        ? (TypeElement) scope.handlers().get(0).method().getEnclosingElement()
        : element;
    Handlers handlers;
    if (role == AggregateRole.API) {
      String serviceName = service.orElseThrow().annotation().name();
      scope.handlers().forEach(h -> report.add(Messages.handlerInApi(TypeText.method(h.method()), serviceName), h.method()));
      handlers = new Handlers(Map.of(), Map.of());
    } else {
      handlers = new HandlerValidator(env, bindings).validate(scope, members, reducers, supertype, report);
    }
    new CompletenessValidator(env).validate(scope, members, reducers, handlers, role, anchor, report);
    AccessValidator access = new AccessValidator(env);
    if (role == AggregateRole.IMPLEMENTATION) {
      // The API's codecs carry each command's access rule; a rule on a handler here could not reach them.
      access.refuseOnHandlers(handlers, service.orElseThrow().annotation().name(), report);
      // The API's compilation checked its records and upcasters; an upcaster here would never run.
      String serviceName = service.orElseThrow().annotation().name();
      for (Declarations.UpcasterDeclaration upcaster : scope.upcasters()) {
        ExecutableElement method = upcaster.method();
        report.add(Messages.upcasterNotInApi(TypeText.method(method), TypeText.simple(upcaster.annotation().event().orElseThrow()),
            serviceName), method);
      }
      return Optional.of(new Run(scope, report, wireName, members, reducers, handlers, supertype,
          new UpcasterValidator.Upcasters(Map.of(), Set.of()), role, anchor, AccessValidator.Rules.NONE));
    }
    AccessValidator.Rules rules = access.validate(scope, members, handlers, report);
    // Read every record whatever else is wrong, so every independent problem shows at once.
    report.addSubreport(components.read(element).report());
    for (Member command : members.commands()) {
      if (!members.faulty().contains(command.element())) {
        ValidationReport shape = components.read(command.element()).report();
        report.addSubreport(shape);
        if (shape.isClean()) {
          components.checkCascade(command.element(), report);
        }
      }
    }
    for (Member event : members.events()) {
      if (!members.faulty().contains(event.element())) {
        report.addSubreport(components.read(event.element()).report());
      }
    }
    UpcasterValidator.Upcasters upcasters = new UpcasterValidator(env).validate(scope, members, report);
    for (TypeElement older : upcasters.records()) {
      report.addSubreport(components.read(older).report());
    }
    if (service.isEmpty()) {
      report.add(Messages.aggregateWithoutService(TypeText.simple(element), env.packageOf(element).getQualifiedName()), element);
      return Optional.empty();
    }
    return Optional.of(new Run(scope, report, wireName, members, reducers, handlers, supertype, upcasters, role, anchor, rules));
  }

  /**
   * What the assembler needs of an aggregate whose report is clean. The records of an API aggregate
   * read from the class path are not read again: only its stub is written, which names them and
   * nothing of their components.
   */
  private ValidatedAggregate validated(Run run, ComponentReader components) {
    TypeElement element = run.scope().element();
    Function<TypeElement, ComponentReader.Result> read = run.role() == AggregateRole.IMPLEMENTATION
        ? record -> new ComponentReader.Result(new RecordShape(ClassName.get(record), List.of()), ValidationReport.about(record).build(),
            Map.of(), false)
        : components::read;
    ComponentReader.Result state = read.apply(element);
    Map<ClassName, RecordShape> reachable = new LinkedHashMap<>(state.nestedShapes());
    List<CommandModel> commands = new ArrayList<>();
    for (Member command : run.members().commands()) {
      ComponentReader.Result shape = read.apply(command.element());
      reachable.putAll(shape.nestedShapes());
      Optional<HandlerModel> handler = Optional.ofNullable(run.handlers().valid().get(command.element())).map(HandlerValidator.Handler::model);
      commands.add(new CommandModel(command.wireName(), shape.shape(), handler,
          run.access().commands().getOrDefault(command.element(), AccessModel.PERMIT_ALL)));
    }
    List<EventModel> events = new ArrayList<>();
    for (Member event : run.members().events()) {
      ComponentReader.Result shape = read.apply(event.element());
      reachable.putAll(shape.nestedShapes());
      Reducers reducers = run.reducers();
      boolean creating = reducers.creatingReducers().containsKey(event.element());
      ExecutableElement reducer = creating
          ? reducers.creatingReducers().get(event.element())
          : reducers.instanceReducers().get(event.element());
      events.add(new EventModel(event.wireName(), event.version(), shape.shape(), new ReducerModel(reducer.getSimpleName().toString(), creating),
          run.upcasters().chains().getOrDefault(event.element(), List.of())));
    }
    for (TypeElement older : run.upcasters().records()) {
      ComponentReader.Result shape = read.apply(older);
      reachable.put(shape.shape().type(), shape.shape());
      reachable.putAll(shape.nestedShapes());
    }
    TypeName supertype = run.eventSupertype().<TypeName>map(ClassName::get).orElse(ClassName.OBJECT);
    return new ValidatedAggregate(element, run.wireName(), state.shape(),
        run.reducers().initial().map(m -> m.getSimpleName().toString()), supertype, commands, events, reachable,
        run.access().query());
  }

  /** The most specific non-generic type every event is a subtype of, preferring sealed types and the aggregate's package. */
  private Optional<TypeElement> eventSupertype(TypeElement aggregate, Members members) {
    List<TypeElement> eventTypes = members.events().stream().map(Member::element).toList();
    if (eventTypes.isEmpty()) {
      return Optional.empty();
    }
    Set<TypeElement> candidates = new LinkedHashSet<>();
    collectSupertypes(eventTypes.get(0).asType(), candidates);
    candidates.removeIf(c -> !c.getTypeParameters().isEmpty() || eventTypes.stream().anyMatch(e -> !env.isA(e, c)));
    return candidates.stream()
        .filter(c -> candidates.stream().noneMatch(d -> d != c && env.isA(d, c)))
        .min(Comparator.<TypeElement, Boolean>comparing(c -> !c.getModifiers().contains(Modifier.SEALED))
            .thenComparing(c -> !env.packageOf(c).equals(env.packageOf(aggregate)))
            .thenComparing(c -> c.getQualifiedName().toString()));
  }

  private void collectSupertypes(TypeMirror type, Set<TypeElement> into) {
    for (TypeMirror supertype : env.types().directSupertypes(type)) {
      TypeElement element = (TypeElement) env.types().asElement(supertype);
      String name = element.getQualifiedName().toString();
      if (!name.equals("java.lang.Object") && !name.equals("java.lang.Record") && into.add(element)) {
        collectSupertypes(supertype, into);
      }
    }
  }

  /** Runs {@code work}; an exception becomes an error on {@code element} ("internal error, please report"), never a crash. */
  private static <T> Optional<T> guarded(TypeElement element, ValidationReport.Builder report,
      Supplier<Optional<T>> work) {
    try {
      return work.get();
    } catch (RuntimeException e) {
      report.add(Messages.internalError(e, element.getSimpleName()), element);
      return Optional.empty();
    }
  }
}
