package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.validate.AggregateValidator.Member;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import com.weegigs.events.processor.validate.HandlerValidator.Handler;
import com.weegigs.events.processor.validate.HandlerValidator.Handlers;
import com.weegigs.events.processor.validate.ReducerValidator.Reducers;
import javax.lang.model.element.TypeElement;

/**
 * Checks that an aggregate is complete: every command has a handler, every event a reducer, and
 * something can start its state. Its warnings about something missing only hold when the
 * aggregate's report is clean so far: a command with an error of its own is not missing.
 */
final class CompletenessValidator {
  private final Env env;

  CompletenessValidator(Env env) {
    this.env = env;
  }

  void validate(Bindings.AggregateScope scope, Members members, Reducers reducers, Handlers handlers,
      ValidationReport.Builder report) {
    TypeElement aggregate = scope.element();
    String aggregateName = TypeText.simple(aggregate);
    boolean hasInitial = reducers.initial().isPresent();
    for (Member command : members.commands()) {
      if (!members.faulty().contains(command.element()) && !handlers.declared().containsKey(command.element())) {
        report.add(Messages.commandWithoutHandler(TypeText.simple(command.element()), aggregateName,
            members.exampleEvent(), hasInitial || reducers.creatingReducers().isEmpty()), command.element());
      }
    }
    for (Member event : members.events()) {
      if (!members.faulty().contains(event.element()) && !reducers.reduces(event.element())
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
    if (clean && members.commands().isEmpty() && !members.events().isEmpty()) {
      report.add(Messages.eventsWithoutCommands(aggregateName, members.events().stream().map(e -> TypeText.simple(e.element())).toList()),
          aggregate);
    }
    if (!hasInitial && reducers.creatingReducers().isEmpty() && reducers.reducedWithErrors().isEmpty()) {
      report.add(Messages.noWayToExist(aggregateName), aggregate);
    } else if (clean && !hasInitial && !members.commands().isEmpty()
        && handlers.valid().values().stream().allMatch(h -> h.model().takesState())
        && handlers.valid().size() == handlers.declared().size()) {
      report.add(Messages.noCreatingHandler(aggregateName, TypeText.simple(members.commands().get(0).element())), aggregate);
    }
  }
}
