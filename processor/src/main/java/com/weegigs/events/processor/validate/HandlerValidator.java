package com.weegigs.events.processor.validate;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.MessageParts.HandlerForm;
import com.weegigs.events.processor.MessageParts.Inaccessible;
import com.weegigs.events.processor.Messages;
import com.weegigs.events.processor.model.HandlerModel;
import com.weegigs.events.processor.names.GeneratedNames;
import com.weegigs.events.processor.read.AnnotationNames;
import com.weegigs.events.processor.validate.AggregateValidator.Members;
import com.weegigs.events.processor.validate.Bindings.HandlerDeclaration;
import com.weegigs.events.processor.validate.ReducerValidator.Reducers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.PackageElement;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.type.DeclaredType;
import javax.lang.model.type.TypeMirror;
import javax.lang.model.type.WildcardType;

/** Checks the {@code @CommandHandler}s of an aggregate's commands: their parameters, return type and visibility. */
final class HandlerValidator {
  /**
   * A handler free of errors.
   *
   * @param method the method
   * @param model what the generated stub needs to call it
   */
  record Handler(ExecutableElement method, HandlerModel model) {}

  /**
   * The handlers of the aggregate's commands.
   *
   * @param declared the first handler declared for each command, with or without errors (so a
   *     command whose handler has an error is not also reported as missing one)
   * @param valid the handlers free of errors, by command
   */
  record Handlers(Map<TypeElement, ExecutableElement> declared, Map<TypeElement, Handler> valid) {}

  private final Env env;
  private final Bindings bindings;

  HandlerValidator(Env env, Bindings bindings) {
    this.env = env;
    this.bindings = bindings;
  }

  Handlers validate(Bindings.AggregateScope scope, Members members, Reducers reducers, Optional<TypeElement> eventSupertype,
      ValidationReport.Builder report) {
    Map<TypeElement, ExecutableElement> declared = new LinkedHashMap<>();
    Map<TypeElement, Handler> valid = new LinkedHashMap<>();
    for (HandlerDeclaration handler : scope.handlers()) {
      Optional<HandlerModel> model = handler(scope, members, reducers, eventSupertype, handler, report);
      if (model.isEmpty()) {
        declared.putIfAbsent(handler.command(), handler.method());
        continue;
      }
      ExecutableElement previous = declared.get(handler.command());
      if (previous != null) {
        report.add(Messages.duplicateHandler(TypeText.simple(handler.command()), TypeText.method(previous)), handler.method());
        continue;
      }
      declared.put(handler.command(), handler.method());
      valid.put(handler.command(), new Handler(handler.method(), model.get()));
    }
    return new Handlers(declared, valid);
  }

  /** The handler's model; empty after reporting why there is none. */
  private Optional<HandlerModel> handler(Bindings.AggregateScope scope, Members members, Reducers reducers,
      Optional<TypeElement> eventSupertype, HandlerDeclaration handler, ValidationReport.Builder report) {
    ExecutableElement method = handler.method();
    TypeElement owner = (TypeElement) method.getEnclosingElement();
    TypeElement aggregate = scope.element();
    String description = TypeText.method(method);
    List<? extends VariableElement> parameters = method.getParameters();
    String aggregateName = TypeText.simple(aggregate);
    String commandName = TypeText.simple(handler.command());
    if (!MethodRules.callable(scope, method, "CommandHandler", report)) {
      return Optional.empty();
    }
    boolean isStatic = method.getModifiers().contains(Modifier.STATIC);
    boolean onAggregate = owner.equals(aggregate) && !isStatic;
    if (!isStatic && bindings.isAggregate(owner) && !owner.equals(aggregate)) {
      report.add(Messages.handlerOnOtherAggregate(description, commandName, aggregateName, TypeText.simple(owner)), method);
      return Optional.empty();
    }
    boolean takesState;
    int expectedCommandIndex;
    TypeElement first = parameters.isEmpty() ? null : env.elementOf(parameters.get(0).asType());
    if (onAggregate) {
      takesState = true;
      expectedCommandIndex = 0;
    } else if (!parameters.isEmpty() && env.types().isSameType(parameters.get(0).asType(), aggregate.asType())) {
      takesState = true;
      expectedCommandIndex = 1;
    } else if (handler.commandIndex() > 0 && first != null && bindings.isAggregate(first)) {
      report.add(Messages.handlerTakesOtherState(description, commandName, aggregateName, TypeText.simple(first)), method);
      return Optional.empty();
    } else {
      takesState = false;
      expectedCommandIndex = 0;
    }
    TypeElement afterCommand = parameters.size() == expectedCommandIndex + 2
        ? env.elementOf(parameters.get(expectedCommandIndex + 1).asType())
        : null;
    boolean takesContext = afterCommand != null && afterCommand.getQualifiedName().contentEquals(AnnotationNames.COMMAND_CONTEXT);
    boolean hasInitial = reducers.initial().isPresent();
    boolean shapeOk = handler.commandIndex() == expectedCommandIndex
        && (parameters.size() == expectedCommandIndex + 1 || takesContext)
        && (takesState || !hasInitial);
    if (!shapeOk) {
      HandlerForm form = onAggregate ? HandlerForm.ON_AGGREGATE
          : !hasInitial ? HandlerForm.WITH_OR_WITHOUT_STATE
          : takesState ? HandlerForm.WITH_STATE
          : HandlerForm.WITH_STATE_BECAUSE_INITIAL;
      report.add(Messages.handlerBadParameters(description, TypeText.parameters(method), commandName, aggregateName, form), method);
      return Optional.empty();
    }
    Optional<Boolean> returnsList = returnsList(scope, members, eventSupertype, method, report);
    if (returnsList.isEmpty() || !accessible(aggregate, method, owner, report)) {
      return Optional.empty();
    }
    return Optional.of(new HandlerModel(ClassName.get(owner), method.getSimpleName().toString(), isStatic, takesState, takesContext,
        returnsList.get()));
  }

