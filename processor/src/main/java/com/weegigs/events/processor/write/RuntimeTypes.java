package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;

/** Names of the runtime (and library) types generated code refers to; writers never load these classes. */
final class RuntimeTypes {
  private static final String RUNTIME = "com.weegigs.events.runtime";

  /** Support for generated code only: not API, see the package's documentation. */
  private static final String GENERATED_SUPPORT = RUNTIME + ".internal.generated";

  static final ClassName WEE_GENERATED = ClassName.get(GENERATED_SUPPORT, "WeeGenerated");
  static final ClassName GENERATED = ClassName.get("javax.annotation.processing", "Generated");
  static final String PROCESSOR = "com.weegigs.events.processor.WeeEventsProcessor";

  static final ClassName COMMAND_RESULT = ClassName.get(RUNTIME, "CommandResult");
  static final ClassName ENTITY = ClassName.get(RUNTIME, "Entity");

  static final ClassName JSON_CODEC = ClassName.get(RUNTIME + ".codec", "JsonCodec");
  static final ClassName DECODE_CONTEXT = ClassName.get(RUNTIME + ".codec", "DecodeContext");
  static final ClassName SCALAR_READERS = ClassName.get(GENERATED_SUPPORT, "ScalarReaders");
  static final ClassName BUILT_IN_CODECS = ClassName.get(GENERATED_SUPPORT, "BuiltInCodecs");
  static final ClassName CONTAINER_CODECS = ClassName.get(GENERATED_SUPPORT, "ContainerCodecs");
  static final ClassName JSON_RECORDS = ClassName.get(GENERATED_SUPPORT, "JsonRecords");
  static final ClassName JSON_FIELDS = ClassName.get(GENERATED_SUPPORT, "JsonFields");
  static final ClassName UPCASTS = ClassName.get(GENERATED_SUPPORT, "Upcasts");

  static final ClassName VIOLATION = ClassName.get(RUNTIME + ".validation", "Violation");
  static final ClassName VALIDATION_CONTEXT = ClassName.get(GENERATED_SUPPORT, "ValidationContext");
  static final ClassName CONSTRAINTS = ClassName.get(GENERATED_SUPPORT, "Constraints");

  static final ClassName COMMAND_TYPE = ClassName.get(RUNTIME + ".definition", "CommandType");
  static final ClassName ACCESS = ClassName.get(RUNTIME + ".definition", "Access");
  static final ClassName EVENT_TYPE = ClassName.get(RUNTIME + ".definition", "EventType");
  static final ClassName AGGREGATE_TYPE = ClassName.get(RUNTIME + ".definition", "AggregateType");
  static final ClassName AGGREGATE_DEFINITION = ClassName.get(RUNTIME + ".definition", "AggregateDefinition");
  static final ClassName SERVICE_DESCRIPTOR = ClassName.get(RUNTIME + ".definition", "ServiceDescriptor");

  static final ClassName AGGREGATE_FIXTURE = ClassName.get(RUNTIME + ".fixture", "AggregateFixture");

  static final ClassName SERVICE_CLIENT = ClassName.get(RUNTIME + ".client", "ServiceClient");
  static final ClassName CALL_OPTIONS = ClassName.get(RUNTIME + ".client", "CallOptions");
  static final ClassName EVENT_LISTENER = ClassName.get(RUNTIME + ".client", "EventListener");
  static final ClassName EVENT_SUBSCRIPTION = ClassName.get(RUNTIME + ".client", "EventSubscription");
  static final ClassName AGGREGATE_CLIENT = ClassName.get(RUNTIME + ".client", "AggregateClient");
  static final ClassName DURABLE_SUBSCRIPTION_CONFIG = ClassName.get(RUNTIME + ".client", "DurableSubscriptionConfig");
  static final ClassName SUBSCRIPTION_GROUP = ClassName.get(RUNTIME + ".client", "SubscriptionGroup");

  static final ClassName JSON_GENERATOR = ClassName.get("com.fasterxml.jackson.core", "JsonGenerator");
  static final ClassName JSON_PARSER = ClassName.get("com.fasterxml.jackson.core", "JsonParser");

  static final ClassName IO_EXCEPTION = ClassName.get("java.io", "IOException");
  static final ClassName LIST = ClassName.get("java.util", "List");
  static final ClassName SET = ClassName.get("java.util", "Set");
  static final ClassName MAP = ClassName.get("java.util", "Map");
  static final ClassName OPTIONAL = ClassName.get("java.util", "Optional");
  static final ClassName OBJECTS = ClassName.get("java.util", "Objects");
  static final ClassName COMPLETABLE_FUTURE = ClassName.get("java.util.concurrent", "CompletableFuture");
  static final ClassName PATTERN = ClassName.get("java.util.regex", "Pattern");
  static final ClassName INSTANT = ClassName.get("java.time", "Instant");
  static final ClassName BIG_DECIMAL = ClassName.get("java.math", "BigDecimal");

  private RuntimeTypes() {}
}
