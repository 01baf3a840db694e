package com.weegigs.events.processor.write;

import static com.weegigs.events.processor.write.CompiledModels.codec;
import static com.weegigs.events.processor.write.CompiledModels.constant;
import static com.weegigs.events.processor.write.CompiledModels.read;
import static com.weegigs.events.processor.write.CompiledModels.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandContext;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Runs the generated codecs, validators and stubs of the test models, as {@link CompiledModels}
 * compiles them with the hand-written domain records and the runtime.
 */
class GeneratedCodeTest {
  private static ClassLoader loader;

  @BeforeAll
  static void compile() {
    loader = CompiledModels.loader();
  }

  private static Object decodeClean(JsonCodec<Object> codec, String json) throws IOException {
    DecodeContext context = new DecodeContext();
    Object value = read(codec, json, context);
    assertEquals(List.of(), context.violations());
    assertNotNull(value);
    return value;
  }

  @Test
  void commandRoundTripsAndIgnoresUnknownFields() throws Exception {
    JsonCodec<Object> addItem = codec(constant("com.example.receipts.ReceiptCodecs", "ADD_ITEM"));
    Object command = decodeClean(addItem, "{\"extra\":{\"deep\":[1,{\"x\":null}]},\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}");
    assertEquals("AddItem[name=Coffee, price=4.5, quantity=2]", command.toString());
    assertEquals("{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2}", write(addItem, command));
  }

  @Test
  void badJsonGivesEveryViolationWithItsPath() throws Exception {
    JsonCodec<Object> addItem = codec(constant("com.example.receipts.ReceiptCodecs", "ADD_ITEM"));
    DecodeContext context = new DecodeContext("command");
    assertNull(read(addItem, "{\"name\":5,\"quantity\":1e30}", context));
    assertEquals(List.of(
        new Violation("command.name", "must be a string"),
        new Violation("command.quantity", "must be an integer between -2147483648 and 2147483647"),
        new Violation("command.price", "is required")), context.violations());

    JsonCodec<Object> state = codec(constant("com.example.receipts.ReceiptCodecs", "RECEIPT_CODEC"));
    DecodeContext nested = new DecodeContext();
    assertNull(read(state, "{\"id\":\"r-1\",\"status\":\"weird\",\"items\":[{\"name\":\"Tea\",\"price\":2,\"quantity\":1},"
        + "{\"name\":\"Cake\",\"price\":\"x\"}],\"total\":null}", nested));
    assertEquals(List.of(
        new Violation("status", "must be one of: open, closed, voided"),
        new Violation("items[1].price", "must be a number"),
        new Violation("items[1].quantity", "is required")), nested.violations());

    DecodeContext notAnObject = new DecodeContext("command");
    assertNull(read(addItem, "[1,2]", notAnObject));
    assertEquals(List.of(new Violation("command", "must be an object")), notAnObject.violations());
    assertThrows(IOException.class, () -> read(addItem, "{\"name\":\"x\",", new DecodeContext()));
  }

  @Test
  void stateAndEventsRoundTrip() throws Exception {
    JsonCodec<Object> state = codec(constant("com.example.receipts.ReceiptCodecs", "RECEIPT_CODEC"));
    String json = "{\"id\":\"r-1\",\"status\":\"open\",\"items\":[{\"name\":\"Tea\",\"price\":2.50,\"quantity\":1}],\"total\":2.50}";
    assertEquals(json, write(state, decodeClean(state, json)));
    JsonCodec<Object> itemAdded = codec(constant("com.example.receipts.ReceiptCodecs", "ITEM_ADDED_CODEC"));
    String event = "{\"name\":\"Tea\",\"price\":2.5,\"quantity\":3,\"lineTotal\":7.5}";
    assertEquals(event, write(itemAdded, decodeClean(itemAdded, event)));
    // a missing list is empty, JSON null for a reference is null
    assertEquals("{\"id\":null,\"status\":\"closed\",\"items\":[],\"total\":1}",
        write(state, decodeClean(state, "{\"id\":null,\"status\":\"closed\",\"total\":1}")));
  }

