package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code @Aggregate} record with everything that belongs to it.
 *
 * @param wireName aggregate type on the wire ({@code receipt})
 * @param serviceName wire name of the service it belongs to
 * @param stateType the state record
 * @param state the state record's shape (for its codec and schema)
 * @param initialMethod name of the static {@code @Initial} factory, empty when there is none
 * @param eventSupertype the most specific type every event shares ({@code ReceiptEvent}), else {@code Object}
 * @param commands commands in source order (sorted by qualified name across files)
 * @param events events in the same order rule
 * @param handlerOwners classes other than the aggregate whose instance handlers the stub needs an
 *     instance of, in a stable order; these become the parameters of {@code Stub.definition(...)}
 * @param nestedRecords every record reachable from the state, commands and events that needs its
 *     own codec (not the state, commands or events themselves), in a stable order
 * @param names generated type names
 * @param deprecatedUses which kinds of deprecated declaration (of the user's: a record, a component,
 *     a handler, a reducer) the generated code refers to; empty for most aggregates
 * @param queryAccess who may query it: the access annotation of its state record, permit-all without one
 */
public record AggregateModel(
    String wireName,
    String serviceName,
    ClassName stateType,
    RecordShape state,
    Optional<String> initialMethod,
    TypeName eventSupertype,
    List<CommandModel> commands,
    List<EventModel> events,
    List<ClassName> handlerOwners,
    List<RecordShape> nestedRecords,
    AggregateNames names,
    Set<DeprecatedUse> deprecatedUses,
    AccessModel queryAccess) {
  public AggregateModel {
    commands = List.copyOf(commands);
    events = List.copyOf(events);
    handlerOwners = List.copyOf(handlerOwners);
    nestedRecords = List.copyOf(nestedRecords);
    deprecatedUses = Set.copyOf(deprecatedUses);
  }

  /**
   * The same, with the {@code @Initial} factory's name or {@code null} when there is none, and no
   * deprecated declaration (see {@link #withDeprecatedUses}).
   */
  public AggregateModel(String wireName, String serviceName, ClassName stateType, RecordShape state, String initialMethod,
      TypeName eventSupertype, List<CommandModel> commands, List<EventModel> events, List<ClassName> handlerOwners,
      List<RecordShape> nestedRecords, AggregateNames names) {
    this(wireName, serviceName, stateType, state, Optional.ofNullable(initialMethod), eventSupertype, commands, events, handlerOwners,
        nestedRecords, names, Set.of(), AccessModel.PERMIT_ALL);
  }

  /** The same, whose query every authenticated caller may send. */
  public AggregateModel(String wireName, String serviceName, ClassName stateType, RecordShape state, Optional<String> initialMethod,
      TypeName eventSupertype, List<CommandModel> commands, List<EventModel> events, List<ClassName> handlerOwners,
      List<RecordShape> nestedRecords, AggregateNames names, Set<DeprecatedUse> deprecatedUses) {
    this(wireName, serviceName, stateType, state, initialMethod, eventSupertype, commands, events, handlerOwners,
        nestedRecords, names, deprecatedUses, AccessModel.PERMIT_ALL);
  }

  /** This aggregate, whose generated code refers to deprecated declarations of the kinds in {@code uses}. */
  public AggregateModel withDeprecatedUses(Set<DeprecatedUse> uses) {
    return new AggregateModel(wireName, serviceName, stateType, state, initialMethod, eventSupertype, commands, events, handlerOwners,
        nestedRecords, names, uses, queryAccess);
  }

  /** This aggregate, whose query only callers {@code access} allows may send. */
  public AggregateModel withQueryAccess(AccessModel access) {
    return new AggregateModel(wireName, serviceName, stateType, state, initialMethod, eventSupertype, commands, events, handlerOwners,
        nestedRecords, names, deprecatedUses, access);
  }

  /** Whether aggregates with no events exist (an {@code @Initial} factory is declared). */
  public boolean hasInitialState() {
    return initialMethod.isPresent();
  }

  /** A kind of deprecation, each with the warning javac gives for a use of it. */
  public enum DeprecatedUse {
    /** {@code @Deprecated}: a {@code deprecation} warning. */
    DEPRECATED,
    /** {@code @Deprecated(forRemoval = true)}: a {@code removal} warning. */
    FOR_REMOVAL
  }
}