  /** Whether the handler returns a list; empty after reporting a wrong return type. */
  private Optional<Boolean> returnsList(Bindings.AggregateScope scope, Members members, Optional<TypeElement> eventSupertype,
      ExecutableElement method, ValidationReport.Builder report) {
    TypeMirror returned = method.getReturnType();
    TypeElement element = env.elementOf(returned);
    if (element != null && isEventOf(element, scope)) {
      return Optional.of(false);
    }
    if (element != null && element.getQualifiedName().contentEquals("java.util.List")
        && ((DeclaredType) returned).getTypeArguments().size() == 1) {
      TypeMirror argument = ((DeclaredType) returned).getTypeArguments().get(0);
      if (argument instanceof WildcardType wildcard) {
        argument = wildcard.getExtendsBound() != null
            ? wildcard.getExtendsBound()
            : env.elements().getTypeElement("java.lang.Object").asType();
      }
      TypeElement listed = env.elementOf(argument);
      // The stub hands the list to a definition typed by the events' common supertype, so the
      // element type must be an event, or a type of events that is also of that supertype.
      boolean withinSupertype = listed != null && eventSupertype.map(s -> env.isA(listed, s)).orElse(true);
      if (listed != null && (isEventOf(listed, scope) || (withinSupertype && coversEvents(listed, scope, members)))) {
        return Optional.of(true);
      }
    }
    String aggregateName = TypeText.simple(scope.element());
    report.add(Messages.handlerBadReturn(TypeText.method(method), TypeText.of(returned), aggregateName,
        members.exampleEvent(), eventSupertype.map(TypeText::simple)), method);
    return Optional.empty();
  }

  private boolean isEventOf(TypeElement type, Bindings.AggregateScope scope) {
    return bindings.eventOwner(type) != null && bindings.eventOwner(type).filter(scope.element()::equals).isPresent();
  }

  /** Whether every event of the aggregate is a {@code type}, or {@code type} is sealed and permits only its events. */
  private boolean coversEvents(TypeElement type, Bindings.AggregateScope scope, Members members) {
    if (members.events().isEmpty()) {
      return false;
    }
    if (members.events().stream().allMatch(e -> env.isA(e.element(), type))) {
      return true;
    }
    List<? extends TypeMirror> permitted = type.getPermittedSubclasses();
    return type.getModifiers().contains(Modifier.SEALED) && !permitted.isEmpty()
        && permitted.stream().allMatch(p -> env.elementOf(p) != null && isEventOf(env.elementOf(p), scope));
  }

  /** Whether the generated stub, in the aggregate's package, can call {@code method}; reports when not. */
  private boolean accessible(TypeElement aggregate, ExecutableElement method, TypeElement owner, ValidationReport.Builder report) {
    PackageElement target = env.packageOf(aggregate);
    String stub = GeneratedNames.forAggregate(ClassName.get(aggregate)).stub().simpleName();
    if (!env.packageOf(owner).equals(target) && !method.getModifiers().contains(Modifier.PUBLIC)) {
      report.add(Messages.handlerNotAccessible(TypeText.method(method), stub, target.getQualifiedName(), Optional.empty()), method);
      return false;
    }
    Optional<Inaccessible> ownerProblem = env.inaccessible(owner, target);
    if (ownerProblem.isPresent()) {
      report.add(Messages.handlerNotAccessible(TypeText.method(method), stub, target.getQualifiedName(), ownerProblem), method);
      return false;
    }
    return true;
  }
}
