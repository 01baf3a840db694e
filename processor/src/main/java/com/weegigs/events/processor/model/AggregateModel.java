package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Optional;

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
    AggregateNames names) {
  public AggregateModel {
    commands = List.copyOf(commands);
    events = List.copyOf(events);
    handlerOwners = List.copyOf(handlerOwners);
    nestedRecords = List.copyOf(nestedRecords);
  }

  /** The same, with the {@code @Initial} factory's name or {@code null} when there is none. */
  public AggregateModel(String wireName, String serviceName, ClassName stateType, RecordShape state, String initialMethod,
      TypeName eventSupertype, List<CommandModel> commands, List<EventModel> events, List<ClassName> handlerOwners,
      List<RecordShape> nestedRecords, AggregateNames names) {
    this(wireName, serviceName, stateType, state, Optional.ofNullable(initialMethod), eventSupertype, commands, events, handlerOwners,
        nestedRecords, names);
  }

  /** Whether aggregates with no events exist (an {@code @Initial} factory is declared). */
  public boolean hasInitialState() {
    return initialMethod.isPresent();
  }
}
