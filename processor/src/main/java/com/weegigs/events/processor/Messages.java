package com.weegigs.events.processor;

import com.weegigs.events.processor.Message.Text;
import java.util.List;
import java.util.Optional;

/**
 * One method per {@link Message}, with typed arguments (simple names, as the user wrote them). The
 * wordings that vary with the case (a suggestion, a hint, the form a fix takes) are chosen here,
 * never pieced together by the code that finds the problem. The shared argument types are in
 * {@link MessageParts}.
 */
public final class Messages {
  private Messages() {}

  // --- 0xx: the processor itself ---------------------------------------------------------------

  /** An exception escaped while processing {@code element}. */
  public static Text internalError(Throwable exception, CharSequence element) {
    return Message.INTERNAL_ERROR.with(exception, element);
  }

  /** {@code where} refers to {@code type}, which never resolved. */
  public static Text unresolvedType(String where, String type) {
    return Message.UNRESOLVED_TYPE.with(where, type);
  }

  /** The runtime is missing, and the code generated for {@code aggregate} needs it. */
  public static Text runtimeMissing(CharSequence aggregate) {
    return Message.RUNTIME_MISSING.with(aggregate);
  }

  // --- 321-329: access rules --------------------------------------------------------------------

  /** Role {@code role} on {@code element} is blank or has whitespace ({@code problem}). */
  public static Text invalidRoleName(String role, String element, String problem) {
    return Message.INVALID_ROLE_NAME.with(role, element, problem);
  }

  /** {@code @RolesAllowed} without a role on {@code element}, which guards {@code what} ({@code send AddItem}). */
  public static Text emptyRolesAllowed(String element, String what) {
    return Message.EMPTY_ROLES_ALLOWED.with(element, what);
  }

  /** {@code element} has both {@code first} and {@code second} (simple annotation names). */
  public static Text conflictingAccess(String element, String first, String second) {
    return Message.CONFLICTING_ACCESS.with(element, first, second);
  }

  /** Handler {@code handler} says {@code handlerRule}, its command {@code command} says {@code commandRule}. */
  public static Text accessDisagrees(String handler, String handlerRule, String command, String commandRule) {
    return Message.ACCESS_DISAGREES.with(handler, handlerRule, command, commandRule);
  }

  /** {@code annotation} on handler class {@code owner}, whose handlers are {@code handlers}. */
  public static Text accessOnHandlerClass(String annotation, String owner, String handlers) {
    return Message.ACCESS_ON_HANDLER_CLASS.with(annotation, owner, handlers);
  }

  /** Role {@code role} listed twice on {@code element}. */
  public static Text duplicateRole(String role, String element) {
    return Message.DUPLICATE_ROLE.with(role, element);
  }

  // --- 1xx: names and versions -----------------------------------------------------------------

  /** Service name {@code name} breaks the grammar for {@code problem}; {@code suggestion} would not. */
  public static Text invalidServiceName(String name, String problem, Optional<String> suggestion) {
    return Message.INVALID_SERVICE_NAME.with(name, problem, suchAs(suggestion));
  }

  /** Service version {@code version} is not a semantic version. */
  public static Text invalidServiceVersion(String version) {
    return Message.INVALID_SERVICE_VERSION.with(version);
  }

  /** Aggregate type {@code type} of {@code aggregate} breaks the grammar. */
  public static Text invalidAggregateType(String type, String aggregate, String problem, Optional<String> suggestion) {
    return Message.INVALID_AGGREGATE_TYPE.with(type, aggregate, problem, suchAs(suggestion));
  }

  /** Command name {@code name} of {@code command} breaks the grammar. */
  public static Text invalidCommandName(String name, String command, String problem, Optional<String> suggestion) {
    return Message.INVALID_COMMAND_NAME.with(name, command, problem, suchAs(suggestion));
  }

  /** Event name {@code name} of {@code event} breaks the grammar. */
  public static Text invalidEventName(String name, String event, String problem, Optional<String> suggestion) {
    return Message.INVALID_EVENT_NAME.with(name, event, problem, suchAs(suggestion));
  }

  private static String suchAs(Optional<String> suggestion) {
    return suggestion.map(s -> ", such as \"" + s + "\"").orElse("");
  }

  // --- 2xx: collisions -------------------------------------------------------------------------

  /** Commands {@code first} and {@code second} of {@code aggregate} share {@code wireName}. */
  public static Text duplicateCommandName(String first, String second, String aggregate, String wireName) {
    return Message.DUPLICATE_COMMAND_NAME.with(first, second, aggregate, wireName);
  }

  /** Events {@code first} and {@code second} of {@code aggregate} share {@code wireName}. */
  public static Text duplicateEventName(String first, String second, String aggregate, String wireName) {
    return Message.DUPLICATE_EVENT_NAME.with(first, second, aggregate, wireName);
  }

