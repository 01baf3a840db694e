package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.AggregateRole;
import com.weegigs.events.processor.validate.AggregateValidator.Member;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import com.weegigs.events.processor.validate.HandlerValidator.Handler;
import com.weegigs.events.processor.validate.HandlerValidator.Handlers;
import com.weegigs.events.processor.validate.ReducerValidator.Reducers;
import javax.lang.model.element.TypeElement;

/**
 * Checks that an aggregate is complete: every command has a handler, every event a reducer, and
 * something can start its state. Its warnings about something missing only hold when the
 * aggregate's report is clean so far: a command with an error of its own is not missing. An API
 * is not asked for handlers; a module implementing an API is asked for a handler of every command of
 * each API aggregate it handles, and for nothing the API's own compilation checked.
 */
final class CompletenessValidator {
  private final Env env;

  CompletenessValidator(Env env) {
    this.env = env;
  }

  void validate(Bindings.AggregateScope scope, Members members, Reducers reducers, Handlers handlers, AggregateRole role,
      TypeElement anchor, ValidationReport.Builder report) {
    TypeElement aggregate = scope.element();
    String aggregateName = TypeText.simple(aggregate);
    boolean hasInitial = reducers.initial().isPresent();
    // An API holds no handlers; a module implementing one holds no records, reducers or events of it.
    boolean withHandlers = role != AggregateRole.API;
    boolean withRecords = role != AggregateRole.IMPLEMENTATION;
    for (Member command : members.commands()) {
      if (withHandlers && !members.faulty().contains(command.element()) && !handlers.declared().containsKey(command.element())) {
        boolean withState = hasInitial || reducers.creatingReducers().isEmpty();
        if (withRecords) {
          report.add(Messages.commandWithoutHandler(TypeText.simple(command.element()), aggregateName, members.exampleEvent(), withState),
              command.element());
        } else {
          String service = env.serviceName(aggregate);
          report.add(Messages.commandWithoutHandlerInImplementation(TypeText.simple(command.element()), aggregateName, service,
              members.exampleEvent(), withState, TypeText.simple(anchor)), anchor);
        }
      }
    }
    for (Member event : members.events()) {
      if (withRecords && !members.faulty().contains(event.element()) && !reducers.reduces(event.element())
          && !reducers.reducedWithErrors().contains(event.element())) {
        report.add(Messages.eventWithoutReducer(TypeText.simple(event.element()), aggregateName), event.element());
      }
    }
    boolean clean = report.isClean();
    for (Handler handler : handlers.valid().values()) {
      if (handler.model().takesState() || handler.model().returnsList()) {
        continue;
      }
      TypeElement event = env.elementOf(handler.method().getReturnType());
      if (event != null && reducers.instanceReducers().containsKey(event) && !reducers.creatingReducers().containsKey(event)) {
        report.add(Messages.creatingEventWithoutCreatingReducer(TypeText.method(handler.method()), TypeText.simple(event), aggregateName),
            handler.method());
      }
    }
    if (withRecords && clean && members.commands().isEmpty() && !members.events().isEmpty()) {
      report.add(Messages.eventsWithoutCommands(aggregateName, members.events().stream().map(e -> TypeText.simple(e.element())).toList()),
          aggregate);
    }
    if (!hasInitial && reducers.creatingReducers().isEmpty() && reducers.reducedWithErrors().isEmpty()) {
      if (withRecords) {
        report.add(Messages.noWayToExist(aggregateName), aggregate);
      }
    } else if (withHandlers && clean && !hasInitial && !members.commands().isEmpty()
        && handlers.valid().values().stream().allMatch(h -> h.model().takesState())
        && handlers.valid().size() == handlers.declared().size()) {
      report.add(Messages.noCreatingHandler(aggregateName, TypeText.simple(members.commands().get(0).element())), anchor);
    }
  }
}
