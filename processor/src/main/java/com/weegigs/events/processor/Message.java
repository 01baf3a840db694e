package com.weegigs.events.processor;

import com.weegigs.events.processor.names.WireNames;
import javax.tools.Diagnostic.Kind;

/**
 * Every message the processor reports: one catalogue, with a stable id (shown in brackets at the
 * start of the message, so it can be searched for in the README), a kind and a whole sentence.
 * Each sentence says what is wrong, where, and how to fix it; its {@code %s} placeholders take
 * simple names. Code never fills a template itself: {@link Messages} has one method per message,
 * with typed arguments, and owns every wording that varies. The processor's README lists every
 * entry with its fix.
 */
public enum Message {
  // --- 0xx: the processor itself ---------------------------------------------------------------
  /** An exception escaped the processor: reported on the element being processed, never a crash. */
  INTERNAL_ERROR("WEE-001", Kind.ERROR, "internal error in wee-events processor, please report: %s while processing %s"),
  /** A type stayed unresolvable through the last round. */
  UNRESOLVED_TYPE("WEE-002", Kind.ERROR,
      "%s refers to %s, which could not be resolved by the end of compilation; check the import or"
          + " the spelling, or make sure the processor that generates it runs"),

  /** The generated code needs the runtime, which is not on the class path. */
  RUNTIME_MISSING("WEE-003", Kind.ERROR,
      "the wee-events runtime is not on the class path, and the code generated for %s needs it; add the dependency"
          + " com.weegigs.events:wee-events-runtime"),

  // --- 1xx: names and versions -----------------------------------------------------------------
  /** A service name breaks the grammar. */
  INVALID_SERVICE_NAME("WEE-101", Kind.ERROR,
      "service name \"%s\" is not valid: %s; use " + WireNames.NAME_RULE + "%s"),
  /** A service version is not a semantic version. */
  INVALID_SERVICE_VERSION("WEE-102", Kind.ERROR,
      "service version \"%s\" is not a semantic version; use MAJOR.MINOR.PATCH with an optional"
          + " lower-case pre-release, such as \"1.0.0\" or \"2.1.0-rc.1\""),
  /** An aggregate type (explicit or derived) breaks the grammar. */
  INVALID_AGGREGATE_TYPE("WEE-103", Kind.ERROR,
      "aggregate type \"%s\" of %s is not valid: %s; set @Aggregate(type = ...) to " + WireNames.NAME_RULE + "%s"),
  /** A command name (explicit or derived) breaks the grammar. */
  INVALID_COMMAND_NAME("WEE-104", Kind.ERROR,
      "command name \"%s\" of %s is not valid: %s; set @Command(name = ...) to " + WireNames.NAME_RULE + "%s"),
  /** An event name (explicit or derived) breaks the grammar. */
  INVALID_EVENT_NAME("WEE-105", Kind.ERROR,
      "event name \"%s\" of %s is not valid: %s; set @Event(name = ...) to " + WireNames.NAME_RULE + "%s"),

  // --- 2xx: collisions -------------------------------------------------------------------------
  /** Two commands of one aggregate share a wire name. */
  DUPLICATE_COMMAND_NAME("WEE-201", Kind.ERROR,
      "commands %s and %s of %s both have the wire name \"%s\"; give one of them another name with"
          + " @Command(name = ...)"),
  /** Two events of one aggregate share a wire name. */
  DUPLICATE_EVENT_NAME("WEE-202", Kind.ERROR,
      "events %s and %s of %s both have the wire name \"%s\"; give one of them another name with"
          + " @Event(name = ...)"),
  /** Two aggregates of one service share a type. */
  DUPLICATE_AGGREGATE_TYPE("WEE-203", Kind.ERROR,
      "aggregates %s and %s of service \"%s\" both have the type \"%s\"; give one of them another"
          + " type with @Aggregate(type = ...)"),
  /** Two @Service declarations claim one service name. */
  DUPLICATE_SERVICE("WEE-204", Kind.ERROR,
      "service \"%s\" is declared twice, on package %s and on package %s; a service is declared once:"
          + " rename one of them, or remove this @Service so the package belongs to the other"),
  /** A generated name is taken. */
  GENERATED_NAME_CLASH("WEE-205", Kind.ERROR,
      "the type %s that wee-events generates for %s clashes with %s; rename %s, or the %s"),