  /** Aggregates {@code first} and {@code second} of {@code service} share {@code type}. */
  public static Text duplicateAggregateType(String first, String second, String service, String type) {
    return Message.DUPLICATE_AGGREGATE_TYPE.with(first, second, service, type);
  }

  /** Service {@code name} is declared on both packages. */
  public static Text duplicateService(String name, CharSequence firstPackage, CharSequence secondPackage) {
    return Message.DUPLICATE_SERVICE.with(name, firstPackage, secondPackage);
  }

  /** The type {@code generated} for {@code owner} is also generated for the declaration {@code other}. */
  public static Text generatedNameClash(String generated, MessageParts.GeneratedFor owner, CharSequence other) {
    return Message.GENERATED_NAME_CLASH.with(generated, owner.text(), "the type of that name generated for " + other,
        owner.rename(), "other one");
  }

  /** The type {@code generated} for {@code owner} is taken by an existing type of the kind {@code existingKind}. */
  public static Text generatedNameTaken(String generated, MessageParts.GeneratedFor owner, MessageParts.TypeKind existingKind,
      CharSequence existing) {
    return Message.GENERATED_NAME_CLASH.with(generated, owner.text(), "the existing " + existingKind.word() + " " + existing,
        "that " + existingKind.word(), owner.rename());
  }

  // --- 3xx: command handlers -------------------------------------------------------------------

  /**
   * {@code command} of {@code aggregate} has no handler; the example returns {@code exampleEvent}
   * and takes the state when {@code withState}.
   */
  public static Text commandWithoutHandler(String command, String aggregate, String exampleEvent, boolean withState) {
    String parameters = (withState ? aggregate + " state, " : "") + command + " command";
    return Message.COMMAND_WITHOUT_HANDLER.with(command, aggregate, exampleEvent,
        Character.toLowerCase(command.charAt(0)) + command.substring(1), parameters, aggregate);
  }

  /** {@code command} already has the handler {@code previous}. */
  public static Text duplicateHandler(String command, String previous) {
    return Message.DUPLICATE_HANDLER.with(command, previous);
  }

  /** Handler {@code method} takes no command; {@code unannotatedRecord} is a parameter record that may lack {@code @Command}. */
  public static Text handlerWithoutCommand(String method, Optional<String> unannotatedRecord) {
    return Message.HANDLER_WITHOUT_COMMAND.with(method,
        unannotatedRecord.map(r -> "; is " + r + " missing @Command(aggregate = ...)?").orElse(""));
  }

  /** Handler {@code method} of {@code command} (of {@code aggregate}) is an instance method of the aggregate {@code other}. */
  public static Text handlerOnOtherAggregate(String method, String command, String aggregate, String other) {
    return Message.HANDLER_OF_OTHER_AGGREGATE.with(method, command, aggregate, "it is an instance method of the aggregate " + other,
        aggregate, other);
  }

  /** Handler {@code method} of {@code command} (of {@code aggregate}) takes the state of the aggregate {@code other}. */
  public static Text handlerTakesOtherState(String method, String command, String aggregate, String other) {
    return Message.HANDLER_OF_OTHER_AGGREGATE.with(method, command, aggregate, "it takes the state of " + other, aggregate, other);
  }

  /** Handler {@code method} has the wrong {@code parameters}; {@code form} says which it should have. */
  public static Text handlerBadParameters(String method, String parameters, String command, String aggregate,
      MessageParts.HandlerForm form) {
    String context = "optionally followed by `CommandContext context`";
    String expected = switch (form) {
      case ON_AGGREGATE -> "`(" + command + " command)` on this instance method, the state being the record itself, " + context;
      case WITH_STATE -> "`(" + aggregate + " state, " + command + " command)`, " + context;
      case WITH_STATE_BECAUSE_INITIAL -> "`(" + aggregate + " state, " + command + " command)`, " + context
          + " (" + aggregate + " has an @Initial state, so every handler takes it)";
      case WITH_OR_WITHOUT_STATE -> "`(" + aggregate + " state, " + command + " command)`, or `(" + command
          + " command)` for a creating handler, each " + context;
    };
    return Message.HANDLER_BAD_PARAMETERS.with(method, parameters, command, aggregate, expected);
  }

  /** Handler {@code method} returns {@code returned}; the list example uses {@code eventSupertype} when there is one. */
  public static Text handlerBadReturn(String method, String returned, String aggregate, String exampleEvent,
      Optional<String> eventSupertype) {
    return Message.HANDLER_BAD_RETURN.with(method, returned, aggregate, aggregate, exampleEvent,
        "List<" + eventSupertype.orElse(exampleEvent) + ">");
  }

