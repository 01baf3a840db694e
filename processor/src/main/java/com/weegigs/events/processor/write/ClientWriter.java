package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.palantir.javapoet.WildcardTypeName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import java.util.List;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ReceiptClient}, the typed client interface (asynchronous methods, a nested
 * {@code Blocking} view, typed live and durable event subscriptions), and {@code NatsReceiptClient}, which implements it
 * over the runtime's {@code AggregateClient}.
 */
final class ClientWriter {
  private static final String CLIENT_PACKAGE = RuntimeTypes.SERVICE_CLIENT.packageName();
  private static final ClassName DURABLE_CONFIG = ClassName.get(CLIENT_PACKAGE, "DurableSubscriptionConfig");
  private static final ClassName DURABLE_LISTENER = ClassName.get(CLIENT_PACKAGE, "DurableEventListener");
  private static final ClassName COLLECTION = ClassName.get("java.util", "Collection");

  private final boolean generatedAnnotation;
  private final AggregateModel aggregate;
  private final AggregateConstants constants;
  private final TypeName result;
  private final TypeName entity;

  private ClientWriter(AggregateModel aggregate, AggregateConstants constants, boolean generatedAnnotation) {
    this.generatedAnnotation = generatedAnnotation;
    this.aggregate = aggregate;
    this.constants = constants;
    this.result = ParameterizedTypeName.get(RuntimeTypes.COMMAND_RESULT, aggregate.stateType(), aggregate.eventSupertype());
    this.entity = ParameterizedTypeName.get(RuntimeTypes.ENTITY, aggregate.stateType());
  }

  static List<JavaFile> write(AggregateModel aggregate, AggregateConstants constants, boolean generatedAnnotation) {
    ClientWriter writer = new ClientWriter(aggregate, constants, generatedAnnotation);
    return List.of(writer.clientInterface(), writer.natsClient());
  }

  private static TypeName future(TypeName type) {
    return ParameterizedTypeName.get(RuntimeTypes.COMPLETABLE_FUTURE, type);
  }

  private static TypeName listener(TypeName type) {
    return ParameterizedTypeName.get(RuntimeTypes.EVENT_LISTENER, type);
  }