  // --- 3xx: command handlers -------------------------------------------------------------------
  /** A command nobody handles. */
  COMMAND_WITHOUT_HANDLER("WEE-301", Kind.ERROR,
      "command %s of %s has no @CommandHandler; add a method such as"
          + " `@CommandHandler %s %s(%s)` to %s or to a handler class"),
  /** A command handled twice. */
  DUPLICATE_HANDLER("WEE-302", Kind.ERROR,
      "command %s already has a @CommandHandler, %s; a command has exactly one handler: remove one of them"),
  /** A handler without a command parameter. */
  HANDLER_WITHOUT_COMMAND("WEE-303", Kind.ERROR,
      "@CommandHandler %s takes no @Command record; a handler takes (State state, Cmd command[,"
          + " CommandContext context]) where Cmd is annotated @Command%s"),
  /** A handler whose command belongs to another aggregate than its state or owner. */
  HANDLER_OF_OTHER_AGGREGATE("WEE-304", Kind.ERROR,
      "@CommandHandler %s handles %s, a command of %s, but %s; take the state of %s, or handle a"
          + " command of %s"),
  /** A handler with the wrong parameters. */
  HANDLER_BAD_PARAMETERS("WEE-305", Kind.ERROR,
      "@CommandHandler %s has the parameters (%s); for command %s of %s declare %s"),
  /** A handler with the wrong return type. */
  HANDLER_BAD_RETURN("WEE-306", Kind.ERROR,
      "@CommandHandler %s returns %s, which is not an event of %s; return one @Event of %s (such as"
          + " %s) or a List of them (%s)"),
  /** A private handler, reducer or initial factory. */
  METHOD_PRIVATE("WEE-307", Kind.ERROR,
      "@%s %s is private, so the generated %s cannot call it; make it package-private or public"),
  /** A generic handler, reducer or initial factory. */
  METHOD_GENERIC("WEE-308", Kind.ERROR,
      "@%s %s declares type parameters %s; the generated code calls it with concrete types: remove"
          + " the type parameters"),
  /** A handler the generated stub cannot reach. */
  HANDLER_NOT_ACCESSIBLE("WEE-309", Kind.ERROR,
      "@CommandHandler %s is not visible from the generated %s in package %s; make %s public"),

  // --- 321-329: access rules (jakarta.annotation.security) -------------------------------------
  /** A role name that is blank or has whitespace. */
  INVALID_ROLE_NAME("WEE-321", Kind.ERROR,
      "role \"%s\" in @RolesAllowed on %s is not a role name: %s; write the role as the token's roles claim holds it"),
  /** {@code @RolesAllowed} without a role. */
  EMPTY_ROLES_ALLOWED("WEE-322", Kind.ERROR,
      "@RolesAllowed on %s names no role, so no caller could %s; name the roles that may, or write @DenyAll"),
  /** Two access annotations on one element. */
  CONFLICTING_ACCESS("WEE-323", Kind.ERROR,
      "%s has both @%s and @%s, which contradict each other; keep one of them"),
  /** A command record and its handler with different rules. */
  ACCESS_DISAGREES("WEE-324", Kind.ERROR,
      "@CommandHandler %s says %s, but its command %s says %s; a command has one access rule: write it on the"
          + " command record or on the handler, or make both say the same"),
  /** An access annotation on a handler class, which is not read. */
  ACCESS_ON_HANDLER_CLASS("WEE-325", Kind.ERROR,
      "@%s on handler class %s would not be enforced: wee-events reads access rules from command records, their"
          + " @CommandHandler methods and the aggregate record (for its query); move it onto the handlers of %s"),
  /** A role listed twice. */
  DUPLICATE_ROLE("WEE-326", Kind.WARNING,
      "role \"%s\" is listed twice in @RolesAllowed on %s; remove the repeat"),