  /** The {@code @annotation} method {@code method} is private, so {@code stub} cannot call it. */
  public static Text methodPrivate(String annotation, String method, String stub) {
    return Message.METHOD_PRIVATE.with(annotation, method, stub);
  }

  /** The {@code @annotation} method {@code method} declares {@code typeParameters}. */
  public static Text methodGeneric(String annotation, String method, List<String> typeParameters) {
    return Message.METHOD_GENERIC.with(annotation, method, typeParameters(typeParameters));
  }

  /** Handler {@code method} is private or in a type {@code stub} cannot reach ({@code owner}, when it is the type). */
  public static Text handlerNotAccessible(String method, String stub, CharSequence stubPackage,
      Optional<MessageParts.Inaccessible> owner) {
    return Message.HANDLER_NOT_ACCESSIBLE.with(method, stub, stubPackage,
        owner.map(MessageParts.Inaccessible::culprit).orElse("the method"));
  }

  // --- 4xx: reducers and the initial state -----------------------------------------------------

  /** {@code event} of {@code aggregate} has no reducer. */
  public static Text eventWithoutReducer(String event, String aggregate) {
    return Message.EVENT_WITHOUT_REDUCER.with(event, aggregate, aggregate, event, aggregate);
  }

  /** {@code event} already has the reducer {@code previous}. */
  public static Text duplicateReducer(String event, String previous) {
    return Message.DUPLICATE_REDUCER.with(event, previous);
  }

  /** Reducer {@code method} returns {@code returned} instead of {@code aggregate}. */
  public static Text reducerBadReturn(String method, String returned, String aggregate) {
    return Message.REDUCER_BAD_RETURN.with(method, returned, aggregate);
  }

  /** Reducer {@code method} of {@code aggregate} takes its {@code event} and more. */
  public static Text reducerExtraParameters(String method, String parameters, String aggregate, String name, String event) {
    return Message.REDUCER_BAD_PARAMETERS.with(method, parameters, aggregate, aggregate,
        "declare `" + aggregate + " " + name + "(" + event + " event)`");
  }

  /** Reducer {@code method} of {@code aggregate} takes {@code event}, an event of {@code other}. */
  public static Text reducerOfOtherAggregate(String method, String parameters, String aggregate, String event, String other) {
    return Message.REDUCER_BAD_PARAMETERS.with(method, parameters, aggregate, aggregate,
        event + " is an event of " + other + ": move this reducer to " + other);
  }

  /** Reducer {@code method} of {@code aggregate} takes no event of it. */
  public static Text reducerWithoutEvent(String method, String parameters, String aggregate, String exampleEvent) {
    return Message.REDUCER_BAD_PARAMETERS.with(method, parameters, aggregate, aggregate,
        "declare `" + aggregate + " on(" + exampleEvent + " event)`");
  }

  /** Reducer {@code method} is declared in {@code owner}, not an aggregate. */
  public static Text reducerNotOnAggregate(String method, String owner) {
    return Message.REDUCER_NOT_ON_AGGREGATE.with(method, owner, "");
  }

  /** Reducer {@code method} is declared in {@code owner}, not an aggregate; it applies {@code event} of {@code aggregate}. */
  public static Text reducerNotOnAggregate(String method, String owner, String event, String aggregate) {
    return Message.REDUCER_NOT_ON_AGGREGATE.with(method, owner, " (" + event + " is an event of " + aggregate + ")");
  }

  /** Creating reducer {@code method} of {@code event} on {@code aggregate}, which has the initial factory {@code initial}. */
  public static Text staticReducerWithInitial(String method, String aggregate, String event, String initial) {
    return Message.STATIC_REDUCER_WITH_INITIAL.with(method, aggregate, aggregate, event, initial);
  }

  /** The initial factory {@code method} named {@code name} of {@code aggregate} is not static. */
  public static Text initialNotStatic(String method, String aggregate, CharSequence name) {
    return Message.INITIAL_BAD_SIGNATURE.with(method, aggregate, name, "it is not static");
  }

  /** The initial factory {@code method} returns {@code returned}. */
  public static Text initialBadReturn(String method, String aggregate, CharSequence name, String returned) {
    return Message.INITIAL_BAD_SIGNATURE.with(method, aggregate, name, "it returns " + returned);
  }

  /** The initial factory {@code method} takes {@code parameters}. */
  public static Text initialBadParameters(String method, String aggregate, CharSequence name, String parameters) {
    return Message.INITIAL_BAD_SIGNATURE.with(method, aggregate, name, "it takes (" + parameters + ")");
  }

  /** {@code aggregate} already has the initial factory {@code previous}. */
  public static Text duplicateInitial(String aggregate, String previous) {
    return Message.DUPLICATE_INITIAL.with(aggregate, previous);
  }