  /** {@code name(DurableSubscriptionConfig config, [Collection<...> events, ]DurableEventListener<type> listener)}. */
  private MethodSpec.Builder durable(String name, TypeName type, boolean withEvents) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .returns(RuntimeTypes.EVENT_SUBSCRIPTION)
        .addParameter(DURABLE_CONFIG, "config");
    if (withEvents) {
      method.addParameter(ParameterizedTypeName.get(COLLECTION, WildcardTypeName.subtypeOf(
          ParameterizedTypeName.get(RuntimeTypes.EVENT_TYPE, WildcardTypeName.subtypeOf(aggregate.eventSupertype())))), "events");
    }
    return method.addParameter(ParameterizedTypeName.get(DURABLE_LISTENER, type), "listener");
  }

  private static final String DURABLE_DOC = "The subscriber {@code config.durableName()} reads the events the service stored in JetStream, from\n"
      + "where it stopped (for a new one, from {@code config.start()}), and shares them with every instance of the same name.\n"
      + "Each is acknowledged after {@code listener} returns and delivered again after a backoff when it throws; see\n"
      + "{@link $T}.\n\n@param config the subscriber's name and settings\n";

  /** {@code name(String key[, <command> command][, CallOptions options])} returning {@code returns}. */
  private static MethodSpec.Builder keyed(String name, TypeName returns, TypeName command, boolean withOptions) {
    MethodSpec.Builder method = MethodSpec.methodBuilder(name)
        .returns(returns)
        .addParameter(String.class, "key");
    if (command != null) {
      method.addParameter(command, "command");
    }
    if (withOptions) {
      method.addParameter(RuntimeTypes.CALL_OPTIONS, "options");
    }
    return method;
  }

  /** {@code method} as a public implementation of an interface method. */
  private static MethodSpec.Builder overriding(MethodSpec.Builder method) {
    return method.addAnnotation(Override.class).addModifiers(Modifier.PUBLIC);
  }

  private JavaFile clientInterface() {
    ClassName name = aggregate.names().client();
    ClassName blocking = name.nestedClass("Blocking");
    TypeSpec.Builder client = GeneratedFiles.annotate(TypeSpec.interfaceBuilder(name), generatedAnnotation, aggregate.deprecatedUses())
        .addModifiers(Modifier.PUBLIC)
        .addJavadoc(CodeText.block("Typed client of the {@code $L} aggregate, generated from {@link $T}: one method per command, {@code get}\n"
            + "and a subscription per event. Methods return at once with a {@link $T}; {@link #blocking()} waits instead.\n"
            + "A failed call completes with the {@code ServiceException} of its wire error code.\n\n"
            + "<pre>{@code\n$T receipts = $T.create(serviceClient);\n}</pre>\n",
            aggregate.wireName(), aggregate.stateType(), RuntimeTypes.COMPLETABLE_FUTURE, name, name));

    for (CommandModel command : aggregate.commands()) {
      String method = constants.clientMethod(command);
      ClassName type = command.shape().type();
      client.addMethod(keyed(method, future(result), type, false)
          .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
          .addJavadoc(CodeText.block("Sends command {@code $L} ({@link $T}) to the aggregate {@code key}, with the default call options.\n\n"
              + "@param key the aggregate's key\n@param command the command\n@return the entity after the command and the events it recorded\n",
              command.wireName(), type))
          .addCode(CodeText.statement("return $N(key, command, $T.DEFAULT)", method, RuntimeTypes.CALL_OPTIONS))
          .build());
      client.addMethod(keyed(method, future(result), type, true)
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc(CodeText.block("Sends command {@code $L} ({@link $T}) to the aggregate {@code key}.\n\n"
              + "@param key the aggregate's key\n@param command the command\n@param options timeout, expected revision and ids\n"
              + "@return the entity after the command and the events it recorded\n",
              command.wireName(), type))
          .build());
    }
    client.addMethod(keyed("get", future(entity), null, false)
        .addModifiers(Modifier.PUBLIC, Modifier.DEFAULT)
        .addJavadoc(CodeText.block("Reads the current state of the aggregate {@code key}, with the default call options.\n\n"
            + "@param key the aggregate's key\n@return its entity\n"))
        .addCode(CodeText.statement("return get(key, $T.DEFAULT)", RuntimeTypes.CALL_OPTIONS))
        .build());
    client.addMethod(keyed("get", future(entity), null, true)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(CodeText.block("Reads the current state of the aggregate {@code key}.\n\n"
            + "@param key the aggregate's key\n@param options timeout and ids\n@return its entity\n"))
        .build());
    for (EventModel event : aggregate.events()) {
      client.addMethod(MethodSpec.methodBuilder(constants.listenerMethod(event))
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .returns(RuntimeTypes.EVENT_SUBSCRIPTION)
          .addParameter(listener(event.shape().type()), "listener")
          .addJavadoc(CodeText.block("Calls {@code listener} with every {@code $L} event ({@link $T}) published from now on, until the\n"
              + "subscription is closed.\n\n@param listener receives each event\n@return the subscription; close it to stop\n",
              event.wireName(), event.shape().type()))
          .build());
      client.addMethod(durable(constants.listenerMethod(event), event.shape().type(), false)
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc(CodeText.block("Calls {@code listener} with every stored {@code $L} event ({@link $T}), durably.\n" + DURABLE_DOC
              + "@param listener receives each event with its delivery count\n@return the subscription; close it to stop\n",
              event.wireName(), event.shape().type(), DURABLE_CONFIG))
          .build());
    }
    client.addMethod(MethodSpec.methodBuilder("onEvent")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(RuntimeTypes.EVENT_SUBSCRIPTION)
        .addParameter(listener(aggregate.eventSupertype()), "listener")
        .addJavadoc(CodeText.block("Calls {@code listener} with every event of the aggregate published from now on, until the subscription\n"
            + "is closed.\n\n@param listener receives each event\n@return the subscription; close it to stop\n"))
        .build());
    client.addMethod(durable("onEvent", aggregate.eventSupertype(), false)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(CodeText.block("Calls {@code listener} with every stored event of the aggregate, durably.\n" + DURABLE_DOC
            + "@param listener receives each event with its delivery count\n@return the subscription; close it to stop\n",
            DURABLE_CONFIG))
        .build());
    client.addMethod(durable("onEvent", aggregate.eventSupertype(), true)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(CodeText.block("Calls {@code listener} with every stored event of the given types, durably.\n" + DURABLE_DOC
            + "@param events the event types (the {@code EventType} constants of {@link $T}); at least one\n"
            + "@param listener receives each event with its delivery count\n@return the subscription; close it to stop\n",
            DURABLE_CONFIG, aggregate.names().codecs()))
        .build());
    client.addMethod(MethodSpec.methodBuilder("blocking")
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .returns(blocking)
        .addJavadoc(CodeText.block("The same calls, waiting for their answers.\n\n@return the blocking view of this client\n"))
        .build());
    client.addMethod(MethodSpec.methodBuilder("create")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(name)
        .addParameter(RuntimeTypes.SERVICE_CLIENT, "client")
        .addJavadoc(CodeText.block("A client of the aggregate over {@code client}'s NATS connection.\n\n"
            + "@param client the connection to the service\n@return the typed client\n"))
        .addCode(CodeText.statement("return new $T(client)", aggregate.names().natsClient()))
        .build());
    client.addType(blockingInterface(blocking));
    return GeneratedFiles.file(name, client.build());
  }

  private TypeSpec blockingInterface(ClassName blocking) {
    TypeSpec.Builder view = TypeSpec.interfaceBuilder(blocking)
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .addJavadoc(CodeText.block("The calls of {@link $T}, each waiting for its answer (at most the call's timeout) and throwing\n"
            + "the {@code ServiceException} of its wire error code when it fails.\n", aggregate.names().client()));
    for (CommandModel command : aggregate.commands()) {
      String method = constants.clientMethod(command);
      ClassName type = command.shape().type();
      view.addMethod(keyed(method, result, type, false)
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc(CodeText.block("Sends command {@code $L} ({@link $T}) and waits for the answer.\n\n"
              + "@param key the aggregate's key\n@param command the command\n@return the entity after the command and its events\n",
              command.wireName(), type))
          .build());
      view.addMethod(keyed(method, result, type, true)
          .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
          .addJavadoc(CodeText.block("Sends command {@code $L} ({@link $T}) and waits for the answer.\n\n"
              + "@param key the aggregate's key\n@param command the command\n@param options timeout, expected revision and ids\n"
              + "@return the entity after the command and its events\n",
              command.wireName(), type))
          .build());
    }
    view.addMethod(keyed("get", entity, null, false)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(CodeText.block("Reads the current state of the aggregate {@code key} and waits for it.\n\n@param key the aggregate's key\n@return its entity\n"))
        .build());
    view.addMethod(keyed("get", entity, null, true)
        .addModifiers(Modifier.PUBLIC, Modifier.ABSTRACT)
        .addJavadoc(CodeText.block("Reads the current state of the aggregate {@code key} and waits for it.\n\n"
            + "@param key the aggregate's key\n@param options timeout and ids\n@return its entity\n"))
        .build());
    return view.build();
  }

  private JavaFile natsClient() {
    ClassName name = aggregate.names().natsClient();
    ClassName client = aggregate.names().client();
    ClassName codecs = aggregate.names().codecs();
    ClassName blockingName = name.nestedClass("BlockingClient");
    TypeName aggregateClient = ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_CLIENT, aggregate.stateType(), aggregate.eventSupertype());

    TypeSpec.Builder nats = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation, aggregate.deprecatedUses())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addSuperinterface(client)
        .addJavadoc(CodeText.block("{@link $T} over NATS, generated from {@link $T}: every call goes through the runtime's\n"
            + "{@code AggregateClient} with the codecs of {@link $T#TYPE}. Obtain one with {@link $T#create}.\n",
            client, aggregate.stateType(), codecs, client))
        .addField(FieldSpec.builder(aggregateClient, "client", Modifier.PRIVATE, Modifier.FINAL).build())
        .addField(FieldSpec.builder(client.nestedClass("Blocking"), "blocking", Modifier.PRIVATE, Modifier.FINAL)
            .initializer(CodeText.block("new $T()", blockingName))
            .build())
        .addMethod(MethodSpec.constructorBuilder()
            .addModifiers(Modifier.PUBLIC)
            .addParameter(RuntimeTypes.SERVICE_CLIENT, "client")
            .addJavadoc(CodeText.block("A client of the {@code $L} aggregate over {@code client}.\n\n@param client the connection to the service\n",
                aggregate.wireName()))
            .addCode(CodeText.statement("this.client = new $T<>(client, $T.TYPE)", RuntimeTypes.AGGREGATE_CLIENT, codecs))
            .build());

    TypeSpec.Builder blocking = TypeSpec.classBuilder(blockingName)
        .addModifiers(Modifier.PRIVATE, Modifier.FINAL)
        .addSuperinterface(client.nestedClass("Blocking"));

    for (CommandModel command : aggregate.commands()) {
      String method = constants.clientMethod(command);
      ClassName type = command.shape().type();
      nats.addMethod(overriding(keyed(method, future(result), type, true))
          .addCode(CodeText.statement("return client.send($T.$N, key, command, options)", codecs, constants.commandType(command)))
          .build());
      blocking.addMethod(overriding(keyed(method, result, type, false))
          .addCode(CodeText.statement("return $T.await($T.this.$N(key, command))", RuntimeTypes.AGGREGATE_CLIENT, name, method))
          .build());
      blocking.addMethod(overriding(keyed(method, result, type, true))
          .addCode(CodeText.statement("return $T.await($T.this.$N(key, command, options))", RuntimeTypes.AGGREGATE_CLIENT, name, method))
          .build());
    }
    nats.addMethod(overriding(keyed("get", future(entity), null, true))
        .addCode(CodeText.statement("return client.get(key, options)"))
        .build());
    blocking.addMethod(overriding(keyed("get", entity, null, false))
        .addCode(CodeText.statement("return $T.await($T.this.get(key))", RuntimeTypes.AGGREGATE_CLIENT, name))
        .build());
    blocking.addMethod(overriding(keyed("get", entity, null, true))
        .addCode(CodeText.statement("return $T.await($T.this.get(key, options))", RuntimeTypes.AGGREGATE_CLIENT, name))
        .build());
    for (EventModel event : aggregate.events()) {
      nats.addMethod(overriding(MethodSpec.methodBuilder(constants.listenerMethod(event)))
          .returns(RuntimeTypes.EVENT_SUBSCRIPTION)
          .addParameter(listener(event.shape().type()), "listener")
          .addCode(CodeText.statement("return client.subscribe($T.$N, listener)", codecs, constants.eventType(event)))
          .build());
      nats.addMethod(overriding(durable(constants.listenerMethod(event), event.shape().type(), false))
          .addCode(CodeText.statement("return client.subscribeDurable(config, $T.$N, listener)", codecs, constants.eventType(event)))
          .build());
    }
    nats.addMethod(overriding(MethodSpec.methodBuilder("onEvent"))
        .returns(RuntimeTypes.EVENT_SUBSCRIPTION)
        .addParameter(listener(aggregate.eventSupertype()), "listener")
        .addCode(CodeText.statement("return client.subscribeAll(listener)"))
        .build());
    nats.addMethod(overriding(durable("onEvent", aggregate.eventSupertype(), false))
        .addCode(CodeText.statement("return client.subscribeAllDurable(config, listener)"))
        .build());
    nats.addMethod(overriding(durable("onEvent", aggregate.eventSupertype(), true))
        .addCode(CodeText.statement("return client.subscribeDurable(config, events, listener)"))
        .build());
    nats.addMethod(overriding(MethodSpec.methodBuilder("blocking"))
        .returns(client.nestedClass("Blocking"))
        .addCode(CodeText.statement("return blocking"))
        .build());
    nats.addType(blocking.build());
    return GeneratedFiles.file(name, nats.build());
  }
}