  // --- 4xx: reducers and the initial state -----------------------------------------------------
  /** An event without a reducer. */
  EVENT_WITHOUT_REDUCER("WEE-401", Kind.ERROR,
      "event %s of %s has no @Reducer; add `@Reducer %s on(%s event)` to %s"),
  /** An event with two reducers of the same kind. */
  DUPLICATE_REDUCER("WEE-402", Kind.ERROR,
      "event %s already has a @Reducer, %s; an event has exactly one reducer: remove one of them"),
  /** A reducer not returning the aggregate. */
  REDUCER_BAD_RETURN("WEE-403", Kind.ERROR,
      "@Reducer %s returns %s; a reducer returns the next state: change the return type to %s"),
  /** A reducer with the wrong parameters. */
  REDUCER_BAD_PARAMETERS("WEE-404", Kind.ERROR,
      "@Reducer %s has the parameters (%s); a reducer of %s takes exactly one @Event of %s: %s"),
  /** A reducer outside an aggregate record. */
  REDUCER_NOT_ON_AGGREGATE("WEE-405", Kind.ERROR,
      "@Reducer %s is declared in %s, which is not an @Aggregate record; move it into the aggregate"
          + " record whose state it returns%s"),
  /** A static reducer on an aggregate that has an initial state. */
  STATIC_REDUCER_WITH_INITIAL("WEE-406", Kind.ERROR,
      "@Reducer %s is static, but %s has an @Initial state, so every event applies to a state: make"
          + " it an instance method `%s on(%s event)`, or remove @Initial %s"),
  /** An @Initial factory of the wrong shape. */
  INITIAL_BAD_SIGNATURE("WEE-407", Kind.ERROR,
      "@Initial %s must be `static %s %s(String key)`; %s"),
  /** Two @Initial factories. */
  DUPLICATE_INITIAL("WEE-408", Kind.ERROR,
      "%s already has an @Initial factory, %s; an aggregate has at most one: remove one of them"),
  /** An @Initial factory outside an aggregate record. */
  INITIAL_NOT_ON_AGGREGATE("WEE-409", Kind.ERROR,
      "@Initial %s is declared in %s, which is not an @Aggregate record; move it into the aggregate"
          + " record it creates"),
  /** An aggregate that can never exist. */
  NO_WAY_TO_EXIST("WEE-410", Kind.ERROR,
      "%s has no @Initial factory and no static @Reducer, so no event can ever start its state;"
          + " add `@Initial static %s initial(String key)` or a creating reducer"
          + " `@Reducer static %s on(SomeEvent event)`"),

  /** A creating handler whose event cannot start the state. */
  CREATING_EVENT_WITHOUT_CREATING_REDUCER("WEE-411", Kind.ERROR,
      "creating @CommandHandler %s returns %s, but the @Reducer of %s is not static, so it cannot start a %s that"
          + " has no events; make it a creating reducer `@Reducer static %s on(%s event)`"),

  /** A reducer or initial factory declaring a checked exception. */
  CHECKED_EXCEPTION_IN_REDUCER("WEE-412", Kind.ERROR,
      "@%s %s declares throws %s; reducers and @Initial factories are pure and must not throw checked exceptions:"
          + " remove the throws clause, or catch %s and wrap it in an unchecked exception"),

  // --- 5xx: the shape of commands, events and states -------------------------------------------
  /** A command, event or aggregate that is not a record. */
  NOT_A_RECORD("WEE-501", Kind.ERROR,
      "@%s %s is %s, not a record; declare it as `record %s(...)`"),
  /** A generic command, event, aggregate or nested record. */
  GENERIC_RECORD("WEE-502", Kind.ERROR,
      "%s %s declares type parameters %s; the generated codecs need concrete types: remove them"),
  /** A declaration the generated code cannot reach. */
  NOT_ACCESSIBLE("WEE-503", Kind.ERROR,
      "%s %s is %s, so the generated code in package %s cannot use it; %s"),
  /** A component type the codecs cannot handle. */
  UNSUPPORTED_COMPONENT_TYPE("WEE-504", Kind.ERROR,
      "component %s of %s has the type %s, which the generated JSON codec cannot encode%s; use"
          + " primitives and their boxes, String, BigDecimal, BigInteger, UUID, Instant, LocalDate, enums,"
          + " records, List, Set, Map with String keys or Optional of these"),
  /** A constraint on a type it does not apply to. */
  CONSTRAINT_NOT_APPLICABLE("WEE-505", Kind.ERROR,
      "@%s on component %s of %s does not apply to %s; @%s applies to %s: remove it or use %s"),
  /** A jakarta.validation constraint wee-events does not check. */
  UNSUPPORTED_CONSTRAINT("WEE-506", Kind.ERROR,
      "@%s on component %s of %s is not checked by the generated validators; use NotNull, NotBlank,"
          + " NotEmpty, Size, Min, Max, Positive, PositiveOrZero, Negative, NegativeOrZero, DecimalMin,"
          + " DecimalMax, Pattern or Email, or check it in the handler"),
  /** A constraint attribute that cannot work. */
  INVALID_CONSTRAINT_ATTRIBUTE("WEE-507", Kind.ERROR,
      "@%s on component %s of %s has an invalid %s: %s; %s"),

