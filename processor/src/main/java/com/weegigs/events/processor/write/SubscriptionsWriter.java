package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.ConsumerModel;
import com.weegigs.events.processor.model.EventHandlerModel;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code StockHandlersSubscriptions}: {@code subscribe(client, handlers)} subscribes every
 * {@code @EventHandler} method of the class through its aggregate's generated client (live, or
 * durably with the name and start the annotation gives) and returns them as one
 * {@code SubscriptionGroup}. It only wires: starting, stopping and delivering are the runtime's.
 */
final class SubscriptionsWriter {
  private SubscriptionsWriter() {}

  static JavaFile write(ConsumerModel consumer, boolean generatedAnnotation) {
    ClassName name = consumer.subscriptions();
    JavaNames.Allocator locals = new JavaNames.Allocator("client", "handlers", "event", "delivery");
    Map<ClassName, String> clients = new LinkedHashMap<>();
    for (EventHandlerModel handler : consumer.handlers()) {
      clients.computeIfAbsent(handler.client(), client -> locals.allocate(JavaNames.lowerCamel(handler.aggregate().simpleName()), "Client"));
    }

    CodeText body = new CodeText()
        .addStatement("$T.requireNonNull(client, $S)", RuntimeTypes.OBJECTS, "client")
        .addStatement("$T.requireNonNull(handlers, $S)", RuntimeTypes.OBJECTS, "handlers");
    for (Map.Entry<ClassName, String> client : clients.entrySet()) {
      body.addStatement("$T $N = $T.create(client)", client.getKey(), client.getValue(), client.getKey());
    }
    CodeText starts = new CodeText();
    String separator = "";
    for (EventHandlerModel handler : consumer.handlers()) {
      starts.add(separator).add("\n() -> $L", start(handler, clients.get(handler.client())));
      separator = ",";
    }
    body.addStatement("return $T.open($L)", RuntimeTypes.SUBSCRIPTION_GROUP, starts);

    CodeText javadoc = CodeText.of("Subscribes every {@code @EventHandler} method of {@code handlers}:\n<ul>\n");
    for (EventHandlerModel handler : consumer.handlers()) {
      javadoc.add("<li>{@link $T#$N}: $L</li>\n", consumer.handlerClass(), handler.method(), handler.durable()
          .map(durable -> "the durable subscriber {@code " + durable + "}"
              + (handler.startNow() ? ", from the events stored after it first subscribes" : ""))
          .orElse("live, the events published from now on"));
    }
    javadoc.add("</ul>\n\n@param client the connection to the service whose events they receive\n"
        + "@param handlers the instance whose methods receive them\n"
        + "@return the subscriptions; close it to stop them all\n");
    MethodSpec subscribe = MethodSpec.methodBuilder("subscribe")
        .addModifiers(Modifier.PUBLIC, Modifier.STATIC)
        .returns(RuntimeTypes.SUBSCRIPTION_GROUP)
        .addParameter(RuntimeTypes.SERVICE_CLIENT, "client")
        .addParameter(consumer.handlerClass(), "handlers")
        .addJavadoc(javadoc.build())
        .addCode(body.build())
        .build();

    TypeSpec type = GeneratedFiles.annotate(TypeSpec.classBuilder(name), generatedAnnotation)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("Event subscriptions of {@link $T}, generated from its {@code @EventHandler} methods:\n"
            + "{@code $T.subscribe(client, handlers)} starts them all and returns one closeable.\n", consumer.handlerClass(), name))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build())
        .addMethod(subscribe)
        .build();
    return GeneratedFiles.file(name, type);
  }

  /** The call that starts one handler's subscription. */
  private static CodeText start(EventHandlerModel handler, String client) {
    String arguments = handler.takesRecorded() ? "event.data(), event" : "event.data()";
    if (handler.durable().isEmpty()) {
      return CodeText.of("$N.$N(event -> handlers.$N($L))", client, handler.clientMethod(), handler.method(), arguments);
    }
    CodeText config = CodeText.of("$T.named($S)", RuntimeTypes.DURABLE_SUBSCRIPTION_CONFIG, handler.durable().get());
    if (handler.startNow()) {
      config.add("$>$>\n.withStart($T.StartPosition.at($T.now()))$<$<", RuntimeTypes.DURABLE_SUBSCRIPTION_CONFIG, RuntimeTypes.INSTANT);
    }
    return CodeText.of("$N.$N($L,$>$>\n(event, delivery) -> handlers.$N($L)$<$<)", client, handler.clientMethod(), config, handler.method(),
        arguments);
  }
}
