package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.CodeBlock;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.AccessModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ServiceModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * Writes {@code ReceiptCodecs}: a streaming JSON codec per record (state, commands, events, nested
 * records), the {@code CommandType} and {@code EventType} of every command and event, and the
 * aggregate's {@code TYPE}.
 *
 * <p>Declaration order matters for static initialisation: record codecs first (their classes hold no
 * static state), then the private codecs of enums and collections built from them, then the types
 * that use both. Codec classes refer to those constants only when they run, so records may refer to
 * each other, and to themselves, freely.
 */
final class CodecsWriter {
  private final AggregateModel aggregate;
  private final AggregateConstants constants;
  private final CodecExpressions expressions;

  private CodecsWriter(AggregateModel aggregate, AggregateConstants constants) {
    this.aggregate = aggregate;
    this.constants = constants;
    this.expressions = new CodecExpressions(aggregate, constants);
  }

  static JavaFile write(ServiceModel service, AggregateModel aggregate, AggregateConstants constants, boolean generatedAnnotation) {
    return new CodecsWriter(aggregate, constants).write(service, generatedAnnotation);
  }

  private JavaFile write(ServiceModel service, boolean generatedAnnotation) {
    ClassName codecsName = aggregate.names().codecs();
    TypeSpec.Builder codecs = GeneratedFiles.annotate(TypeSpec.classBuilder(codecsName), generatedAnnotation, aggregate.deprecatedUses())
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("JSON codecs, command types, event types and the {@link $T} of the {@code $L} aggregate,\n"
            + "generated from {@link $T} and its commands and events.\n\n"
            + "<p>Pass {@link #TYPE} to an {@code AggregateClient} or to {@code AggregateDefinition.builder};\n"
            + "the codecs need no reflection and report bad input as violations with JSON paths.\n",
            RuntimeTypes.AGGREGATE_TYPE, aggregate.wireName(), aggregate.stateType()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    List<TypeSpec> codecClasses = new ArrayList<>();
    RecordCodecWriter recordCodecs = new RecordCodecWriter(expressions);
    for (Map.Entry<ClassName, RecordShape> record : constants.records().entrySet()) {
      ClassName type = record.getKey();
      ClassName codecClass = codecsName.nestedClass(constants.codecClass(type));
      codecs.addField(FieldSpec.builder(CodecExpressions.codecOf(type), constants.recordCodec(type), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(CodeText.block("JSON codec of {@link $T}.\n", type))
          .initializer(CodeText.block("new $T()", codecClass))
          .build());
      codecClasses.add(recordCodecs.codecClass(record.getValue(), codecClass));
    }
    expressions.helperFields().forEach(codecs::addField);

    Map<ClassName, RecordShape> records = constants.records();
    for (CommandModel command : aggregate.commands()) {
      ClassName type = command.shape().type();
      String schema = schemaBlock(command.shape(), records, commandDescription(aggregate, command));
      codecs.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.COMMAND_TYPE, type), constants.commandType(command),
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(command.access().restricted()
              ? CodeText.block("Command {@code $L}, generated from {@link $T}: its codec, validator, JSON Schema and who may send\nit ($L).\n",
                  command.wireName(), type, command.access().describe())
              : CodeText.block("Command {@code $L}, generated from {@link $T}: its codec, validator and JSON Schema.\n", command.wireName(), type))
          .initializer(command.access().restricted()
              ? CodeText.block("new $T<$T>(\n$>$>$S,\n$T.class,\n$L,\n$T::validate,\n$L,\n$L)$<$<", RuntimeTypes.COMMAND_TYPE, type,
                  command.wireName(), type, constants.recordCodec(type), aggregate.names().validators(), schema, access(command.access()))
              : CodeText.block("new $T<$T>(\n$>$>$S,\n$T.class,\n$L,\n$T::validate,\n$L)$<$<", RuntimeTypes.COMMAND_TYPE, type,
                  command.wireName(), type, constants.recordCodec(type), aggregate.names().validators(), schema))
          .build());
    }
    for (EventModel event : aggregate.events()) {
      ClassName type = event.shape().type();
      String schema = schemaBlock(event.shape(), records, eventDescription(aggregate, event));
      codecs.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.EVENT_TYPE, type), constants.eventType(event),
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(event.version() == 1
              ? CodeText.block("Event {@code $L}, generated from {@link $T}: its codec and JSON Schema.\n", event.wireName(), type)
              : CodeText.block("Event {@code $L} at version $L, generated from {@link $T}: its codec, JSON Schema, and the readers of its\n"
                  + "older versions, which apply its {@code @Upcaster} methods.\n", event.wireName(), event.version(), type))
          .initializer(event.version() == 1
              ? CodeText.block("new $T<$T>(\n$>$>$S,\n$T.class,\n$L,\n$L)$<$<", RuntimeTypes.EVENT_TYPE, type, event.wireName(), type,
                  constants.recordCodec(type), schema)
              : CodeText.block("new $T<$T>(\n$>$>$S,\n$T.class,\n$L,\n$L,\n$L,\n$L)$<$<", RuntimeTypes.EVENT_TYPE, type, event.wireName(),
                  type, constants.recordCodec(type), schema, event.version(), UpcastChains.olderVersions(event, constants, codecsName)))
          .build());
    }

    String stateSchema = schemaBlock(aggregate.state(), records, stateDescription(aggregate));
    CodeText typeInitializer = new CodeText()
        .add("$T.<$T, $T>builder(\n$>$>$S,\n$T.class,\n$L,\n$L)$<", RuntimeTypes.AGGREGATE_TYPE, aggregate.stateType(), aggregate.eventSupertype(),
            aggregate.wireName(), aggregate.stateType(), constants.recordCodec(aggregate.stateType()), stateSchema);
    for (CommandModel command : aggregate.commands()) {
      typeInitializer.add("\n.command($L)", constants.commandType(command));
    }
    for (EventModel event : aggregate.events()) {
      typeInitializer.add("\n.event($L)", constants.eventType(event));
    }
    if (aggregate.queryAccess().restricted()) {
      typeInitializer.add("\n.queryAccess($L)", access(aggregate.queryAccess()));
    }
    typeInitializer.add("\n.build()$<");
    codecs.addField(FieldSpec.builder(
            ParameterizedTypeName.get(RuntimeTypes.AGGREGATE_TYPE, aggregate.stateType(), aggregate.eventSupertype()), "TYPE",
            Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("The {@code $L} aggregate of service {@code $L}: state codec and schema, commands and events.\n",
            aggregate.wireName(), service.name()))
        .initializer(typeInitializer.build())
        .build());

    codecClasses.forEach(codecs::addType);
    return GeneratedFiles.file(codecsName, codecs.build());
  }

  /** The description in the JSON Schema of {@code command}. */
  static String commandDescription(AggregateModel aggregate, CommandModel command) {
    return "command " + command.wireName() + " of aggregate " + aggregate.wireName();
  }

  /** The description in the JSON Schema of {@code event}. */
  static String eventDescription(AggregateModel aggregate, EventModel event) {
    return "event " + event.wireName() + " of aggregate " + aggregate.wireName();
  }

  /** The description in the JSON Schema of the state of {@code aggregate}. */
  static String stateDescription(AggregateModel aggregate) {
    return "state of aggregate " + aggregate.wireName();
  }

  /** The JSON Schema of {@code shape} as a text block literal (see {@link SchemaWriter} and {@link JsonTextBlock}). */
  private static String schemaBlock(RecordShape shape, Map<ClassName, RecordShape> records, String description) {
    return JsonTextBlock.of(SchemaWriter.schema(shape, records, description));
  }

  /** The runtime's {@code Access} value of a restricted rule: {@code Access.DENY_ALL} or {@code Access.roles("a", "b")}. */
  private static CodeBlock access(AccessModel access) {
    return access.rule() == AccessModel.Rule.DENY_ALL
        ? CodeText.block("$T.DENY_ALL", RuntimeTypes.ACCESS)
        : CodeText.block("$T.roles($L)", RuntimeTypes.ACCESS,
            CodeBlock.join(access.roles().stream().map(role -> CodeBlock.of("$S", role)).toList(), ", "));
  }
}