  /** An enum whose constants share a wire value. */
  ENUM_WIRE_VALUE_CLASH("WEE-508", Kind.ERROR,
      "enum %s, the type of component %s of %s, has the constants %s and %s, which are both \"%s\" on the wire"
          + " (a constant's name in lower case, with '_' as '-'); rename one of them"),
  /** A constraint written where the generated validators do not look. */
  CONSTRAINT_TOO_DEEP("WEE-509", Kind.ERROR,
      "@%s on %s in component %s of %s is not checked: the generated validators read constraints on a component"
          + " and on the type argument of its List, Set or Optional or the value type argument of its Map, not on"
          + " Map keys or further in; hold the values in a record with its own constraints, or check them in the"
          + " handler"),

  // --- 6xx: aggregate references ---------------------------------------------------------------
  /** A command or event naming a class that is not an aggregate. */
  NOT_AN_AGGREGATE("WEE-601", Kind.ERROR,
      "@%s %s names %s as its aggregate, but %s is not annotated @Aggregate; %s"),
  /** An aggregate outside any service package. */
  AGGREGATE_WITHOUT_SERVICE("WEE-602", Kind.ERROR,
      "aggregate %s is not in a service: neither package %s nor a package above it has a package-info.java"
          + " with @Service; add `@Service(name = \"...\", version = \"1.0.0\")` to package-info.java"),

  /** A command or event of an aggregate compiled earlier, apart from it. */
  AGGREGATE_COMPILED_SEPARATELY("WEE-603", Kind.ERROR,
      "@%s %s names %s, which was compiled separately; an aggregate is compiled together with its commands,"
          + " events and handlers: move %s into the source set of %s"),

  // --- 611-619: an API jar and the module that implements it ---------------------------------
  /** A handler in the API of a service, which holds none. */
  HANDLER_IN_API("WEE-611", Kind.ERROR,
      "@CommandHandler %s is in the API of service \"%s\" (@Service(api = true)), which holds no handlers; move it"
          + " to the module that implements the service, or remove api = true to compile the service in one module"),
  /** A command of an API aggregate that the module implementing it does not handle. */
  COMMAND_WITHOUT_HANDLER_IN_IMPLEMENTATION("WEE-612", Kind.ERROR,
      "command %s of %s, from the API of service \"%s\", has no @CommandHandler in this module, which implements %s;"
          + " add a method such as `@CommandHandler %s %s(%s)` to %s or to another handler class"),
  /** A handler of a command whose aggregate was compiled with its own handlers. */
  HANDLER_OF_COMPILED_AGGREGATE("WEE-613", Kind.ERROR,
      "@CommandHandler %s handles %s, a command of %s, which was compiled with its handlers in service \"%s\", so"
          + " its stub exists already; remove this handler, or make that service an API (@Service(api = true))"
          + " compiled without handlers"),
  /** A command or event, outside the API, of an aggregate of an API. */
  MEMBER_NOT_IN_API("WEE-614", Kind.ERROR,
      "@%s %s names %s, from the API of service \"%s\", which was compiled apart; the commands and events of an"
          + " aggregate are part of its API: move %s into the API module, next to %s"),
  /** An API aggregate on the class path without the types generated for it. */
  API_GENERATED_TYPES_MISSING("WEE-615", Kind.ERROR,
      "@CommandHandler %s handles %s, a command of %s from the API of service \"%s\", but %s is not on the class"
          + " path; compile the API module with the wee-events processor on its processor path, and depend on its jar"),
  /** An upcaster, outside the API, of an event of an API. */
  UPCASTER_NOT_IN_API("WEE-616", Kind.ERROR,
      "@Upcaster %s is for %s, from the API of service \"%s\"; the API's codecs run the upcasters, so it is part"
          + " of the API: move it into the API module"),
  /** An access rule on a handler of a command of an API. */
  ACCESS_ON_IMPLEMENTED_HANDLER("WEE-617", Kind.ERROR,
      "@%s on @CommandHandler %s: the commands of service \"%s\" come from its API, whose codecs carry who may send"
          + " each one; put the annotation on the command record in the API module"),

