package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.HandlerModel;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ReceiptStub}: {@code definition(...)} builds the aggregate's {@code AggregateDefinition}
 * from the user's initial state, reducers and command handlers. It takes one instance of every class
 * whose instance handlers it calls, in {@link AggregateModel#handlerOwners()} order.
 */
final class StubWriter {
  private static final Set<String> LAMBDA_NAMES = Set.of("state", "command", "context", "event", "key");

  private StubWriter() {}

  static JavaFile write(AggregateModel aggregate, AggregateConstants constants, boolean generatedAnnotation) {
    ClassName name = aggregate.names().stub();
    ClassName codecs = aggregate.names().codecs();
    MethodSpec.Builder definition = MethodSpec.methodBuilder("definition")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_DEFINITION, aggregate.stateType(), aggregate.eventSupertype()));
    CodeText javadoc = CodeText.of("The behaviour of the {@code $L} aggregate, ready for a service to host:\n", aggregate.wireName())
        .add(aggregate.hasInitialState() ? "its initial state, " : "")
        .add("a reducer per event and a handler per command, as declared on {@link $T}", aggregate.stateType());
    CodeText body = new CodeText();

    Map<ClassName, String> owners = ownerParameters(aggregate);
    if (!owners.isEmpty()) {
      javadoc.add(" and its handler classes");
    }
    javadoc.add(".\n");
    for (Map.Entry<ClassName, String> owner : owners.entrySet()) {
      definition.addParameter(owner.getKey(), owner.getValue());
      javadoc.add("\n@param $N the instance whose {@code @CommandHandler} methods run the commands it handles", owner.getValue());
      body.addStatement("$T.requireNonNull($N, $S)", RuntimeTypes.OBJECTS, owner.getValue(), owner.getValue());
    }
    javadoc.add("\n@return the definition; pass it to the service host\n");

    CodeText chain = CodeText.of("return $T.builder($T.TYPE)", RuntimeTypes.AGGREGATE_DEFINITION, codecs);
    aggregate.initialMethod().ifPresent(initial -> chain.add("\n.initialState(key -> $T.$N(key))", aggregate.stateType(), initial));
    for (EventModel event : aggregate.events()) {
      if (event.reducer().creating()) {
        chain.add("\n.creatingReducer($T.class, event -> $T.$N(event))", event.shape().type(), aggregate.stateType(), event.reducer().method());
      } else {
        chain.add("\n.reducer($T.class, (state, event) -> state.$N(event))", event.shape().type(), event.reducer().method());
      }
    }
    for (CommandModel command : aggregate.commands()) {
      HandlerModel handler = command.handler().orElseThrow(() -> new IllegalArgumentException(
          "command " + command.wireName() + " has no handler: the API of a service gets no stub"));
      CodeText call = handlerCall(aggregate, handler, owners);
      CodeText events = handler.returnsList() ? call : CodeText.of("$T.of($L)", RuntimeTypes.LIST, call);
      String constant = constants.commandType(command);
      if (handler.takesState()) {
        chain.add("\n.command($T.$N, (state, command, context) -> $L)", codecs, constant, events);
      } else {
        chain.add("\n.creatingCommand($T.$N, (command, context) -> $L)", codecs, constant, events);
      }
    }
    chain.add("\n.build()");
    body.addStatement("$L", chain);
    definition.addJavadoc(javadoc.build()).addCode(body.build());

    TypeSpec stub = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation, aggregate.deprecatedUses())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("Service stub of the {@code $L} aggregate, generated from {@link $T}: binds every command to its\n"
            + "{@code @CommandHandler} and every event to its {@code @Reducer}. Host the result of {@link #definition}\n"
            + "in a service; the runtime decodes and validates each command before its handler runs.\n",
            aggregate.wireName(), aggregate.stateType()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(definition.build())
        .build();
    return GeneratedFiles.file(name, stub);
  }

  /**
   * The parameter of {@code definition(...)} for each handler owner, in order: its simple name in
   * lower camel case, never one of the stub's lambda parameters. The fixture's {@code create(...)}
   * takes the same.
   */
  static Map<ClassName, String> ownerParameters(AggregateModel aggregate) {
    JavaNames.Allocator parameterNames = new JavaNames.Allocator(LAMBDA_NAMES.toArray(String[]::new));
    Map<ClassName, String> owners = new LinkedHashMap<>();
    for (ClassName owner : aggregate.handlerOwners()) {
      owners.put(owner, parameterNames.allocate(JavaNames.lowerCamel(owner.simpleName()), "Instance"));
    }
    return owners;
  }

  private static CodeText handlerCall(AggregateModel aggregate, HandlerModel handler, Map<ClassName, String> owners) {
    CodeText arguments = new CodeText();
    CodeText target;
    if (handler.isStatic()) {
      target = CodeText.of("$T", handler.owner());
      if (handler.takesState()) {
        arguments.add("state, ");
      }
    } else if (handler.owner().equals(aggregate.stateType())) {
      target = CodeText.of("state");
    } else {
      String instance = owners.get(handler.owner());
      if (instance == null) {
        throw new IllegalArgumentException("handler " + handler.method() + " is on " + handler.owner().simpleName()
            + ", which is not among the aggregate's handler owners");
      }
      target = CodeText.of("$N", instance);
      if (handler.takesState()) {
        arguments.add("state, ");
      }
    }
    arguments.add("command");
    if (handler.takesContext()) {
      arguments.add(", context");
    }
    return CodeText.of("$L.$N($L)", target, handler.method(), arguments);
  }
}