  /** The initial factory {@code method} is declared in {@code owner}, not an aggregate. */
  public static Text initialNotOnAggregate(String method, String owner) {
    return Message.INITIAL_NOT_ON_AGGREGATE.with(method, owner);
  }

  /** {@code aggregate} has neither an initial factory nor a creating reducer. */
  public static Text noWayToExist(String aggregate) {
    return Message.NO_WAY_TO_EXIST.with(aggregate, aggregate, aggregate);
  }

  /** Creating handler {@code method} returns {@code event}, whose reducer on {@code aggregate} is not static. */
  public static Text creatingEventWithoutCreatingReducer(String method, String event, String aggregate) {
    return Message.CREATING_EVENT_WITHOUT_CREATING_REDUCER.with(method, event, event, aggregate, aggregate, event);
  }

  /** The {@code @annotation} method {@code method} declares the checked exceptions {@code thrown}. */
  public static Text checkedExceptionInReducer(String annotation, String method, List<String> thrown) {
    String list = String.join(", ", thrown);
    return Message.CHECKED_EXCEPTION_IN_REDUCER.with(annotation, method, list, list);
  }

  // --- 5xx: the shape of commands, events and states -------------------------------------------

  /** The {@code declaration} type {@code name} is a {@code kind}, not a record. */
  public static Text notARecord(MessageParts.Declaration declaration, String name, MessageParts.TypeKind kind) {
    return Message.NOT_A_RECORD.with(declaration.title(), name, kind.withArticle(), name);
  }

  /** The {@code declaration} record {@code name} declares {@code typeParameters}. */
  public static Text genericRecord(MessageParts.Declaration declaration, String name, List<String> typeParameters) {
    return Message.GENERIC_RECORD.with(declaration.title(), name, typeParameters(typeParameters));
  }

  /** The {@code declaration} record {@code name} cannot be used from {@code generatedPackage}, for {@code why}. */
  public static Text notAccessible(MessageParts.Declaration declaration, String name, MessageParts.Inaccessible why,
      CharSequence generatedPackage) {
    return Message.NOT_ACCESSIBLE.with(declaration.title(), name, why.reason(), generatedPackage, why.fix());
  }

  /** Component {@code component} of {@code record} has the {@code type} the codecs cannot encode, {@code because}. */
  public static Text unsupportedComponentType(CharSequence component, String record, String type, MessageParts.Unsupported because) {
    return Message.UNSUPPORTED_COMPONENT_TYPE.with(component, record, type, because.clause());
  }

  /** {@code @constraint} on {@code component} of {@code record} does not apply to {@code type}. */
  public static Text constraintNotApplicable(String constraint, CharSequence component, String record, String type,
      MessageParts.AppliesTo appliesTo, MessageParts.Instead instead) {
    return Message.CONSTRAINT_NOT_APPLICABLE.with(constraint, component, record, type, constraint, appliesTo.text(type), instead.text());
  }

  /** {@code @constraint} on {@code component} of {@code record} is not one the validators check. */
  public static Text unsupportedConstraint(String constraint, CharSequence component, String record) {
    return Message.UNSUPPORTED_CONSTRAINT.with(constraint, component, record);
  }

  /** An attribute of {@code @constraint} on {@code component} of {@code record} cannot work. */
  public static Text invalidConstraintAttribute(String constraint, CharSequence component, String record,
      MessageParts.AttributeProblem problem) {
    return Message.INVALID_CONSTRAINT_ATTRIBUTE.with(constraint, component, record, problem.member(), problem.problem(), problem.fix());
  }

  /** The constants {@code first} and {@code second} of {@code enumType} are both {@code wireValue}. */
  public static Text enumWireValueClash(String enumType, CharSequence component, String record, String first, String second,
      String wireValue) {
    return Message.ENUM_WIRE_VALUE_CLASH.with(enumType, component, record, first, second, wireValue);
  }

  /** {@code @constraint} on {@code type}, inside {@code component} of {@code record}, is too deep to be checked. */
  public static Text constraintTooDeep(String constraint, String type, CharSequence component, String record) {
    return Message.CONSTRAINT_TOO_DEEP.with(constraint, type, component, record);
  }

  // --- 6xx: aggregate references ---------------------------------------------------------------

  /** The {@code @annotation} record {@code member} names {@code named}, not an aggregate; {@code closest} is a near one. */
  public static Text notAnAggregate(String annotation, String member, String named, Optional<String> closest) {
    String fix = closest.map(s -> "did you mean " + s + "?")
        .orElse("name the @Aggregate record it belongs to, or annotate " + named + " with @Aggregate");
    return Message.NOT_AN_AGGREGATE.with(annotation, member, named, named, fix);
  }

  /** {@code aggregate} in {@code packageName} has no service. */
  public static Text aggregateWithoutService(String aggregate, CharSequence packageName) {
    return Message.AGGREGATE_WITHOUT_SERVICE.with(aggregate, packageName);
  }