  // --- 7xx: versions and upcasters ------------------------------------------------------------
  /** An event version below 1. */
  INVALID_EVENT_VERSION("WEE-701", Kind.ERROR,
      "@Event(version = %s) of %s is not valid: versions start at 1; use 1 for the first shape, and raise it by one"
          + " for each change that needs an @Upcaster"),
  /** An upcaster of something that is not an event. */
  UPCASTER_NOT_FOR_EVENT("WEE-702", Kind.ERROR,
      "@Upcaster %s is for %s, which is not an @Event record; %s"),
  /** An upcaster from a version the event does not have below its current one. */
  UPCASTER_VERSION_OUT_OF_RANGE("WEE-703", Kind.ERROR,
      "@Upcaster %s reads version %s of %s, which is at version %s, so its upcasters read versions 1 to %s; %s"),
  /** Two upcasters for one step. */
  DUPLICATE_UPCASTER("WEE-704", Kind.ERROR,
      "event %s already has an @Upcaster from version %s, %s; each step has exactly one upcaster: remove one of them"),
  /** A step of the chain without an upcaster. */
  MISSING_UPCASTER("WEE-705", Kind.ERROR,
      "event %s is at version %s, but nothing upcasts version %s, so events stored at %s cannot be read; add %s"),
  /** An upcaster that is not a callable static method of one parameter. */
  UPCASTER_BAD_SIGNATURE("WEE-706", Kind.ERROR,
      "@Upcaster %s %s; %s (an upcaster is `static Next %s(Older older)` or"
          + " `static Map<String, Object> %s(Map<String, Object> json)`)"),
  /** An upcaster whose parameter is neither an older record nor a JSON tree. */
  UPCASTER_BAD_PARAMETER("WEE-707", Kind.ERROR,
      "@Upcaster %s takes %s, %s; %s"),
  /** An upcaster that does not return the next version. */
  UPCASTER_BAD_RETURN("WEE-708", Kind.ERROR,
      "@Upcaster %s returns %s; %s"),
  /** An upcaster declaring a checked exception. */
  UPCASTER_CHECKED_EXCEPTION("WEE-709", Kind.ERROR,
      "@Upcaster %s declares throws %s; upcasters are pure and must not throw checked exceptions: remove the throws"
          + " clause, or catch %s and wrap it in an unchecked exception"),

  // --- 8xx: the schema lock -------------------------------------------------------------------
  /** An event at the same version gained a required component. */
  EVENT_COMPONENT_ADDED("WEE-801", Kind.ERROR,
      "event %s has a new required component %s, which the \"%s\" events stored at version %s do not have, so they"
          + " could not be read; make it optional (a box, an Optional, a collection, or a reference without @NotNull,"
          + " @NotBlank or @NotEmpty), or bump @Event(version = %s) and add an @Upcaster"),
  /** An event at the same version made an optional component required. */
  EVENT_COMPONENT_NOW_REQUIRED("WEE-802", Kind.ERROR,
      "component %s (%s) of event %s was optional and is now required, so the \"%s\" events stored at version %s"
          + " without it could not be read; make it optional again, or bump @Event(version = %s) and add an @Upcaster"),
  /** An event at the same version changed a component's type so that old values no longer read. */
  EVENT_COMPONENT_TYPE_CHANGED("WEE-803", Kind.ERROR,
      "component %s of event %s was %s and is now %s, so the \"%s\" events stored at version %s could not be read;"
          + " keep the type, or bump @Event(version = %s) and add an @Upcaster"),
  /** An event of the lock is gone. */
  EVENT_REMOVED("WEE-804", Kind.ERROR,
      "event \"%s\" (%s) of %s is in the schema lock but no longer declared, so the stored \"%s\" events could not"
          + " be read; keep it (deprecated, if nothing records it any more), or, if none is stored, accept the new lock"),
  /** An event of the lock has another wire name. */
  EVENT_RENAMED("WEE-805", Kind.ERROR,
      "event %s has the wire name \"%s\", but the schema lock has it as \"%s\", so the stored \"%s\" events could"
          + " not be read; keep the old name with @Event(name = \"%s\")"),
  /** An event's version went down. */
  EVENT_VERSION_LOWERED("WEE-806", Kind.ERROR,
      "event %s has version %s, but the schema lock has it at version %s, which stored events may have; versions"
          + " only go up: set @Event(version = %s) or higher"),
  /** An aggregate of the lock is gone. */
  AGGREGATE_REMOVED("WEE-807", Kind.ERROR,
      "aggregate \"%s\" (%s) is in the schema lock of service \"%s\" but no longer declared, so its stored events"
          + " could not be read; keep it, or, if none of its events is stored, accept the new lock"),
  /** The committed lock cannot be read. */
  LOCK_UNREADABLE("WEE-808", Kind.ERROR,
      "the schema lock %s cannot be read: %s; restore it from version control, or replace it with the lock the"
          + " processor writes to the class output"),
  /** A command gained a required component. */
  COMMAND_COMPONENT_ADDED("WEE-811", Kind.WARNING,
      "command %s has a new required component %s, which callers of service \"%s\" %s do not send; make it"
          + " optional, or bump @Service(version) to \"%s\""),
  /** A command's component changed so that what callers send may no longer be accepted. */
  COMMAND_COMPONENT_CHANGED("WEE-812", Kind.WARNING,
      "component %s of command %s was %s and is now %s, which breaks callers of service \"%s\" %s; keep it as it"
          + " was, or bump @Service(version) to \"%s\""),
  /** A command of the lock is gone. */
  COMMAND_REMOVED("WEE-813", Kind.WARNING,
      "command \"%s\" (%s) of %s is in the schema lock but no longer declared, which breaks callers of service"
          + " \"%s\" %s; keep it, or bump @Service(version) to \"%s\""),
  /** A command of the lock has another wire name. */
  COMMAND_RENAMED("WEE-814", Kind.WARNING,
      "command %s has the wire name \"%s\", but the schema lock has it as \"%s\", which breaks callers of service"
          + " \"%s\" %s; keep the old name with @Command(name = \"%s\"), or bump @Service(version) to \"%s\""),

