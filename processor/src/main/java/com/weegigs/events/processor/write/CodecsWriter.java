package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.JavaFile;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.model.ValueType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
  private static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
  private static final Set<String> RESERVED_LOCALS = Set.of("parser", "context", "field", "expected", "violations", "value", "generator", "e");

  private final AggregateModel aggregate;
  private final AggregateConstants constants;
  /** Private codecs of enums and containers, by the type they encode, in the order they are needed. */
  private final Map<String, FieldSpec> helperCodecs = new LinkedHashMap<>();
  private final Map<String, String> helperNames = new LinkedHashMap<>();

  private CodecsWriter(AggregateModel aggregate, AggregateConstants constants) {
    this.aggregate = aggregate;
    this.constants = constants;
  }

  static JavaFile write(ServiceModel service, AggregateModel aggregate, AggregateConstants constants, boolean generatedAnnotation) {
    return new CodecsWriter(aggregate, constants).write(service, generatedAnnotation);
  }

  private JavaFile write(ServiceModel service, boolean generatedAnnotation) {
    ClassName codecsName = aggregate.names().codecs();
    TypeSpec.Builder codecs = GeneratedFiles.annotate(TypeSpec.classBuilder(codecsName), generatedAnnotation)
        .addModifiers(Modifier.PUBLIC, Modifier.FINAL)
        .addJavadoc(CodeText.block("JSON codecs, command types, event types and the {@link $T} of the {@code $L} aggregate,\n"
            + "generated from {@link $T} and its commands and events.\n\n"
            + "<p>Pass {@link #TYPE} to an {@code AggregateClient} or to {@code AggregateDefinition.builder};\n"
            + "the codecs need no reflection and report bad input as violations with JSON paths.\n",
            RuntimeTypes.AGGREGATE_TYPE, aggregate.wireName(), aggregate.stateType()))
        .addMethod(MethodSpec.constructorBuilder().addModifiers(Modifier.PRIVATE).build());

    List<TypeSpec> codecClasses = new ArrayList<>();
    for (Map.Entry<ClassName, RecordShape> record : constants.records().entrySet()) {
      ClassName type = record.getKey();
      ClassName codecClass = codecsName.nestedClass(constants.codecClass(type));
      codecs.addField(FieldSpec.builder(codecOf(type), constants.recordCodec(type), Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(CodeText.block("JSON codec of {@link $T}.\n", type))
          .initializer(CodeText.block("new $T()", codecClass))
          .build());
      codecClasses.add(codecClass(record.getValue(), codecClass));
    }
    helperCodecs.values().forEach(codecs::addField);

    Map<ClassName, RecordShape> records = constants.records();
    for (CommandModel command : aggregate.commands()) {
      ClassName type = command.shape().type();
      String schema = SchemaWriter.schema(command.shape(), records, "command " + command.wireName() + " of aggregate " + aggregate.wireName());
      codecs.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.COMMAND_TYPE, type), constants.commandType(command),
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(CodeText.block("Command {@code $L}, generated from {@link $T}: its codec, validator and JSON Schema.\n", command.wireName(), type))
          .initializer(CodeText.block("new $T<$T>(\n$>$>$S,\n$T.class,\n$L,\n$T::validate,\n$S)$<$<", RuntimeTypes.COMMAND_TYPE, type, command.wireName(), type,
              constants.recordCodec(type), aggregate.names().validators(), schema))
          .build());
    }
    for (EventModel event : aggregate.events()) {
      ClassName type = event.shape().type();
      String schema = SchemaWriter.schema(event.shape(), records, "event " + event.wireName() + " of aggregate " + aggregate.wireName());
      codecs.addField(FieldSpec.builder(ParameterizedTypeName.get(RuntimeTypes.EVENT_TYPE, type), constants.eventType(event),
              Modifier.PUBLIC, Modifier.STATIC, Modifier.FINAL)
          .addJavadoc(CodeText.block("Event {@code $L}, generated from {@link $T}: its codec and JSON Schema.\n", event.wireName(), type))
          .initializer(CodeText.block("new $T<$T>(\n$>$>$S,\n$T.class,\n$L,\n$S)$<$<", RuntimeTypes.EVENT_TYPE, type, event.wireName(), type,
              constants.recordCodec(type), schema))
          .build());
    }

    String stateSchema = SchemaWriter.schema(aggregate.state(), records, "state of aggregate " + aggregate.wireName());
    CodeText typeInitializer = new CodeText()
        .add("$T.<$T, $T>builder(\n$>$>$S,\n$T.class,\n$L,\n$S)$<", RuntimeTypes.AGGREGATE_TYPE, aggregate.stateType(), aggregate.eventSupertype(),
            aggregate.wireName(), aggregate.stateType(), constants.recordCodec(aggregate.stateType()), stateSchema);
    for (CommandModel command : aggregate.commands()) {
      typeInitializer.add("\n.command($L)", constants.commandType(command));
    }
    for (EventModel event : aggregate.events()) {
      typeInitializer.add("\n.event($L)", constants.eventType(event));
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

  private static TypeName codecOf(TypeName type) {
    return ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, type.box());
  }

  // --------------------------------------------------------------------------------------------
  // One record's codec class.

  private TypeSpec codecClass(RecordShape shape, ClassName codecClass) {
    TypeSpec.Builder type = TypeSpec.classBuilder(codecClass)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(codecOf(shape.type()));
    // Field names encoded once, so that writing a record never encodes its names again.
    JavaNames.Allocator names = new JavaNames.Allocator();
    List<String> fieldNames = new ArrayList<>();
    for (ComponentModel component : shape.components()) {
      String name = names.allocate("FIELD_" + JavaNames.upperSnake(component.name()), "_2");
      fieldNames.add(name);
      type.addField(FieldSpec.builder(SERIALIZED_STRING, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(CodeText.block("new $T($S)", SERIALIZED_STRING, component.name()))
          .build());
    }
    return type.addMethod(writeMethod(shape, fieldNames))
        .addMethod(readMethod(shape, fieldNames))
        .build();
  }

  private MethodSpec writeMethod(RecordShape shape, List<String> fieldNames) {
    MethodSpec.Builder write = MethodSpec.methodBuilder("write")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .addParameter(RuntimeTypes.JSON_GENERATOR, "generator")
        .addParameter(shape.type(), "value")
        .addException(RuntimeTypes.IO_EXCEPTION);
    CodeText code = new CodeText().addStatement("generator.writeStartObject()");
    for (int i = 0; i < shape.components().size(); i++) {
      ComponentModel component = shape.components().get(i);
      String name = fieldNames.get(i);
      ValueType type = component.type();
      CodeText access = CodeText.of("value.$N()", component.name());
      if (type instanceof ValueType.Primitive primitive && !primitive.boxed()) {
        code.addStatement("generator.writeFieldName($N)", name);
        code.addStatement("generator.$N($L)", primitive.javaType().equals(TypeName.BOOLEAN) ? "writeBoolean" : "writeNumber", access);
      } else if (type instanceof ValueType.Scalar scalar && scalar.javaType().canonicalName().equals("java.lang.String")) {
        code.addStatement("$T.writeStringField(generator, $N, $L)", RuntimeTypes.JSON_RECORDS, name, access);
      } else if (type instanceof ValueType.Scalar scalar && scalar.javaType().canonicalName().equals("java.math.BigDecimal")) {
        code.addStatement("$T.writeBigDecimalField(generator, $N, $L)", RuntimeTypes.JSON_RECORDS, name, access);
      } else if (type instanceof ValueType.OptionalOf optional) {
        code.addStatement("$T.writeOptionalField(generator, $N, $L, $L)", RuntimeTypes.JSON_RECORDS, name, access, codec(optional.value()));
      } else {
        code.addStatement("$T.writeField(generator, $N, $L, $L)", RuntimeTypes.JSON_RECORDS, name, access, codec(type));
      }
    }
    return write.addCode(code.addStatement("generator.writeEndObject()").build()).build();
  }

  private MethodSpec readMethod(RecordShape shape, List<String> fieldNames) {
    MethodSpec.Builder read = MethodSpec.methodBuilder("read")
        .addAnnotation(Override.class)
        .addModifiers(Modifier.PUBLIC)
        .returns(shape.type())
        .addParameter(RuntimeTypes.JSON_PARSER, "parser")
        .addParameter(RuntimeTypes.DECODE_CONTEXT, "context")
        .addException(RuntimeTypes.IO_EXCEPTION);
    CodeText code = new CodeText()
        .beginControlFlow("if (!$T.startObject(parser, context))", RuntimeTypes.JSON_RECORDS)
        .addStatement("return null")
        .endControlFlow()
        .addStatement("int violations = context.violationCount()");

    JavaNames.Allocator locals = new JavaNames.Allocator(RESERVED_LOCALS.toArray(String[]::new));
    List<String> variables = new ArrayList<>();
    List<String> presence = new ArrayList<>();
    for (ComponentModel component : shape.components()) {
      variables.add(locals.allocate(component.name(), "Value"));
    }
    for (int i = 0; i < shape.components().size(); i++) {
      ComponentModel component = shape.components().get(i);
      ValueType type = component.type();
      code.addStatement("$T $N = $L", type.javaType(), variables.get(i), defaultValue(type));
      if (defaultsWhenMissing(type)) {
        presence.add(null);
      } else {
        String flag = locals.allocate("has" + JavaNames.capitalize(component.name()), "Field");
        presence.add(flag);
        code.addStatement("boolean $N = false", flag);
      }
    }

    if (shape.components().isEmpty()) {
      code.beginControlFlow("for (String field = parser.nextFieldName(); field != null; field = parser.nextFieldName())")
          .addStatement("parser.nextToken()")
          .addStatement("parser.skipChildren()")
          .endControlFlow();
    } else {
      // Fields usually arrive in declaration order, as they are written: the one expected next is
      // matched against the input's bytes, without looking its name up.
      code.addStatement("$T expected = $N", SERIALIZED_STRING, fieldNames.get(0))
          .beginControlFlow("for (String field = $T.nextField(parser, expected); field != null; field = $T.nextField(parser, expected))",
              RuntimeTypes.JSON_RECORDS, RuntimeTypes.JSON_RECORDS)
          .addStatement("parser.nextToken()")
          .beginControlFlow("switch (field)");
      for (int i = 0; i < shape.components().size(); i++) {
        ComponentModel component = shape.components().get(i);
        code.beginControlFlow("case $S ->", component.name())
            .addStatement("$N = $L", variables.get(i), readValue(component));
        if (presence.get(i) != null) {
          code.addStatement("$N = true", presence.get(i));
        }
        if (i + 1 < fieldNames.size()) {
          code.addStatement("expected = $N", fieldNames.get(i + 1));
        } else {
          code.addStatement("expected = null");
        }
        code.endControlFlow();
      }
      code.addStatement("default -> parser.skipChildren()")
          .endControlFlow()
          .endControlFlow();
    }

    for (int i = 0; i < shape.components().size(); i++) {
      if (presence.get(i) != null) {
        code.beginControlFlow("if (!$N)", presence.get(i))
            .addStatement("$T.missing(context, $S)", RuntimeTypes.JSON_RECORDS, shape.components().get(i).name())
            .endControlFlow();
      }
    }
    code.beginControlFlow("if (context.violationCount() != violations)")
        .addStatement("return null")
        .endControlFlow();
    code.beginControlFlow("try")
        .addStatement("return new $T($L)", shape.type(), String.join(", ", variables))
        .nextControlFlow("catch ($T e)", RuntimeException.class)
        .addComment("the record's own constructor refused the values")
        .addStatement("$T.rejected(context, e)", RuntimeTypes.JSON_RECORDS)
        .addStatement("return null")
        .endControlFlow();
    return read.addCode(code.build()).build();
  }

  private CodeText readValue(ComponentModel component) {
    String name = component.name();
    ValueType type = component.type();
    if (type instanceof ValueType.Primitive primitive && !primitive.boxed()) {
      String method = switch (primitive.javaType().toString()) {
        case "boolean" -> "readBoolean";
        case "int" -> "readInt";
        case "long" -> "readLong";
        case "short" -> "readShort";
        case "byte" -> "readByte";
        case "double" -> "readDouble";
        case "float" -> "readFloat";
        default -> throw new IllegalArgumentException("component " + name + ": no codec for " + primitive.javaType());
      };
      return CodeText.of("$T.$N(parser, context, $S)", RuntimeTypes.SCALAR_READERS, method, name);
    }
    if (type instanceof ValueType.Scalar scalar) {
      String method = switch (scalar.javaType().canonicalName()) {
        case "java.lang.String" -> "readString";
        case "java.math.BigDecimal" -> "readBigDecimal";
        case "java.math.BigInteger" -> "readBigInteger";
        case "java.util.UUID" -> "readUuid";
        case "java.time.Instant" -> "readInstant";
        case "java.time.LocalDate" -> "readLocalDate";
        default -> throw new IllegalArgumentException("component " + name + ": no codec for " + scalar.javaType());
      };
      return CodeText.of("$T.$N(parser, context, $S)", RuntimeTypes.SCALAR_READERS, method, name);
    }
    return CodeText.of("$T.readField(parser, context, $S, $L)", RuntimeTypes.JSON_RECORDS, name, codec(type));
  }

  private static boolean defaultsWhenMissing(ValueType type) {
    return type instanceof ValueType.OptionalOf || type instanceof ValueType.ListOf
        || type instanceof ValueType.SetOf || type instanceof ValueType.MapOf;
  }

  private static CodeText defaultValue(ValueType type) {
    if (type instanceof ValueType.Primitive primitive && !primitive.boxed()) {
      return CodeText.of(primitive.javaType().equals(TypeName.BOOLEAN) ? "false" : "0");
    }
    if (type instanceof ValueType.OptionalOf) {
      return CodeText.of("$T.empty()", RuntimeTypes.OPTIONAL);
    }
    if (type instanceof ValueType.ListOf) {
      return CodeText.of("$T.of()", RuntimeTypes.LIST);
    }
    if (type instanceof ValueType.SetOf) {
      return CodeText.of("$T.of()", RuntimeTypes.SET);
    }
    if (type instanceof ValueType.MapOf) {
      return CodeText.of("$T.of()", RuntimeTypes.MAP);
    }
    return CodeText.of("null");
  }

  /** Whether a component is read and written without a codec object (primitives, strings, numbers, times). */
  private static boolean isDirect(ValueType type) {
    return (type instanceof ValueType.Primitive primitive && !primitive.boxed()) || type instanceof ValueType.Scalar;
  }

  // --------------------------------------------------------------------------------------------
  // Codec expressions.

  /** An expression for the codec of {@code type}; enum and container codecs become private constants. */
  private CodeText codec(ValueType type) {
    if (type instanceof ValueType.Primitive primitive) {
      String name = switch (primitive.javaType().box().toString()) {
        case "java.lang.Boolean" -> "BOOLEAN";
        case "java.lang.Integer" -> "INTEGER";
        case "java.lang.Long" -> "LONG";
        case "java.lang.Short" -> "SHORT";
        case "java.lang.Byte" -> "BYTE";
        case "java.lang.Double" -> "DOUBLE";
        case "java.lang.Float" -> "FLOAT";
        default -> throw new IllegalArgumentException("no codec for " + primitive.javaType());
      };
      return CodeText.of("$T.$N", RuntimeTypes.BUILT_IN_CODECS, name);
    }
    if (type instanceof ValueType.Scalar scalar) {
      String name = switch (scalar.javaType().canonicalName()) {
        case "java.lang.String" -> "STRING";
        case "java.math.BigDecimal" -> "BIG_DECIMAL";
        case "java.math.BigInteger" -> "BIG_INTEGER";
        case "java.util.UUID" -> "UUID_CODEC";
        case "java.time.Instant" -> "INSTANT";
        case "java.time.LocalDate" -> "LOCAL_DATE";
        default -> throw new IllegalArgumentException("no codec for " + scalar.javaType());
      };
      return CodeText.of("$T.$N", RuntimeTypes.BUILT_IN_CODECS, name);
    }
    if (type instanceof ValueType.Record record) {
      String constant = constants.recordCodec(record.javaType());
      if (constant == null) {
        throw new IllegalArgumentException("record " + record.javaType() + " is not among the aggregate's records");
      }
      return CodeText.of("$T.$N", aggregate.names().codecs(), constant);
    }
    String key = type.javaType().toString();
    String existing = helperNames.get(key);
    if (existing != null) {
      return CodeText.of("$T.$N", aggregate.names().codecs(), existing);
    }
    CodeText initializer;
    if (type instanceof ValueType.Enum enumType) {
      initializer = CodeText.of("$T.enumCodec($T.class, $T.values())", RuntimeTypes.CONTAINER_CODECS, enumType.javaType(), enumType.javaType());
    } else if (type instanceof ValueType.ListOf list) {
      initializer = CodeText.of("$T.list($L)", RuntimeTypes.CONTAINER_CODECS, codec(list.element()));
    } else if (type instanceof ValueType.SetOf set) {
      initializer = CodeText.of("$T.set($L)", RuntimeTypes.CONTAINER_CODECS, codec(set.element()));
    } else if (type instanceof ValueType.MapOf map) {
      initializer = CodeText.of("$T.map($L)", RuntimeTypes.CONTAINER_CODECS, codec(map.value()));
    } else if (type instanceof ValueType.OptionalOf optional) {
      initializer = CodeText.of("$T.optional($L)", RuntimeTypes.CONTAINER_CODECS, codec(optional.value()));
    } else {
      throw new IllegalArgumentException("no codec for " + type);
    }
    String name = constants.codecsMembers().allocate(helperName(type) + "_CODEC", "_2");
    helperNames.put(key, name);
    helperCodecs.put(key, FieldSpec.builder(codecOf(type.javaType()), name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .initializer(initializer.build())
        .build());
    return CodeText.of("$T.$N", aggregate.names().codecs(), name);
  }

  private static String helperName(ValueType type) {
    if (type instanceof ValueType.ListOf list) {
      return "LIST_OF_" + helperName(list.element());
    }
    if (type instanceof ValueType.SetOf set) {
      return "SET_OF_" + helperName(set.element());
    }
    if (type instanceof ValueType.MapOf map) {
      return "MAP_OF_" + helperName(map.value());
    }
    if (type instanceof ValueType.OptionalOf optional) {
      return "OPTIONAL_" + helperName(optional.value());
    }
    TypeName javaType = type.javaType().box();
    String simple = javaType instanceof ClassName className ? className.simpleName() : javaType.toString();
    return JavaNames.upperSnake(simple);
  }
}
