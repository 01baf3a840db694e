package com.weegigs.events.processor.write;

import static com.weegigs.events.processor.write.CompiledModels.codec;
import static com.weegigs.events.processor.write.CompiledModels.constant;
import static com.weegigs.events.processor.write.CompiledModels.read;
import static com.weegigs.events.processor.write.CompiledModels.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The JSON Schema and the decoder of each generated record agree on which fields may be absent:
 * for every component of every record below, an object that leaves it out decodes exactly when the
 * schema does not list it in {@code required}, to the documented default (empty for an
 * {@code Optional} or a container, {@code null} for any other reference), and JSON {@code null}
 * reads as absence does. Between them the records hold every kind of component the codecs support.
 */
class SchemaDecoderAgreementTest {
  private static final JsonFactory JSON = new JsonFactory();
  private static final String RECEIPTS = "com.example.receipts.ReceiptCodecs";
  private static final String SHOP = "com.example.shop.OrderCodecs";
  private static final String CUSTOMER = "\"123e4567-e89b-12d3-a456-426614174000\"";
  private static final String ADDRESS = "{\"street\":\"1 Main St\",\"postcode\":\"2000\"}";
  private static final String LINE = "{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":1.25}";

  /** A generated codec, the schema that describes its record, and a complete object for it. */
  private record Case(String name, JsonCodec<Object> codec, Map<String, Object> schema, String complete) {}

  private static List<Case> cases() throws Exception {
    Map<String, Object> placeOrder = parse(((CommandType<?>) constant(SHOP, "PLACE_ORDER")).schema());
    @SuppressWarnings("unchecked")
    Map<String, Object> defs = (Map<String, Object>) placeOrder.get("$defs");
    return List.of(
        command(RECEIPTS, "ADD_ITEM", "{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}"),
        command(RECEIPTS, "VOID_RECEIPT", "{\"reason\":\"typo\"}"),
        event(RECEIPTS, "ITEM_ADDED", "{\"name\":\"Tea\",\"price\":2.5,\"quantity\":3,\"lineTotal\":7.5}"),
        state(RECEIPTS, "RECEIPT_CODEC", "{\"id\":\"r-1\",\"status\":\"open\",\"items\":[],\"total\":0}"),
        command(SHOP, "PLACE_ORDER", "{\"customer\":" + CUSTOMER + ",\"email\":\"ada@example.com\",\"lines\":[" + LINE + "],"
            + "\"tags\":[\"gift\"],\"counts\":{\"a\":1},\"note\":\"ring twice\",\"deliverTo\":" + ADDRESS + ","
            + "\"due\":\"2026-11-27\",\"priority\":\"in-progress\",\"weight\":1.5,\"sequence\":-1,\"reference\":7,\"discount\":-1}"),
        new Case("Line", codec(constant(SHOP, "LINE_CODEC")), map(defs.get("Line")), LINE),
        new Case("Address", codec(constant(SHOP, "ADDRESS_CODEC")), map(defs.get("Address")), ADDRESS),
        command(SHOP, "SHIP", "{\"to\":" + ADDRESS + "}"),
        event(SHOP, "ORDER_SHIPPED", "{\"to\":" + ADDRESS + "}"),
        event(SHOP, "ORDER_PLACED", "{\"id\":\"o-1\",\"customer\":" + CUSTOMER + ",\"placedAt\":\"2026-11-27T10:00:00Z\","
            + "\"lines\":[],\"note\":\"n\"}"),
        state(SHOP, "ORDER_CODEC", "{\"id\":\"o-1\",\"customer\":" + CUSTOMER + ",\"placedAt\":\"2026-11-27T10:00:00Z\","
            + "\"lines\":[],\"paid\":true}"));
  }

  @Test
  void everyComponentIsRequiredInTheSchemaExactlyWhenTheDecoderRequiresIt() throws Exception {
    Set<String> kindsSeen = new TreeSet<>();
    for (Case c : cases()) {
      Map<String, String> fields = fields(c.complete());
      assertEquals(map(c.schema().get("properties")).keySet(), fields.keySet(), c.name() + ": the complete object has every property");
      Object whole = read(c.codec(), c.complete(), new DecodeContext());
      assertNotNull(whole, c.name());
      Set<String> required = requiredOf(c.schema());
      for (String field : fields.keySet()) {
        RecordComponent component = component(whole.getClass(), field);
        boolean isRequired = required.contains(field);
        kindsSeen.add(kind(component.getType()) + (isRequired ? " required" : " optional"));

        DecodeContext context = new DecodeContext();
        Object absent = read(c.codec(), without(fields, field, null), context);
        if (isRequired) {
          assertNull(absent, c.name() + "." + field + " is required, so an object without it must not decode");
          assertEquals(List.of(new Violation(field, "is required")), context.violations(), c.name() + "." + field);
        } else {
          assertEquals(List.of(), context.violations(), c.name() + "." + field + " is optional, so an object without it decodes");
          assertNotNull(absent, c.name() + "." + field);
          assertEquals(defaultOf(component.getType()), component.getAccessor().invoke(absent), c.name() + "." + field + " reads as its default");
          DecodeContext nullContext = new DecodeContext();
          Object nulled = read(c.codec(), without(fields, field, "null"), nullContext);
          assertEquals(List.of(), nullContext.violations(), c.name() + "." + field + ": null");
          assertEquals(absent, nulled, c.name() + "." + field + ": JSON null reads as absence does");
        }
      }
    }
    assertTrue(kindsSeen.containsAll(Set.of(
            "boolean required", "int required", "long required", "double required", "Integer optional",
            "String required", "String optional", "BigDecimal required", "BigDecimal optional", "BigInteger optional",
            "UUID required", "UUID optional", "Instant optional", "LocalDate optional", "enum optional",
            "record required", "record optional", "List optional", "Set optional", "Map optional", "Optional optional")),
        () -> "kinds covered: " + kindsSeen);
  }

  @Test
  void theEncoderWritesNullsAndEmptyContainersAndLeavesOutAnEmptyOptional() throws Exception {
    JsonCodec<Object> placeOrder = codec(constant(SHOP, "PLACE_ORDER"));
    Object minimal = read(placeOrder, "{\"customer\":" + CUSTOMER + ",\"weight\":0,\"sequence\":0}", new DecodeContext());
    assertEquals("{\"customer\":" + CUSTOMER + ",\"email\":null,\"lines\":[],\"tags\":[],\"counts\":{},\"due\":null,"
        + "\"priority\":null,\"weight\":0.0,\"sequence\":0,\"reference\":null,\"discount\":null}", write(placeOrder, minimal));
  }

  private static Case command(String codecs, String constant, String complete) throws Exception {
    CommandType<?> type = (CommandType<?>) constant(codecs, constant);
    return new Case(constant, codec(type.codec()), parse(type.schema()), complete);
  }

  private static Case event(String codecs, String constant, String complete) throws Exception {
    EventType<?> type = (EventType<?>) constant(codecs, constant);
    return new Case(constant, codec(type.codec()), parse(type.schema()), complete);
  }

  private static Case state(String codecs, String constant, String complete) throws Exception {
    AggregateType<?, ?> type = (AggregateType<?, ?>) constant(codecs, "TYPE");
    return new Case(constant, codec(constant(codecs, constant)), parse(type.stateSchema()), complete);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  private static Set<String> requiredOf(Map<String, Object> schema) {
    Object required = schema.get("required");
    return required == null ? Set.of() : ((List<?>) required).stream().map(Object::toString).collect(Collectors.toSet());
  }

  private static RecordComponent component(Class<?> record, String name) {
    for (RecordComponent component : record.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    throw new AssertionError(record.getSimpleName() + " has no component " + name);
  }

  private static String kind(Class<?> type) {
    if (type.isEnum()) {
      return "enum";
    }
    if (type.isRecord()) {
      return "record";
    }
    return type.getSimpleName();
  }

  private static Object defaultOf(Class<?> type) {
    if (type == Optional.class) {
      return Optional.empty();
    }
    if (type == List.class) {
      return List.of();
    }
    if (type == Set.class) {
      return Set.of();
    }
    if (type == Map.class) {
      return Map.of();
    }
    return null;
  }

  /** The object's fields with their values as JSON text, in order. */
  private static Map<String, String> fields(String json) throws IOException {
    Map<String, String> fields = new LinkedHashMap<>();
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      String name;
      while ((name = parser.nextFieldName()) != null) {
        parser.nextToken();
        StringWriter value = new StringWriter();
        try (JsonGenerator generator = JSON.createGenerator(value)) {
          generator.copyCurrentStructure(parser);
        }
        fields.put(name, value.toString());
      }
    }
    return fields;
  }

  /** The object without {@code field}, or with {@code replacement} as its value when that is not {@code null}. */
  private static String without(Map<String, String> fields, String field, String replacement) {
    List<String> members = new ArrayList<>();
    fields.forEach((name, value) -> {
      if (!name.equals(field)) {
        members.add("\"" + name + "\":" + value);
      } else if (replacement != null) {
        members.add("\"" + name + "\":" + replacement);
      }
    });
    return "{" + String.join(",", members) + "}";
  }

  /** A JSON text as maps, lists, strings, numbers, booleans and {@code null}. */
  private static Map<String, Object> parse(String json) throws IOException {
    try (JsonParser parser = JSON.createParser(json)) {
      parser.nextToken();
      return map(tree(parser));
    }
  }

  private static Object tree(JsonParser parser) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      Map<String, Object> object = new LinkedHashMap<>();
      String name;
      while ((name = parser.nextFieldName()) != null) {
        parser.nextToken();
        object.put(name, tree(parser));
      }
      return object;
    }
    if (token == JsonToken.START_ARRAY) {
      List<Object> array = new ArrayList<>();
      while (parser.nextToken() != JsonToken.END_ARRAY) {
        array.add(tree(parser));
      }
      return array;
    }
    return switch (token) {
      case VALUE_STRING -> parser.getText();
      case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> parser.getDecimalValue();
      case VALUE_TRUE -> true;
      case VALUE_FALSE -> false;
      default -> null;
    };
  }
}