  // --- 9xx: warnings ---------------------------------------------------------------------------
  /** An aggregate whose events no command can produce. */
  EVENTS_WITHOUT_COMMANDS("WEE-901", Kind.WARNING,
      "%s has events (%s) but no command, so none of them is ever recorded; add a record"
          + " `@Command(aggregate = %s.class)` and its @CommandHandler"),
  /** @Valid on a component with nothing to validate. */
  VALID_WITHOUT_EFFECT("WEE-902", Kind.WARNING,
      "@Valid on component %s of %s has no effect: %s holds no record to validate; remove @Valid"),
  /** Constraints of a nested record that are never checked. */
  CONSTRAINTS_NOT_CASCADED("WEE-903", Kind.WARNING,
      "component %s of command %s holds %s, whose constraints are only checked with @Valid; annotate"
          + " the component @Valid, or remove the constraints from %s"),
  /** An aggregate without initial state that no command can create. */
  NO_CREATING_HANDLER("WEE-904", Kind.WARNING,
      "no command can create %s: it has no @Initial factory and no creating handler, so every command"
          + " answers NOT_FOUND; add a handler without a state parameter, such as"
          + " `@CommandHandler static SomeEvent create(%s command)`, or an @Initial factory"),

  // --- 10xx: event consumers -------------------------------------------------------------------
  /** An event handler whose parameters are not one event, optionally followed by its RecordedEvent. */
  EVENT_HANDLER_BAD_PARAMETERS("WEE-1001", Kind.ERROR,
      "@EventHandler %s has the parameters (%s); declare `void %s(SomeEvent event)`, optionally followed by"
          + " `RecordedEvent<SomeEvent> recorded`, where SomeEvent is an @Event record or the sealed interface of an"
          + " aggregate's events"),
  /** An event handler whose parameter is neither an event nor the events' sealed interface. */
  EVENT_HANDLER_NOT_AN_EVENT("WEE-1002", Kind.ERROR,
      "@EventHandler %s takes %s, which is neither an @Event record nor the sealed interface of an aggregate's"
          + " events; %s"),
  /** An event handler that returns something. */
  EVENT_HANDLER_BAD_RETURN("WEE-1003", Kind.ERROR,
      "@EventHandler %s returns %s, which nothing receives; declare it void"),
  /** A durable name that breaks the grammar. */
  INVALID_DURABLE_NAME("WEE-1004", Kind.ERROR,
      "durable name \"%s\" of @EventHandler %s is not valid: %s; use " + WireNames.NAME_RULE + "%s"),
  /** Two handlers of one class claim one durable name. */
  DUPLICATE_DURABLE_NAME("WEE-1005", Kind.ERROR,
      "durable name \"%s\" of @EventHandler %s (events of %s) is already the name of %s (events of %s); a durable"
          + " subscriber is one handler method of one aggregate: give this one another name"),
  /** A start position on a live handler. */
  START_WITHOUT_DURABLE("WEE-1006", Kind.ERROR,
      "@EventHandler %s sets start, which only a durable subscriber has; add durable = \"...\" to subscribe"
          + " durably, or remove start"),
  /** A private event handler. */
  EVENT_HANDLER_PRIVATE("WEE-1007", Kind.ERROR,
      "@EventHandler %s is private, so the generated %s cannot call it; make it package-private or public"),
  /** A static event handler. */
  EVENT_HANDLER_STATIC("WEE-1008", Kind.ERROR,
      "@EventHandler %s is static; the generated %s calls the handlers of the instance it is given: make it an"
          + " instance method"),
  /** A generic event handler. */
  EVENT_HANDLER_GENERIC("WEE-1009", Kind.ERROR,
      "@EventHandler %s declares type parameters %s; the generated code calls it with concrete types: remove the"
          + " type parameters"),
  /** An interface some but not all events of the aggregate implement. */
  EVENT_HANDLER_PARTIAL_INTERFACE("WEE-1010", Kind.ERROR,
      "@EventHandler %s takes %s, which is not the type all events of %s share (%s); take %s for every event of"
          + " %s, or one @Event record"),
  /** An aggregate whose generated client is nowhere to be found. */
  AGGREGATE_CLIENT_MISSING("WEE-1011", Kind.ERROR,
      "@EventHandler %s takes %s, an event of %s, whose generated client %s was not found; compile %s with the"
          + " wee-events processor, or put the jar that holds its generated code on the class path"),
  /** A class of event handlers the generated code cannot name. */
  EVENT_HANDLER_CLASS_NOT_ACCESSIBLE("WEE-1012", Kind.ERROR,
      "%s %s holds @EventHandler methods but is %s, so the generated %s cannot use it; %s"),
  /** A generic class of event handlers. */
  EVENT_HANDLER_CLASS_GENERIC("WEE-1013", Kind.ERROR,
      "%s holds @EventHandler methods but declares type parameters %s; the generated %s takes one concrete instance:"
          + " move the handlers to a class without type parameters"),
  /** Handlers of one class that receive the events of two services. */
  EVENT_HANDLERS_OF_TWO_SERVICES("WEE-1014", Kind.ERROR,
      "@EventHandler %s receives events of %s, of service \"%s\", but %s of the same class receives those of service"
          + " \"%s\"; the generated %s subscribes through one ServiceClient, so the handlers of a class receive the"
          + " events of one service: move this handler to a class of its own"),
  /** The name of a class's generated subscriptions is taken. */
  SUBSCRIPTIONS_NAME_TAKEN("WEE-1015", Kind.ERROR,
      "the type %s that wee-events generates for the @EventHandler methods of %s clashes with the existing %s %s;"
          + " rename that %s, or the class %s");