  /** The {@code @annotation} record {@code member} names {@code aggregate}, compiled separately. */
  public static Text aggregateCompiledSeparately(String annotation, String member, String aggregate) {
    return Message.AGGREGATE_COMPILED_SEPARATELY.with(annotation, member, aggregate, member, aggregate);
  }

  /** Handler {@code method} is in the API of {@code service}. */
  public static Text handlerInApi(String method, String service) {
    return Message.HANDLER_IN_API.with(method, service);
  }

  /**
   * Command {@code command} of the API aggregate {@code aggregate} of {@code service} has no handler in
   * this module; {@code handlerClass} is where this module handles the aggregate's other commands.
   */
  public static Text commandWithoutHandlerInImplementation(String command, String aggregate, String service, String exampleEvent,
      boolean withState, String handlerClass) {
    String parameters = (withState ? aggregate + " state, " : "") + command + " command";
    return Message.COMMAND_WITHOUT_HANDLER_IN_IMPLEMENTATION.with(command, aggregate, service, aggregate, exampleEvent,
        Character.toLowerCase(command.charAt(0)) + command.substring(1), parameters, handlerClass);
  }

  /** Handler {@code method} handles {@code command} of {@code aggregate}, compiled with its handlers in {@code service}. */
  public static Text handlerOfCompiledAggregate(String method, String command, String aggregate, String service) {
    return Message.HANDLER_OF_COMPILED_AGGREGATE.with(method, command, aggregate, service);
  }

  /** {@code @annotation member} names {@code aggregate} of the API of {@code service}, compiled apart. */
  public static Text memberNotInApi(String annotation, String member, String aggregate, String service) {
    return Message.MEMBER_NOT_IN_API.with(annotation, member, aggregate, service, member, aggregate);
  }

  /** Handler {@code method} handles a command of the API aggregate {@code aggregate}, whose {@code generated} type is missing. */
  public static Text apiGeneratedTypesMissing(String method, String command, String aggregate, String service, String generated) {
    return Message.API_GENERATED_TYPES_MISSING.with(method, command, aggregate, service, generated);
  }

  /** Upcaster {@code method} is for {@code event} of the API of {@code service}. */
  public static Text upcasterNotInApi(String method, String event, String service) {
    return Message.UPCASTER_NOT_IN_API.with(method, event, service);
  }

  public static Text accessOnImplementedHandler(String annotation, String handler, String service) {
    return Message.ACCESS_ON_IMPLEMENTED_HANDLER.with(annotation, handler, service);
  }


  // --- 7xx: versions and upcasters ------------------------------------------------------------

  /** {@code @Event(version = version)} of {@code event} is below 1. */
  public static Text invalidEventVersion(int version, String event) {
    return Message.INVALID_EVENT_VERSION.with(version, event);
  }

  /** The upcaster {@code method} names {@code named}, which is not an event; {@code explicit} when it was written. */
  public static Text upcasterNotForEvent(String method, String named, boolean explicit) {
    String fix = explicit
        ? "name the event it upcasts with @Upcaster(event = SomeEvent.class, from = ...)"
        : "declare it inside the event record it upcasts, or name the event with @Upcaster(event = SomeEvent.class, from = ...)";
    return Message.UPCASTER_NOT_FOR_EVENT.with(method, named, fix);
  }

  /** The upcaster {@code method} reads {@code from}, outside 1 to {@code version - 1} of {@code event}. */
  public static Text upcasterVersionOutOfRange(String method, int from, String event, int version) {
    String fix = from >= version
        ? "remove it, or raise @Event(version) of " + event + " to " + (from + 1) + " if the record has changed again"
        : "versions start at 1: set from to the version it reads";
    return Message.UPCASTER_VERSION_OUT_OF_RANGE.with(method, from, event, version, version - 1, fix);
  }

  /** {@code event} already has {@code first} upcasting from {@code from}. */
  public static Text duplicateUpcaster(String event, int from, String first) {
    return Message.DUPLICATE_UPCASTER.with(event, from, first);
  }

  /** {@code event}, at {@code version}, has no upcaster from the versions {@code missing}. */
  public static Text missingUpcaster(String event, int version, List<Integer> missing) {
    String versions = missing.stream().map(String::valueOf).reduce((a, b) -> a + ", " + b).orElse("");
    String example = "`@Upcaster(event = " + event + ".class, from = " + missing.get(0) + ") static "
        + (missing.get(0) + 1 == version ? event : event + ".V" + (missing.get(0) + 1)) + " upcast(" + event + ".V" + missing.get(0)
        + " old)`" + (missing.size() > 1 ? " and one for each other version" : "");
    return Message.MISSING_UPCASTER.with(event, version, versions, missing.size() == 1 ? "that version" : "those versions", example);
  }

