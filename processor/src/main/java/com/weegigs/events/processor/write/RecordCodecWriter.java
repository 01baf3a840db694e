package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.MethodSpec;
import com.palantir.javapoet.TypeSpec;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.lang.model.element.Modifier;

/**
 * Writes the private codec class of one record: field names encoded once, a {@code write} that
 * streams the components in declaration order, and a {@code read} that expects them in that order,
 * accepts any other, reports every missing required field or bad field as a violation with its
 * path, and lets the record's own constructor have the last word. A component that is not
 * {@linkplain ComponentModel#required() required} and is missing keeps its default: empty for an
 * {@code Optional} or a container, {@code null} for any other reference.
 */
final class RecordCodecWriter {
  private static final ClassName SERIALIZED_STRING = ClassName.get("com.fasterxml.jackson.core.io", "SerializedString");
  private static final String FIELDS = "FIELDS";
  private static final Set<String> RESERVED_LOCALS = Set.of("parser", "context", "field", "violations", "value", "generator", "e");

  private final CodecExpressions codecs;

  RecordCodecWriter(CodecExpressions codecs) {
    this.codecs = codecs;
  }

  TypeSpec codecClass(RecordShape shape, ClassName codecClass) {
    TypeSpec.Builder type = TypeSpec.classBuilder(codecClass)
        .addModifiers(Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
        .addSuperinterface(CodecExpressions.codecOf(shape.type()));
    // Field names encoded once, so that writing a record never encodes its names again.
    JavaNames.Allocator names = new JavaNames.Allocator(FIELDS);
    List<String> fieldNames = new ArrayList<>();
    for (ComponentModel component : shape.components()) {
      String name = names.allocate("FIELD_" + JavaNames.upperSnake(component.name()), "_2");
      fieldNames.add(name);
      type.addField(FieldSpec.builder(SERIALIZED_STRING, name, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(CodeText.block("new $T($S)", SERIALIZED_STRING, component.name()))
          .build());
    }
    if (!fieldNames.isEmpty()) {
      // read switches on a field's index in declaration order: a case per component, in that order
      type.addField(FieldSpec.builder(RuntimeTypes.JSON_FIELDS, FIELDS, Modifier.PRIVATE, Modifier.STATIC, Modifier.FINAL)
          .initializer(CodeText.block("$T.of($L)", RuntimeTypes.JSON_FIELDS, String.join(", ", fieldNames)))
          .build());
    }
    return type.addMethod(writeMethod(shape, fieldNames))
        .addMethod(readMethod(shape))
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
        code.addStatement("generator.$N($L)", primitive.kind() == ValueType.Primitive.Kind.BOOLEAN ? "writeBoolean" : "writeNumber", access);
      } else if (type instanceof ValueType.Scalar scalar && scalar.kind() == ValueType.Scalar.Kind.STRING) {
        code.addStatement("$T.writeStringField(generator, $N, $L)", RuntimeTypes.JSON_RECORDS, name, access);
      } else if (type instanceof ValueType.Scalar scalar && scalar.kind() == ValueType.Scalar.Kind.BIG_DECIMAL) {
        code.addStatement("$T.writeBigDecimalField(generator, $N, $L)", RuntimeTypes.JSON_RECORDS, name, access);
      } else if (type instanceof ValueType.OptionalOf optional) {
        code.addStatement("$T.writeOptionalField(generator, $N, $L, $L)", RuntimeTypes.JSON_RECORDS, name, access, codecs.codec(optional.value()));
      } else {
        code.addStatement("$T.writeField(generator, $N, $L, $L)", RuntimeTypes.JSON_RECORDS, name, access, codecs.codec(type));
      }
    }
    return write.addCode(code.addStatement("generator.writeEndObject()").build()).build();
  }

  private MethodSpec readMethod(RecordShape shape) {
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
      if (!component.required()) {
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
      code.beginControlFlow("for (int field = $N.first(parser); field != $T.END; field = $N.next(parser, field))",
              FIELDS, RuntimeTypes.JSON_FIELDS, FIELDS)
          .addStatement("parser.nextToken()")
          .beginControlFlow("switch (field)");
      for (int i = 0; i < shape.components().size(); i++) {
        CodeText assignment = CodeText.of("$N = $L", variables.get(i), readValue(shape.components().get(i)));
        if (presence.get(i) == null) {
          code.addStatement("case $L -> $L", i, assignment);
        } else {
          code.beginControlFlow("case $L ->", i)
              .addStatement("$L", assignment)
              .addStatement("$N = true", presence.get(i))
              .endControlFlow();
        }
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
      String method = switch (primitive.kind()) {
        case BOOLEAN -> "readBoolean";
        case INT -> "readInt";
        case LONG -> "readLong";
        case SHORT -> "readShort";
        case BYTE -> "readByte";
        case DOUBLE -> "readDouble";
        case FLOAT -> "readFloat";
      };
      return CodeText.of("$T.$N(parser, context, $S)", RuntimeTypes.SCALAR_READERS, method, name);
    }
    if (type instanceof ValueType.Scalar scalar) {
      String method = switch (scalar.kind()) {
        case STRING -> "readString";
        case BIG_DECIMAL -> "readBigDecimal";
        case BIG_INTEGER -> "readBigInteger";
        case UUID -> "readUuid";
        case INSTANT -> "readInstant";
        case LOCAL_DATE -> "readLocalDate";
      };
      return CodeText.of("$T.$N(parser, context, $S)", RuntimeTypes.SCALAR_READERS, method, name);
    }
    return CodeText.of("$T.readField(parser, context, $S, $L)", RuntimeTypes.JSON_RECORDS, name, codecs.codec(type));
  }

  private static CodeText defaultValue(ValueType type) {
    if (type instanceof ValueType.Primitive primitive && !primitive.boxed()) {
      return CodeText.of(primitive.kind() == ValueType.Primitive.Kind.BOOLEAN ? "false" : "0");
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
}