  @Test
  void everyValueTypeRoundTrips() throws Exception {
    JsonCodec<Object> placeOrder = codec(constant("com.example.shop.OrderCodecs", "PLACE_ORDER"));
    String json = "{\"customer\":\"123e4567-e89b-12d3-a456-426614174000\",\"email\":\"ada@example.com\","
        + "\"lines\":[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":1.25}],\"tags\":[\"gift\",\"fragile\"],\"counts\":{\"a\":1,\"b\":null},"
        + "\"note\":\"ring twice\",\"deliverTo\":{\"street\":\"1 Main St\",\"postcode\":\"2000\"},\"due\":\"2026-11-27\","
        + "\"priority\":\"in-progress\",\"weight\":1.5,\"sequence\":-9223372036854775808,"
        + "\"reference\":123456789012345678901234567890,\"discount\":null}";
    assertEquals(json, write(placeOrder, decodeClean(placeOrder, json)));
    String minimal = "{\"customer\":null,\"email\":null,\"due\":null,\"priority\":null,\"weight\":0,\"sequence\":0,"
        + "\"reference\":null,\"discount\":-1}";
    assertEquals("{\"customer\":null,\"email\":null,\"lines\":[],\"tags\":[],\"counts\":{},\"due\":null,\"priority\":null,"
        + "\"weight\":0.0,\"sequence\":0,\"reference\":null,\"discount\":-1}", write(placeOrder, decodeClean(placeOrder, minimal)));

    DecodeContext missing = new DecodeContext();
    assertNull(read(placeOrder, "{\"weight\":null,\"sequence\":99999999999999999999}", missing));
    assertEquals(List.of("weight", "sequence", "customer"),
        missing.violations().stream().map(Violation::path).toList());
    assertEquals("must not be null", missing.violations().get(0).message());
  }

  @Test
  void recordConstructorRefusalIsAViolation() throws Exception {
    JsonCodec<Object> order = codec(constant("com.example.shop.OrderCodecs", "ORDER_CODEC"));
    DecodeContext context = new DecodeContext("state");
    assertNull(read(order, "{\"id\":\"\",\"customer\":null,\"placedAt\":\"2026-11-27T10:00:00Z\",\"paid\":false}", context));
    assertEquals(List.of(new Violation("state", "is not valid: id must not be empty")), context.violations());
  }

  @Test
  @SuppressWarnings("unchecked")
  void validatorsReportEveryViolationWithPaths() throws Exception {
    CommandType<Object> addItem = (CommandType<Object>) constant("com.example.receipts.ReceiptCodecs", "ADD_ITEM");
    Object bad = decodeClean(addItem.codec(), "{\"name\":\" \",\"price\":-1,\"quantity\":0}");
    assertEquals(List.of(
        new Violation("name", "must not be blank"),
        new Violation("price", "must be greater than or equal to 0"),
        new Violation("quantity", "must be greater than or equal to 1")), addItem.validator().validate(bad));
    assertEquals(List.of(), addItem.validator().validate(decodeClean(addItem.codec(), "{\"name\":\"Tea\",\"price\":0,\"quantity\":1}")));

    CommandType<Object> placeOrder = (CommandType<Object>) constant("com.example.shop.OrderCodecs", "PLACE_ORDER");
    Object order = decodeClean(placeOrder.codec(), "{\"customer\":null,\"email\":\"nope\","
        + "\"lines\":[{\"sku\":\"A\",\"quantity\":1,\"unitPrice\":1},{\"sku\":\"\",\"quantity\":0,\"unitPrice\":0.00}],"
        + "\"note\":\"this note is much too long\",\"deliverTo\":{\"street\":\"\",\"postcode\":\"20000\"},\"due\":null,\"priority\":null,"
        + "\"weight\":100.5,\"sequence\":1,\"reference\":1001,\"discount\":0}");
    assertEquals(List.of(
        "customer: must not be null",
        "email: must be a well-formed email address",
        "lines[1].sku: must not be empty",
        "lines[1].quantity: must be greater than 0",
        "lines[1].unitPrice: must be greater than 0.00",
        "note: size must be between 0 and 20",
        "deliverTo.street: must not be blank",
        "deliverTo.postcode: must match \"[0-9]{4}\"",
        "weight: must be less than or equal to 100",
        "sequence: must be less than or equal to 0",
        "reference: must be less than or equal to 1000",
        "discount: must be less than 0"),
        placeOrder.validator().validate(order).stream().map(v -> v.path() + ": " + v.message()).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void stubWiresHandlersReducersAndInitialState() throws Exception {
    Object handlers = Class.forName("com.example.receipts.ReceiptHandlers", true, loader).getConstructor().newInstance();
    AggregateDefinition<Object, Object> receipts = (AggregateDefinition<Object, Object>) Class.forName("com.example.receipts.ReceiptStub", true, loader)
        .getMethod("definition", handlers.getClass()).invoke(null, handlers);
    assertTrue(receipts.hasInitialState());
    CommandContext context = new CommandContext(new AggregateId("receipt", "r-1"), CommandMetadata.EMPTY,
        Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    Object state = receipts.initialState("r-1");
    var addItem = (AggregateDefinition.CommandBinding<Object, Object, Object>) receipts.command("add-item");
    List<?> added = addItem.handler().handle(state, decodeClean(codec(addItem.type()), "{\"name\":\"Tea\",\"price\":2.5,\"quantity\":2}"), context);
    assertEquals("[ItemAdded[name=Tea, price=2.5, quantity=2, lineTotal=5.0]]", added.toString());
    state = receipts.apply(state, added.get(0));
    var removeItem = (AggregateDefinition.CommandBinding<Object, Object, Object>) receipts.command("remove-item");
    assertThrows(RejectedException.class,
        () -> removeItem.handler().handle(receipts.initialState("r-1"), decodeClean(codec(removeItem.type()), "{\"name\":\"Tea\"}"), context));
    var finalizeReceipt = (AggregateDefinition.CommandBinding<Object, Object, Object>) receipts.command("finalize");
    List<?> finalized = finalizeReceipt.handler().handle(state, decodeClean(codec(finalizeReceipt.type()), "{}"), context);
    state = receipts.apply(state, finalized.get(0));
    var voidReceipt = (AggregateDefinition.CommandBinding<Object, Object, Object>) receipts.command("void-receipt");
    List<?> voided = voidReceipt.handler().handle(state, decodeClean(codec(voidReceipt.type()), "{\"reason\":\"mistake\"}"), context);
    state = receipts.apply(state, voided.get(0));
    assertEquals("Receipt[id=r-1, status=VOIDED, items=[Item[name=Tea, price=2.5, quantity=2]], total=5.0]", state.toString());

    AggregateDefinition<Object, Object> orders = (AggregateDefinition<Object, Object>) Class.forName("com.example.shop.OrderStub", true, loader)
        .getMethod("definition").invoke(null);
    assertTrue(!orders.hasInitialState());
    var place = (AggregateDefinition.CommandBinding<Object, Object, Object>) orders.command("place-order");
    assertTrue(place.creating());
    CommandContext orderContext = new CommandContext(new AggregateId("order", "o-1"), CommandMetadata.EMPTY,
        Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    Object placeOrder = decodeClean(codec(place.type()), "{\"customer\":null,\"email\":null,\"due\":null,\"priority\":null,"
        + "\"weight\":0,\"sequence\":0,\"reference\":null,\"discount\":null}");
    List<?> placed = place.creatingHandler().handle(placeOrder, orderContext);
    Object order = orders.apply(null, placed.get(0));
    var pay = (AggregateDefinition.CommandBinding<Object, Object, Object>) orders.command("pay");
    order = orders.apply(order, pay.handler().handle(order, decodeClean(codec(pay.type()), "{\"amount\":10}"), orderContext).get(0));
    assertEquals("Order[id=o-1, customer=null, placedAt=2026-11-27T10:00:00Z, lines=[], paid=true]", order.toString());
  }

  @Test
  void typesSubjectsAndDescriptor() throws Exception {
    AggregateType<?, ?> receipt = (AggregateType<?, ?>) constant("com.example.receipts.ReceiptCodecs", "TYPE");
    assertEquals("receipt", receipt.name());
    assertEquals(List.of("add-item", "finalize", "remove-item", "void-receipt"), List.copyOf(receipt.commands().keySet()));
    assertEquals(List.of("item-added", "item-removed", "receipt-finalized", "receipt-voided"), List.copyOf(receipt.events().keySet()));
    assertTrue(receipt.stateSchema().contains("\"$defs\":{\"Item\":"));
    assertEquals("receipts.command.receipt.add-item", constant("com.example.receipts.ReceiptSubjects", "ADD_ITEM_COMMAND"));
    assertEquals("receipts.events.receipt.item-added", constant("com.example.receipts.ReceiptSubjects", "ITEM_ADDED_EVENT"));
    assertEquals("receipts.query.receipt.get", constant("com.example.receipts.ReceiptSubjects", "QUERY_GET"));
    assertEquals("receipts.events.receipt.*", constant("com.example.receipts.ReceiptSubjects", "ALL_EVENTS"));
    assertEquals("receipts.health", constant("com.example.receipts.ReceiptSubjects", "HEALTH"));
    ServiceDescriptor shop = (ServiceDescriptor) constant("com.example.shop.ShopService", "DESCRIPTOR");
    assertEquals("shop", shop.name());
    assertEquals("2.1.0-rc.1", shop.version());
    assertEquals(List.of("order"), shop.aggregates().stream().map(AggregateType::name).toList());
  }

  @Test
  @SuppressWarnings("unchecked")
  void namesThatCollideWithGeneratedOnesStillWork() throws Exception {
    assertEquals("default", ((CommandType<?>) constant("com.example.edge.EdgeCodecs", "DEFAULT")).name());
    assertEquals("type", ((CommandType<?>) constant("com.example.edge.EdgeCodecs", "TYPE_COMMAND")).name());
    assertEquals("default", ((com.weegigs.events.runtime.definition.EventType<?>) constant("com.example.edge.EdgeCodecs", "DEFAULT_EVENT")).name());
    Class<?> client = Class.forName("com.example.edge.EdgeClient", true, loader);
    assertNotNull(client.getMethod("defaultCommand", String.class, Class.forName("com.example.edge.Default", true, loader)));
    assertNotNull(client.getMethod("onEventEvent", com.weegigs.events.runtime.client.EventListener.class));
    // durable subscriptions overload the live ones: one per event, all events, several types
    assertNotNull(client.getMethod("onEventEvent", com.weegigs.events.runtime.client.DurableSubscriptionConfig.class,
        com.weegigs.events.runtime.client.DurableEventListener.class));
    assertNotNull(client.getMethod("onEvent", com.weegigs.events.runtime.client.DurableSubscriptionConfig.class,
        com.weegigs.events.runtime.client.DurableEventListener.class));
    assertNotNull(client.getMethod("onEvent", com.weegigs.events.runtime.client.DurableSubscriptionConfig.class,
        java.util.Collection.class, com.weegigs.events.runtime.client.DurableEventListener.class));

    JsonCodec<Object> state = codec(constant("com.example.edge.EdgeCodecs", "EDGE_CODEC"));
    String json = "{\"parser\":\"p\",\"context\":1,\"field\":null,\"e\":true,\"value\":\"v\",\"hasParser\":\"h\","
        + "\"generator\":[\"g\"],\"violations\":{\"parser\":\"inner\",\"context\":2,\"field\":\"f\",\"e\":false,\"value\":null,"
        + "\"hasParser\":null,\"generator\":[]}}";
    assertEquals(json, write(state, decodeClean(state, json)));
    DecodeContext context = new DecodeContext();
    assertNull(read(state, "{\"violations\":{\"context\":\"x\"}}", context));
    assertEquals(List.of("violations.context", "violations.parser", "violations.e", "parser", "context", "e"),
        context.violations().stream().map(Violation::path).toList());
    AggregateType<?, ?> type = (AggregateType<?, ?>) constant("com.example.edge.EdgeCodecs", "TYPE");
    assertTrue(type.stateSchema().contains("{\"anyOf\":[{\"$ref\":\"#\"},{\"type\":\"null\"}]}"), type.stateSchema());

    Object handlers = Class.forName("com.example.edge.State", true, loader).getConstructor().newInstance();
    AggregateDefinition<Object, Object> edges = (AggregateDefinition<Object, Object>) Class.forName("com.example.edge.EdgeStub", true, loader)
        .getMethod("definition", handlers.getClass()).invoke(null, handlers);
    CommandContext commandContext = new CommandContext(new AggregateId("edge", "x"), CommandMetadata.EMPTY,
        Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC));
    var binding = (AggregateDefinition.CommandBinding<Object, Object, Object>) edges.command("default");
    Object command = decodeClean(codec(binding.type()), "{\"violations\":4}");
    assertEquals(List.of(new Violation("violations", "must be less than or equal to 3")), binding.type().validator().validate(command));
    assertEquals("[Defaulted[violations=4]]", binding.handler().handle(edges.initialState("x"), command, commandContext).toString());
  }

  private static final List<String> REPLACEMENTS = List.of("\"x\"", "\"\"", "1e30", "-1", "0", "null", "[]", "{}", "true", "1.5",
      "\"2026-13-01\"", "\"2026-11-27\"", "\"2026-11-27T10:00:00Z\"", "\"123e4567-e89b-12d3-a456-426614174000\"", "\"in-progress\"",
      "[1,\"a\",null,{}]", "[{\"sku\":1}]", "{\"a\":{\"b\":[]}}", "{\"street\":[],\"postcode\":5}", "99999999999999999999",
      "1e9999999999", "-0.0");

  /**
   * Replaces each field of a valid document in turn with each of {@link #REPLACEMENTS}: decoding never
   * throws, reports problems only under that field (or the record's constructor refuses the values),
   * and whatever it accepts validates, encodes and decodes again to the same value.
   */
  @SuppressWarnings("unchecked")
  private static void replaceEachField(Object typeConstant, java.util.Map<String, String> fields) throws Exception {
    JsonCodec<Object> codec = codec(typeConstant);
    int accepted = 0;
    int refused = 0;
    for (String field : fields.keySet()) {
      for (String replacement : REPLACEMENTS) {
        StringBuilder json = new StringBuilder("{");
        fields.forEach((name, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":")
            .append(name.equals(field) ? replacement : value));
        json.append('}');
        DecodeContext context = new DecodeContext();
        Object value = read(codec, json.toString(), context);
        if (value == null) {
          refused++;
          assertTrue(context.hasViolations(), json::toString);
          for (Violation violation : context.violations()) {
            boolean recordRefused = violation.path().isEmpty() && violation.message().startsWith("is not valid: ");
            assertTrue(recordRefused || violation.path().equals(field) || violation.path().startsWith(field + ".")
                    || violation.path().startsWith(field + "["),
                () -> json + " gave " + violation);
          }
        } else {
          accepted++;
          assertEquals(List.of(), context.violations(), json::toString);
          if (typeConstant instanceof CommandType<?> command) {
            assertNotNull(((CommandType<Object>) command).validator().validate(value));
          }
          assertEquals(value, decodeClean(codec, write(codec, value)), json::toString);
        }
      }
    }
    assertTrue(accepted > 0 && refused > 0, "accepted " + accepted + ", refused " + refused);
  }

  @Test
  void noReplacedFieldMakesDecodingThrow() throws Exception {
    java.util.Map<String, String> placeOrder = new java.util.LinkedHashMap<>();
    placeOrder.put("customer", "\"123e4567-e89b-12d3-a456-426614174000\"");
    placeOrder.put("email", "\"ada@example.com\"");
    placeOrder.put("lines", "[{\"sku\":\"A\",\"quantity\":2,\"unitPrice\":1.25}]");
    placeOrder.put("tags", "[\"gift\"]");
    placeOrder.put("counts", "{\"a\":1}");
    placeOrder.put("note", "\"n\"");
    placeOrder.put("deliverTo", "{\"street\":\"1 Main St\",\"postcode\":\"2000\"}");
    placeOrder.put("due", "\"2026-11-27\"");
    placeOrder.put("priority", "\"high\"");
    placeOrder.put("weight", "1.5");
    placeOrder.put("sequence", "-3");
    placeOrder.put("reference", "12");
    placeOrder.put("discount", "-1");
    replaceEachField(constant("com.example.shop.OrderCodecs", "PLACE_ORDER"), placeOrder);

    java.util.Map<String, String> order = new java.util.LinkedHashMap<>();
    order.put("id", "\"o-1\"");
    order.put("customer", "null");
    order.put("placedAt", "\"2026-11-27T10:00:00Z\"");
    order.put("lines", "[]");
    order.put("paid", "false");
    replaceEachField(constant("com.example.shop.OrderCodecs", "ORDER_CODEC"), order);

    java.util.Map<String, String> receipt = new java.util.LinkedHashMap<>();
    receipt.put("id", "\"r-1\"");
    receipt.put("status", "\"open\"");
    receipt.put("items", "[{\"name\":\"Tea\",\"price\":2,\"quantity\":1}]");
    receipt.put("total", "2");
    replaceEachField(constant("com.example.receipts.ReceiptCodecs", "RECEIPT_CODEC"), receipt);
  }
}