  /** The upcaster {@code method} is not static. */
  public static Text upcasterNotStatic(String method, CharSequence name) {
    return Message.UPCASTER_BAD_SIGNATURE.with(method, "is not static", "make it static", name, name);
  }

  /** The upcaster {@code method} is private. */
  public static Text upcasterPrivate(String method, CharSequence name, String codecs) {
    return Message.UPCASTER_BAD_SIGNATURE.with(method, "is private, so the generated " + codecs + " cannot call it",
        "make it package-private or public", name, name);
  }

  /**
   * The upcaster {@code method} is not visible from {@code codecs} in {@code packageName}: because of
   * its declaring type ({@code owner}), or, when that is empty, because the method is not public.
   */
  public static Text upcasterNotAccessible(String method, CharSequence name, String codecs, CharSequence packageName,
      Optional<MessageParts.Inaccessible> owner) {
    return Message.UPCASTER_BAD_SIGNATURE.with(method, "is not visible from the generated " + codecs + " in package " + packageName,
        owner.map(MessageParts.Inaccessible::fix).orElse("make it public"), name, name);
  }

  /** The upcaster {@code method} declares type parameters. */
  public static Text upcasterGeneric(String method, CharSequence name, List<String> typeParameters) {
    return Message.UPCASTER_BAD_SIGNATURE.with(method, "declares type parameters " + typeParameters(typeParameters),
        "remove the type parameters", name, name);
  }

  /** The upcaster {@code method} takes {@code count} parameters. */
  public static Text upcasterParameterCount(String method, CharSequence name, int count) {
    return Message.UPCASTER_BAD_SIGNATURE.with(method, "takes " + count + " parameters", "take exactly one", name, name);
  }

  /** The upcaster {@code method} of {@code event} takes {@code type}, neither a record nor a JSON tree. */
  public static Text upcasterParameterNotRecord(String method, String type, int from, String event) {
    return Message.UPCASTER_BAD_PARAMETER.with(method, type, "which is neither a record nor Map<String, Object>", olderForm(from, event));
  }

  /** The upcaster {@code method} takes the current record of {@code event}. */
  public static Text upcasterParameterIsEvent(String method, int from, String event) {
    return Message.UPCASTER_BAD_PARAMETER.with(method, event, "the current version of the event", olderForm(from, event));
  }

  /** The upcaster {@code method} takes the generic record {@code type}. */
  public static Text upcasterParameterGeneric(String method, String type, List<String> typeParameters) {
    return Message.UPCASTER_BAD_PARAMETER.with(method, type, "which declares type parameters " + typeParameters(typeParameters),
        "the generated codec needs concrete types: remove them");
  }

  /** The upcaster {@code method} takes {@code type}, which the generated code cannot name. */
  public static Text upcasterParameterInaccessible(String method, String type, MessageParts.Inaccessible why) {
    return Message.UPCASTER_BAD_PARAMETER.with(method, type, "which is " + why.reason() + ", so the generated codec cannot read it",
        why.fix());
  }

  private static String olderForm(int from, String event) {
    return "take the record of version " + from + " of " + event + " (such as a nested `record V" + from
        + "(...)`), or its JSON as Map<String, Object>";
  }

  /** The JSON upcaster {@code method} returns {@code returned}, not a JSON tree. */
  public static Text upcasterReturnsNotJson(String method, String returned, int from) {
    return Message.UPCASTER_BAD_RETURN.with(method, returned,
        "an upcaster that takes Map<String, Object> returns the JSON of version " + (from + 1) + " as Map<String, Object>");
  }

  /** The record upcaster {@code method} returns {@code returned}, which is not a record. */
  public static Text upcasterReturnsNotRecord(String method, String returned, int from) {
    return Message.UPCASTER_BAD_RETURN.with(method, returned,
        "an upcaster that takes a record returns the record of version " + (from + 1));
  }

  /** The last upcaster {@code method} of {@code event} returns {@code returned}, not the event. */
  public static Text upcasterReturnsNotEvent(String method, String returned, String event, int version) {
    return Message.UPCASTER_BAD_RETURN.with(method, returned,
        "it makes version " + version + ", the current version of " + event + ": return " + event);
  }

  /** The upcaster {@code method} returns {@code returned}, but {@code next} takes {@code taken}. */
  public static Text upcasterReturnsNotNext(String method, String returned, String next, String taken) {
    return Message.UPCASTER_BAD_RETURN.with(method, returned,
        "the next upcaster, " + next + ", takes " + taken + ": return " + taken + ", or make one of them work on JSON");
  }

  /** The upcaster {@code method} declares the checked exception {@code thrown}. */
  public static Text upcasterCheckedException(String method, String thrown) {
    return Message.UPCASTER_CHECKED_EXCEPTION.with(method, thrown, thrown);
  }

