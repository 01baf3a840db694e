package com.weegigs.events.processor.validate;

import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;

/** Checks an aggregate's {@code @Initial} factory and {@code @Reducer}s, and reducers of its events declared elsewhere. */
final class ReducerValidator {
  /**
   * The aggregate's reducers and initial factory.
   *
   * @param initial the first {@code @Initial} factory declared, with or without errors (its errors are reported)
   * @param instanceReducers the valid instance reducers, by event
   * @param creatingReducers the valid static (creating) reducers, by event
   * @param reducedWithErrors events that have a reducer with an error of its own, so are not missing one
   */
  record Reducers(Optional<ExecutableElement> initial, Map<TypeElement, ExecutableElement> instanceReducers,
      Map<TypeElement, ExecutableElement> creatingReducers, Set<TypeElement> reducedWithErrors) {
    /** Whether {@code event} has a valid reducer. */
    boolean reduces(TypeElement event) {
      return instanceReducers.containsKey(event) || creatingReducers.containsKey(event);
    }
  }

  private final Env env;
  private final Bindings bindings;

  ReducerValidator(Env env, Bindings bindings) {
    this.env = env;
    this.bindings = bindings;
  }

  /** Reports the reducers declared outside any aggregate that apply one of the aggregate's events; returns those events. */
  Set<TypeElement> foreign(Bindings.AggregateScope scope, ValidationReport.Builder report) {
    Set<TypeElement> events = new LinkedHashSet<>();
    for (Bindings.ForeignReducer reducer : scope.foreignReducers()) {
      ExecutableElement method = reducer.method();
      report.add(Messages.reducerNotOnAggregate(TypeText.method(method), TypeText.simple((TypeElement) method.getEnclosingElement()),
          TypeText.simple(reducer.event()), TypeText.simple(scope.element())), method);
      events.add(reducer.event());
    }
    return events;
  }

  /** Checks the initial factory and the reducers declared in the aggregate. */
  Reducers validate(Bindings.AggregateScope scope, Members members, Set<TypeElement> reducedElsewhere,
      ValidationReport.Builder report) {
    ExecutableElement initial = null;
    for (ExecutableElement method : scope.initials()) {
      initial = initial(scope, method, initial, report);
    }
    Map<TypeElement, ExecutableElement> instance = new LinkedHashMap<>();
    Map<TypeElement, ExecutableElement> creating = new LinkedHashMap<>();
    Set<TypeElement> withErrors = new LinkedHashSet<>(reducedElsewhere);
    for (ExecutableElement method : scope.reducers()) {
      reducer(scope, members, method, initial, instance, creating, withErrors, report);
    }
    return new Reducers(Optional.ofNullable(initial), instance, creating, withErrors);
  }

  /** Checks one initial factory; returns the aggregate's initial factory so far. */
  private ExecutableElement initial(Bindings.AggregateScope scope, ExecutableElement method, ExecutableElement initial,
      ValidationReport.Builder report) {
    TypeElement owner = scope.element();
    String description = TypeText.method(method);
    if (!MethodRules.callable(scope, method, "Initial", report) || !throwsNoCheckedException(method, "Initial", report)) {
      return initial == null ? method : initial;
    }
    String aggregate = TypeText.simple(owner);
    if (!method.getModifiers().contains(Modifier.STATIC)) {
      report.add(Messages.initialNotStatic(description, aggregate, method.getSimpleName()), method);
    } else if (!env.types().isSameType(method.getReturnType(), owner.asType())) {
      report.add(Messages.initialBadReturn(description, aggregate, method.getSimpleName(), TypeText.of(method.getReturnType())), method);
    } else if (method.getParameters().size() != 1 || !env.isString(method.getParameters().get(0).asType())) {
      report.add(Messages.initialBadParameters(description, aggregate, method.getSimpleName(), TypeText.parameters(method)), method);
    }
    if (initial != null) {
      report.add(Messages.duplicateInitial(aggregate, TypeText.method(initial)), method);
      return initial;
    }
    return method;
  }

  private void reducer(Bindings.AggregateScope scope, Members members, ExecutableElement method, ExecutableElement initial,
      Map<TypeElement, ExecutableElement> instance, Map<TypeElement, ExecutableElement> creatingReducers,
      Set<TypeElement> withErrors, ValidationReport.Builder report) {
    TypeElement owner = scope.element();
    String description = TypeText.method(method);
    Optional<TypeElement> event = method.getParameters().stream()
        .map(p -> env.elementOf(p.asType()))
        .filter(t -> t != null && bindings.isEvent(t))
        .findFirst();
    if (!MethodRules.callable(scope, method, "Reducer", report) || !throwsNoCheckedException(method, "Reducer", report)) {
      event.ifPresent(withErrors::add);
      return;
    }
    String ownerName = TypeText.simple(owner);
    Optional<TypeElement> eventOwner = event.flatMap(bindings::eventOwner);
    boolean ownEvent = eventOwner.isPresent() && eventOwner.get().equals(owner);
    if (ownEvent && method.getParameters().size() != 1) {
      withErrors.add(event.get());
      report.add(Messages.reducerExtraParameters(description, TypeText.parameters(method), ownerName, method.getSimpleName().toString(),
          TypeText.simple(event.get())), method);
      return;
    }
    if (!ownEvent) {
      if (eventOwner.isPresent()) {
        report.add(Messages.reducerOfOtherAggregate(description, TypeText.parameters(method), ownerName, TypeText.simple(event.get()),
            TypeText.simple(eventOwner.get())), method);
      } else if (event.isEmpty()) {
        report.add(Messages.reducerWithoutEvent(description, TypeText.parameters(method), ownerName, members.exampleEvent()), method);
      }
      // else: the event names no aggregate of this round; its own error is the root cause.
      return;
    }
    TypeElement applied = event.get();
    boolean creating = method.getModifiers().contains(Modifier.STATIC);
    if (!env.types().isSameType(method.getReturnType(), owner.asType())) {
      report.add(Messages.reducerBadReturn(description, TypeText.of(method.getReturnType()), ownerName), method);
      withErrors.add(applied);
      return;
    }
    if (creating && initial != null) {
      report.add(Messages.staticReducerWithInitial(description, ownerName, TypeText.simple(applied), TypeText.method(initial)), method);
      withErrors.add(applied);
      return;
    }
    // One reducer per event, creating or not: the model (and the runtime's lookup) has one.
    ExecutableElement previous = instance.containsKey(applied) ? instance.get(applied) : creatingReducers.get(applied);
    if (previous != null) {
      report.add(Messages.duplicateReducer(TypeText.simple(applied), TypeText.method(previous)), method);
      return;
    }
    (creating ? creatingReducers : instance).put(applied, method);
  }

  /**
   * Refuses a reducer or initial factory that declares a checked exception: the runtime's
   * {@code Reducer.apply}, {@code CreatingReducer.apply} and {@code InitialState.create} declare
   * none, so the generated stub could not call it. Unchecked exceptions in the clause are harmless.
   */
  private boolean throwsNoCheckedException(ExecutableElement method, String annotation, ValidationReport.Builder report) {
    List<String> checked = method.getThrownTypes().stream().filter(env::isChecked).map(TypeText::of).toList();
    if (checked.isEmpty()) {
      return true;
    }
    report.add(Messages.checkedExceptionInReducer(annotation, TypeText.method(method), checked), method);
    return false;
  }
}