  private final String id;
  private final Kind kind;
  private final String template;

  Message(String id, Kind kind, String template) {
    this.id = id;
    this.kind = kind;
    this.template = template;
  }

  /** The stable id, such as {@code WEE-601}. */
  public String id() {
    return id;
  }

  /** Error or warning. */
  public Kind kind() {
    return kind;
  }

  /** The sentence with {@code %s} placeholders, as the README shows it. */
  public String template() {
    return template;
  }

  /** The full text: {@code [WEE-601] } followed by the filled sentence; only {@link Messages} fills one. */
  Text with(Object... arguments) {
    return new Text(this, "[" + id + "] " + String.format(template, arguments));
  }

  /** One message with its arguments filled in; only {@link Messages} makes one. */
  public static final class Text {
    private final Message message;
    private final String text;

    private Text(Message message, String text) {
      this.message = message;
      this.text = text;
    }

    /** The catalogue entry. */
    public Message message() {
      return message;
    }

    /** The full text the user sees, id first. */
    public String text() {
      return text;
    }

    /** Error or warning. */
    public Kind kind() {
      return message.kind();
    }

    @Override
    public boolean equals(Object other) {
      return other instanceof Text that && message == that.message && text.equals(that.text);
    }

    @Override
    public int hashCode() {
      return message.hashCode() * 31 + text.hashCode();
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