  // --- 9xx: warnings ---------------------------------------------------------------------------

  /** {@code aggregate} has {@code events} but no command. */
  public static Text eventsWithoutCommands(String aggregate, List<String> events) {
    return Message.EVENTS_WITHOUT_COMMANDS.with(aggregate, String.join(", ", events), aggregate);
  }

  /** {@code @Valid} on {@code component} of {@code record}, of {@code type}, which holds no record. */
  public static Text validWithoutEffect(CharSequence component, String record, String type) {
    return Message.VALID_WITHOUT_EFFECT.with(component, record, type);
  }

  /** {@code component} of {@code command} holds {@code held}, whose constraints are not cascaded to. */
  public static Text constraintsNotCascaded(CharSequence component, String command, String held) {
    return Message.CONSTRAINTS_NOT_CASCADED.with(component, command, held, held);
  }

  /** No command can create {@code aggregate}; {@code command} is one of its commands. */
  public static Text noCreatingHandler(String aggregate, String command) {
    return Message.NO_CREATING_HANDLER.with(aggregate, command);
  }

  // --- 8xx: the schema lock -------------------------------------------------------------------

  /** Event {@code event}, stored at {@code version} as {@code wireName}, gained the required component {@code path}. */
  public static Text eventComponentAdded(String event, String path, String wireName, int version) {
    return Message.EVENT_COMPONENT_ADDED.with(event, path, wireName, version, version + 1);
  }

  /** Component {@code path}, of {@code type}, of event {@code event} was optional and is now required. */
  public static Text eventComponentNowRequired(String path, String type, String event, String wireName, int version) {
    return Message.EVENT_COMPONENT_NOW_REQUIRED.with(path, type, event, wireName, version, version + 1);
  }

  /** Component {@code path} of event {@code event} was {@code from} and is now {@code to}. */
  public static Text eventComponentTypeChanged(String path, String event, String from, String to, String wireName, int version) {
    return Message.EVENT_COMPONENT_TYPE_CHANGED.with(path, event, from, to, wireName, version, version + 1);
  }

  /** Event {@code wireName} (record {@code event}) of {@code aggregate} is in the lock and no longer declared. */
  public static Text eventRemoved(String wireName, String event, String aggregate) {
    return Message.EVENT_REMOVED.with(wireName, event, aggregate, wireName);
  }

  /** Event {@code event} is now {@code wireName}; the lock has it as {@code lockWireName}. */
  public static Text eventRenamed(String event, String wireName, String lockWireName) {
    return Message.EVENT_RENAMED.with(event, wireName, lockWireName, lockWireName, lockWireName);
  }

  /** Event {@code event} is at {@code version}, below the lock's {@code lockVersion}. */
  public static Text eventVersionLowered(String event, int version, int lockVersion) {
    return Message.EVENT_VERSION_LOWERED.with(event, version, lockVersion, lockVersion);
  }

  /** Aggregate {@code wireName} (state record {@code state}) of {@code service} is in the lock and no longer declared. */
  public static Text aggregateRemoved(String wireName, String state, String service) {
    return Message.AGGREGATE_REMOVED.with(wireName, state, service);
  }

  /** The lock at {@code where} cannot be read {@code because}. */
  public static Text lockUnreadable(String where, String because) {
    return Message.LOCK_UNREADABLE.with(where, because);
  }

  /**
   * Command {@code command} gained the required component {@code path}; callers of {@code service} at
   * {@code lockVersion} break, fixed by {@code nextVersion}.
   */
  public static Text commandComponentAdded(String command, String path, String service, String lockVersion, String nextVersion) {
    return Message.COMMAND_COMPONENT_ADDED.with(command, path, service, lockVersion, nextVersion);
  }

  /** Component {@code path} of command {@code command} was {@code from} and is now {@code to}. */
  public static Text commandComponentChanged(String path, String command, String from, String to, String service, String lockVersion,
      String nextVersion) {
    return Message.COMMAND_COMPONENT_CHANGED.with(path, command, from, to, service, lockVersion, nextVersion);
  }

  /** Command {@code wireName} (record {@code command}) of {@code aggregate} is in the lock and no longer declared. */
  public static Text commandRemoved(String wireName, String command, String aggregate, String service, String lockVersion,
      String nextVersion) {
    return Message.COMMAND_REMOVED.with(wireName, command, aggregate, service, lockVersion, nextVersion);
  }

  /** Command {@code command} is now {@code wireName}; the lock has it as {@code lockWireName}. */
  public static Text commandRenamed(String command, String wireName, String lockWireName, String service, String lockVersion,
      String nextVersion) {
    return Message.COMMAND_RENAMED.with(command, wireName, lockWireName, service, lockVersion, lockWireName, nextVersion);
  }

