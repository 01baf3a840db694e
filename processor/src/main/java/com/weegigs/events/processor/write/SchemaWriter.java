package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ValueType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The JSON Schema (draft 2020-12) of a record, from its components and their constraints, as compact
 * JSON text that is the same for the same model.
 *
 * <p>Rules: {@code required} lists exactly the components that are
 * {@linkplain ComponentModel#required() required}, as the codecs decide it; an object with none
 * has no {@code required}. A reference-typed component may be {@code null} unless it carries
 * {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty}; an {@code Optional} may always be
 * {@code null}, as null reads as empty whatever its value's constraints. Nested records are {@code $defs} referenced with {@code $ref}. Unknown properties
 * are allowed, as the codecs ignore them.
 */
final class SchemaWriter {
  static final String DRAFT = "https://json-schema.org/draft/2020-12/schema";

  private final Map<ClassName, RecordShape> records;
  private final ClassName root;
  private final Map<ClassName, String> defNames = new LinkedHashMap<>();
  private final Map<String, Object> defs = new LinkedHashMap<>();
  private final Set<String> usedDefNames = new HashSet<>();

  private SchemaWriter(Map<ClassName, RecordShape> records, ClassName root) {
    this.records = records;
    this.root = root;
  }

  /**
   * The schema of {@code shape}.
   *
   * @param records every record the model knows, to describe nested ones
   * @param description the schema's description, such as {@code command add-item of aggregate receipt}
   */
  static String schema(RecordShape shape, Map<ClassName, RecordShape> records, String description) {
    StringBuilder out = new StringBuilder();
    write(out, tree(shape, records, description));
    return out.toString();
  }

  /**
   * The schema of {@code shape} as a tree, before it becomes text: {@code Map}s in member order,
   * {@code List}s, strings, booleans, {@code Long}s and {@link RawNumber}s.
   */
  static Map<String, Object> tree(RecordShape shape, Map<ClassName, RecordShape> records, String description) {
    SchemaWriter writer = new SchemaWriter(records, shape.type());
    Map<String, Object> schema = new LinkedHashMap<>();
    schema.put("$schema", DRAFT);
    schema.put("title", shape.type().simpleName());
    schema.put("description", description);
    schema.putAll(writer.object(shape));
    if (!writer.defs.isEmpty()) {
      schema.put("$defs", writer.defs);
    }
    return schema;
  }

  private Map<String, Object> object(RecordShape shape) {
    Map<String, Object> object = new LinkedHashMap<>();
    object.put("type", "object");
    Map<String, Object> properties = new LinkedHashMap<>();
    List<Object> required = new ArrayList<>();
    for (ComponentModel component : shape.components()) {
      properties.put(component.name(), component(component));
      if (component.required()) {
        required.add(component.name());
      }
    }
    object.put("properties", properties);
    if (!required.isEmpty()) {
      object.put("required", required);
    }
    return object;
  }

  private Map<String, Object> component(ComponentModel component) {
    ValueType type = component.type();
    ValueType constrained = type instanceof ValueType.OptionalOf optional ? optional.value() : type;
    Map<String, Object> schema = value(constrained);
    boolean notNull = false;
    for (ConstraintModel constraint : component.constraints()) {
      notNull |= apply(schema, constrained, constraint);
    }
    if (!component.elementConstraints().isEmpty()) {
      // List<@NotBlank String>: the element's keywords go into the items (a Map's: its values') schema
      String key = type instanceof ValueType.MapOf ? "additionalProperties" : "items";
      ValueType element = ((ValueType.Container) type).held();
      @SuppressWarnings("unchecked")
      Map<String, Object> items = new LinkedHashMap<>((Map<String, Object>) schema.get(key));
      for (ConstraintModel constraint : component.elementConstraints()) {
        apply(items, element, constraint);
      }
      schema.put(key, items);
    }
    boolean primitive = type instanceof ValueType.Primitive p && !p.boxed();
    if (!primitive && (!notNull || type instanceof ValueType.OptionalOf)) {
      return nullable(schema);
    }
    return schema;
  }

  /** Adds the keywords of one constraint; answers whether it forbids {@code null}. */
  private static boolean apply(Map<String, Object> schema, ValueType type, ConstraintModel constraint) {
    String lengthMin = "minLength";
    String lengthMax = "maxLength";
    if (type instanceof ValueType.ListOf || type instanceof ValueType.SetOf) {
      lengthMin = "minItems";
      lengthMax = "maxItems";
    } else if (type instanceof ValueType.MapOf) {
      lengthMin = "minProperties";
      lengthMax = "maxProperties";
    }
    // Each kind has its own record; the casts below follow the kind.
    ConstraintModel.Rule rule = constraint.rule();
    switch (rule.kind()) {
      case NOT_NULL -> {
        return true;
      }
      case NOT_BLANK -> {
        lower(schema, "minLength", 1);
        pattern(schema, "\\S");
        return true;
      }
      case NOT_EMPTY -> {
        lower(schema, lengthMin, 1);
        return true;
      }
      case SIZE -> {
        ConstraintModel.Size size = (ConstraintModel.Size) rule;
        if (size.min() > 0) {
          lower(schema, lengthMin, (long) size.min());
        }
        if (size.max() < Integer.MAX_VALUE) {
          upper(schema, lengthMax, (long) size.max());
        }
      }
      case MIN -> lower(schema, "minimum", ((ConstraintModel.Min) rule).value());
      case MAX -> upper(schema, "maximum", ((ConstraintModel.Max) rule).value());
      case POSITIVE -> lower(schema, "exclusiveMinimum", 0);
      case POSITIVE_OR_ZERO -> lower(schema, "minimum", 0);
      case NEGATIVE -> upper(schema, "exclusiveMaximum", 0);
      case NEGATIVE_OR_ZERO -> upper(schema, "maximum", 0);
      case DECIMAL_MIN -> {
        ConstraintModel.DecimalMin min = (ConstraintModel.DecimalMin) rule;
        lower(schema, min.inclusive() ? "minimum" : "exclusiveMinimum", new RawNumber(new BigDecimal(min.value()).toString()));
      }
      case DECIMAL_MAX -> {
        ConstraintModel.DecimalMax max = (ConstraintModel.DecimalMax) rule;
        upper(schema, max.inclusive() ? "maximum" : "exclusiveMaximum", new RawNumber(new BigDecimal(max.value()).toString()));
      }
      case PATTERN -> pattern(schema, "^(?:" + ((ConstraintModel.Pattern) rule).regexp() + ")$");
      case EMAIL -> schema.put("format", "email");
    }
    return false;
  }

  /** Sets a lower bound, keeping the stricter one when another constraint set it already. */
  private static void lower(Map<String, Object> schema, String keyword, Object bound) {
    Object existing = schema.get(keyword);
    if (existing == null || decimal(bound).compareTo(decimal(existing)) > 0) {
      schema.put(keyword, bound);
    }
  }

  /** Sets an upper bound, keeping the stricter one when another constraint set it already. */
  private static void upper(Map<String, Object> schema, String keyword, Object bound) {
    Object existing = schema.get(keyword);
    if (existing == null || decimal(bound).compareTo(decimal(existing)) < 0) {
      schema.put(keyword, bound);
    }
  }

  private static BigDecimal decimal(Object number) {
    return number instanceof RawNumber raw ? new BigDecimal(raw.text()) : new BigDecimal(number.toString());
  }

  /** Adds a pattern; a second one goes into {@code allOf}, as every pattern must match. */
  private static void pattern(Map<String, Object> schema, String pattern) {
    if (!schema.containsKey("pattern")) {
      schema.put("pattern", pattern);
      return;
    }
    @SuppressWarnings("unchecked")
    List<Object> all = (List<Object>) schema.computeIfAbsent("allOf", key -> new ArrayList<>());
    all.add(Map.of("pattern", pattern));
  }

  private Map<String, Object> value(ValueType type) {
    Map<String, Object> schema = new LinkedHashMap<>();
    if (type instanceof ValueType.Primitive primitive) {
      switch (primitive.kind()) {
        case BOOLEAN -> schema.put("type", "boolean");
        case DOUBLE, FLOAT -> schema.put("type", "number");
        case INT -> {
          schema.put("type", "integer");
          schema.put("format", "int32");
        }
        case LONG -> {
          schema.put("type", "integer");
          schema.put("format", "int64");
        }
        case SHORT -> {
          schema.put("type", "integer");
          schema.put("minimum", (long) Short.MIN_VALUE);
          schema.put("maximum", (long) Short.MAX_VALUE);
        }
        case BYTE -> {
          schema.put("type", "integer");
          schema.put("minimum", (long) Byte.MIN_VALUE);
          schema.put("maximum", (long) Byte.MAX_VALUE);
        }
      }
    } else if (type instanceof ValueType.Scalar scalar) {
      switch (scalar.kind()) {
        case STRING -> schema.put("type", "string");
        case BIG_DECIMAL -> schema.put("type", "number");
        case BIG_INTEGER -> schema.put("type", "integer");
        case UUID -> {
          schema.put("type", "string");
          schema.put("format", "uuid");
        }
        case INSTANT -> {
          schema.put("type", "string");
          schema.put("format", "date-time");
        }
        case LOCAL_DATE -> {
          schema.put("type", "string");
          schema.put("format", "date");
        }
      }
    } else if (type instanceof ValueType.Enum enumType) {
      schema.put("type", "string");
      List<Object> values = new ArrayList<>();
      for (String constant : enumType.constants()) {
        values.add(com.weegigs.events.processor.names.WireNames.enumWireValue(constant));
      }
      schema.put("enum", values);
    } else if (type instanceof ValueType.Record record) {
      schema.put("$ref", reference(record.javaType()));
    } else if (type instanceof ValueType.ListOf list) {
      schema.put("type", "array");
      schema.put("items", value(list.element()));
    } else if (type instanceof ValueType.SetOf set) {
      schema.put("type", "array");
      schema.put("items", value(set.element()));
      schema.put("uniqueItems", true);
    } else if (type instanceof ValueType.MapOf map) {
      schema.put("type", "object");
      schema.put("additionalProperties", value(map.value()));
    } else if (type instanceof ValueType.OptionalOf optional) {
      return nullable(value(optional.value()));
    }
    return schema;
  }

  private String reference(ClassName record) {
    if (record.equals(root)) {
      return "#";
    }
    String name = defNames.get(record);
    if (name == null) {
      name = usedDefNames.contains(record.simpleName()) ? record.canonicalName() : record.simpleName();
      usedDefNames.add(name);
      defNames.put(record, name);
      RecordShape shape = records.get(record);
      if (shape == null) {
        throw new IllegalArgumentException("record " + record + " is not in the model");
      }
      defs.put(name, null); // keeps the order of first use, and stops endless recursion
      defs.put(name, object(shape));
    }
    return "#/$defs/" + name;
  }

  private static Map<String, Object> nullable(Map<String, Object> schema) {
    Object type = schema.get("type");
    if (type instanceof String single && !schema.containsKey("enum")) {
      Map<String, Object> copy = new LinkedHashMap<>(schema);
      copy.put("type", List.of(single, "null"));
      return copy;
    }
    if (type instanceof List<?>) {
      return schema; // already nullable
    }
    Map<String, Object> either = new LinkedHashMap<>();
    either.put("anyOf", List.of(schema, Map.of("type", "null")));
    return either;
  }

  /** A number written exactly as given. */
  record RawNumber(String text) {}

  private static void write(StringBuilder out, Object value) {
    if (value instanceof Map<?, ?> map) {
      out.append('{');
      boolean first = true;
      for (Map.Entry<?, ?> entry : map.entrySet()) {
        if (!first) {
          out.append(',');
        }
        first = false;
        JsonStrings.quote(out, entry.getKey().toString());
        out.append(':');
        write(out, entry.getValue());
      }
      out.append('}');
    } else if (value instanceof List<?> list) {
      out.append('[');
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        write(out, list.get(i));
      }
      out.append(']');
    } else if (value instanceof String text) {
      JsonStrings.quote(out, text);
    } else if (value instanceof RawNumber number) {
      out.append(number.text());
    } else {
      out.append(value); // Number or Boolean
    }
  }
}
