package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.model.AccessModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.TypeElement;

/**
 * What validation established about an aggregate whose report is clean: everything the assembler
 * builds its model from. Only {@link Validation} makes one, and only from a clean report.
 *
 * @param element the aggregate record
 * @param wireName its type on the wire
 * @param state the shape of the state record
 * @param initialMethod the name of its {@code @Initial} factory, if it has one
 * @param eventSupertype the most specific type its events share, else {@code Object}
 * @param commands its commands with their handlers, by qualified name
 * @param events its events with their reducers, by qualified name
 * @param reachable every record reachable from the state, commands and events, by the record
 * @param queryAccess who may query it (from its state record)
 */
public record ValidatedAggregate(TypeElement element, String wireName, RecordShape state, Optional<String> initialMethod,
    TypeName eventSupertype, List<CommandModel> commands, List<EventModel> events, Map<ClassName, RecordShape> reachable,
    AccessModel queryAccess) {
  public ValidatedAggregate {
    commands = List.copyOf(commands);
    events = List.copyOf(events);
    reachable = Map.copyOf(reachable);
  }
}