  private static String typeParameters(List<String> names) {
    return "<" + String.join(", ", names) + ">";
  }

  // --- 10xx: event consumers -------------------------------------------------------------------

  /** Event handler {@code method} has {@code parameters} instead of one event and its optional recorded event. */
  public static Text eventHandlerBadParameters(String method, String parameters, CharSequence name) {
    return Message.EVENT_HANDLER_BAD_PARAMETERS.with(method, parameters, name);
  }

  /**
   * Event handler {@code method} takes {@code type}, which is no event; {@code record} when it is a
   * record (perhaps missing {@code @Event}).
   */
  public static Text eventHandlerNotAnEvent(String method, String type, boolean record) {
    return Message.EVENT_HANDLER_NOT_AN_EVENT.with(method, type, record
        ? "is " + type + " missing @Event(aggregate = ...)?"
        : "take one @Event record, or the sealed interface that the events of one aggregate implement");
  }

  /** Event handler {@code method} returns {@code type}. */
  public static Text eventHandlerBadReturn(String method, String type) {
    return Message.EVENT_HANDLER_BAD_RETURN.with(method, type);
  }

  /** Durable name {@code name} of {@code method} breaks the grammar for {@code problem}. */
  public static Text invalidDurableName(String name, String method, String problem, Optional<String> suggestion) {
    return Message.INVALID_DURABLE_NAME.with(name, method, problem, suchAs(suggestion));
  }

  /** Durable name {@code name} of {@code method} (of {@code aggregate}) is already {@code earlier}'s (of {@code earlierAggregate}). */
  public static Text duplicateDurableName(String name, String method, String aggregate, String earlier, String earlierAggregate) {
    return Message.DUPLICATE_DURABLE_NAME.with(name, method, aggregate, earlier, earlierAggregate);
  }

  /** Live event handler {@code method} sets a start position. */
  public static Text startWithoutDurable(String method) {
    return Message.START_WITHOUT_DURABLE.with(method);
  }

  /** Event handler {@code method} is private; {@code generated} calls it. */
  public static Text eventHandlerPrivate(String method, String generated) {
    return Message.EVENT_HANDLER_PRIVATE.with(method, generated);
  }

  /** Event handler {@code method} is static; {@code generated} calls it on an instance. */
  public static Text eventHandlerStatic(String method, String generated) {
    return Message.EVENT_HANDLER_STATIC.with(method, generated);
  }

  /** Event handler {@code method} declares {@code typeParameters}. */
  public static Text eventHandlerGeneric(String method, List<String> typeParameters) {
    return Message.EVENT_HANDLER_GENERIC.with(method, typeParameters(typeParameters));
  }

  /** Event handler {@code method} takes {@code type}, but the events of {@code aggregate} share {@code shared}. */
  public static Text eventHandlerPartialInterface(String method, String type, String aggregate, String shared) {
    return Message.EVENT_HANDLER_PARTIAL_INTERFACE.with(method, type, aggregate, shared, shared, aggregate);
  }

  /** Event handler {@code method} takes {@code event} of {@code aggregate}, whose {@code client} is missing. */
  public static Text aggregateClientMissing(String method, String event, String aggregate, String client) {
    return Message.AGGREGATE_CLIENT_MISSING.with(method, event, aggregate, client, aggregate);
  }

  /** The class of event handlers {@code name} cannot be named by {@code generated}. */
  public static Text eventHandlerClassNotAccessible(MessageParts.Inaccessible why, String name, String generated) {
    return Message.EVENT_HANDLER_CLASS_NOT_ACCESSIBLE.with(why.kind().word(), name, why.reason(), generated, why.fix());
  }

  /** The class of event handlers {@code name} declares {@code typeParameters}. */
  public static Text eventHandlerClassGeneric(String name, List<String> typeParameters, String generated) {
    return Message.EVENT_HANDLER_CLASS_GENERIC.with(name, typeParameters(typeParameters), generated);
  }

  /** Event handler {@code method} receives {@code aggregate}'s events of {@code service}; {@code earlier} those of {@code earlierService}. */
  public static Text eventHandlersOfTwoServices(String method, String aggregate, String service, String earlier,
      String earlierService, String generated) {
    return Message.EVENT_HANDLERS_OF_TWO_SERVICES.with(method, aggregate, service, earlier, earlierService, generated);
  }

  /** {@code generated}, the subscriptions of {@code handlers}, is the name of the existing {@code existing} of {@code kind}. */
  public static Text subscriptionsNameTaken(String generated, String handlers, MessageParts.TypeKind kind, CharSequence existing) {
    return Message.SUBSCRIPTIONS_NAME_TAKEN.with(generated, handlers, kind.word(), existing, kind.word(), handlers);
  }
}
