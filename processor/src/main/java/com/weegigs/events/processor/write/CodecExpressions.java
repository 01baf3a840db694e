package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.FieldSpec;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.ValueType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.lang.model.element.Modifier;

/**
 * The expression of the codec of each value type in one aggregate's codecs class: the runtime's
 * constant for a primitive or scalar, the record's own constant, and for enums and containers a
 * private constant of the codecs class, declared once, in the order they are first needed.
 */
final class CodecExpressions {
  private final AggregateModel aggregate;
  private final AggregateConstants constants;
  /** Private codecs of enums and containers, by the type they encode, in the order they are needed. */
  private final Map<String, FieldSpec> helperCodecs = new LinkedHashMap<>();
  private final Map<String, String> helperNames = new LinkedHashMap<>();

  CodecExpressions(AggregateModel aggregate, AggregateConstants constants) {
    this.aggregate = aggregate;
    this.constants = constants;
  }

  /** {@code JsonCodec<T>} of {@code type}, boxed. */
  static TypeName codecOf(TypeName type) {
    return ParameterizedTypeName.get(RuntimeTypes.JSON_CODEC, type.box());
  }

  /** The private constants {@link #codec} has declared so far, in the order they were first needed. */
  Collection<FieldSpec> helperFields() {
    return helperCodecs.values();
  }

  /** An expression for the codec of {@code type}; enum and container codecs become private constants. */
  CodeText codec(ValueType type) {
    if (type instanceof ValueType.Primitive primitive) {
      String name = switch (primitive.kind()) {
        case BOOLEAN -> "BOOLEAN";
        case INT -> "INTEGER";
        case LONG -> "LONG";
        case SHORT -> "SHORT";
        case BYTE -> "BYTE";
        case DOUBLE -> "DOUBLE";
        case FLOAT -> "FLOAT";
      };
      return CodeText.of("$T.$N", RuntimeTypes.BUILT_IN_CODECS, name);
    }
    if (type instanceof ValueType.Scalar scalar) {
      String name = switch (scalar.kind()) {
        case STRING -> "STRING";
        case BIG_DECIMAL -> "BIG_DECIMAL";
        case BIG_INTEGER -> "BIG_INTEGER";
        case UUID -> "UUID_CODEC";
        case INSTANT -> "INSTANT";
        case LOCAL_DATE -> "LOCAL_DATE";
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
