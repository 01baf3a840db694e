package com.weegigs.events.processor.write;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.AggregateNames;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.ConstraintModel.Kind;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.HandlerModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ReducerModel;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.model.ServiceNames;
import com.weegigs.events.processor.model.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Models built by hand, as the processor's front end would build them, for the writer tests. The
 * matching hand-written domain sources are under {@code src/test/resources/domain/}.
 */
final class TestModels {
  static final String RECEIPTS = "com.example.receipts";
  static final String SHOP = "com.example.shop";
  static final String EDGE = "com.example.edge";

  private TestModels() {}

  static final ValueType STRING = new ValueType.Scalar(ClassName.get(String.class));
  static final ValueType DECIMAL = new ValueType.Scalar(ClassName.get("java.math", "BigDecimal"));
  static final ValueType INT = new ValueType.Primitive(TypeName.INT, false);

  static ComponentModel component(String name, ValueType type, ConstraintModel... constraints) {
    return new ComponentModel(name, type, List.of(constraints), false);
  }

  static ComponentModel cascaded(String name, ValueType type, ConstraintModel... constraints) {
    return new ComponentModel(name, type, List.of(constraints), true);
  }

  static ConstraintModel constraint(Kind kind, String message, Object... attributes) {
    Map<String, Object> values = new java.util.LinkedHashMap<>();
    for (int i = 0; i < attributes.length; i += 2) {
      values.put((String) attributes[i], attributes[i + 1]);
    }
    return new ConstraintModel(kind, values, message);
  }

  static AggregateNames names(ClassName state) {
    String p = state.packageName();
    String s = state.simpleName();
    return new AggregateNames(ClassName.get(p, s + "Subjects"), ClassName.get(p, s + "Codecs"), ClassName.get(p, s + "Validators"),
        ClassName.get(p, s + "Stub"), ClassName.get(p, s + "Client"), ClassName.get(p, "Nats" + s + "Client"),
        ClassName.get(p, s + "Fixture"));
  }

  private static ClassName receipts(String name) {
    return ClassName.get(RECEIPTS, name);
  }

  private static ClassName shop(String name) {
    return ClassName.get(SHOP, name);
  }

  private static ValueType listOf(ValueType element) {
    return new ValueType.ListOf(ParameterizedTypeName.get(ClassName.get(List.class), element.javaType().box()), element);
  }

  /** The receipts example: an aggregate with an initial state and a handler class. */
  static ServiceModel receipts() {
    ClassName receipt = receipts("Receipt");
    ClassName handlers = receipts("ReceiptHandlers");
    RecordShape item = new RecordShape(receipts("Item"),
        List.of(component("name", STRING), component("price", DECIMAL), component("quantity", INT)));
    ValueType status = new ValueType.Enum(receipts("Status"), List.of("OPEN", "CLOSED", "VOIDED"));
    RecordShape state = new RecordShape(receipt, List.of(
        component("id", STRING),
        component("status", status),
        component("items", listOf(new ValueType.Record(item.type()))),
        component("total", DECIMAL)));

    CommandModel addItem = new CommandModel("add-item", new RecordShape(receipts("AddItem"), List.of(
            component("name", STRING, constraint(Kind.NOT_BLANK, "must not be blank")),
            component("price", DECIMAL, constraint(Kind.NOT_NULL, "must not be null"),
                constraint(Kind.POSITIVE_OR_ZERO, "must be greater than or equal to 0")),
            component("quantity", INT, constraint(Kind.MIN, "must be greater than or equal to 1", "value", 1L)))),
        new HandlerModel(handlers, "addItem", false, true, false, false));
    CommandModel removeItem = new CommandModel("remove-item", new RecordShape(receipts("RemoveItem"), List.of(
            component("name", STRING, constraint(Kind.NOT_BLANK, "must not be blank")))),
        new HandlerModel(handlers, "removeItem", false, true, true, false));
    CommandModel finalizeReceipt = new CommandModel("finalize", new RecordShape(receipts("Finalize"), List.of()),
        new HandlerModel(handlers, "finalizeReceipt", false, true, false, true));
    CommandModel voidReceipt = new CommandModel("void-receipt", new RecordShape(receipts("VoidReceipt"), List.of(
            component("reason", STRING, constraint(Kind.SIZE, "size must be between 0 and 200", "min", 0L, "max", 200L)))),
        new HandlerModel(receipt, "voidReceipt", false, true, false, false));

    EventModel itemAdded = new EventModel("item-added", 1, new RecordShape(receipts("ItemAdded"), List.of(
        component("name", STRING), component("price", DECIMAL), component("quantity", INT), component("lineTotal", DECIMAL))),
        new ReducerModel("on", false));
    EventModel itemRemoved = new EventModel("item-removed", 1, new RecordShape(receipts("ItemRemoved"), List.of(
        component("name", STRING), component("refundAmount", DECIMAL))), new ReducerModel("on", false));
    EventModel finalized = new EventModel("receipt-finalized", 1, new RecordShape(receipts("ReceiptFinalized"), List.of(
        component("finalTotal", DECIMAL), component("itemCount", INT))), new ReducerModel("on", false));
    EventModel voided = new EventModel("receipt-voided", 1, new RecordShape(receipts("ReceiptVoided"), List.of(
        component("reason", STRING), component("voidedTotal", DECIMAL))), new ReducerModel("on", false));

    AggregateModel aggregate = new AggregateModel("receipt", "receipts", receipt, state, "open", receipts("ReceiptEvent"),
        List.of(addItem, finalizeReceipt, removeItem, voidReceipt), List.of(itemAdded, itemRemoved, finalized, voided),
        List.of(handlers), List.of(item), names(receipt))
        .withDeprecatedUses(java.util.Set.of(AggregateModel.DeprecatedUse.DEPRECATED)); // Finalize is deprecated in the domain sources
    return new ServiceModel("receipts", "1.0.0", "Receipt Service", RECEIPTS, List.of(aggregate),
        new ServiceNames(ClassName.get(RECEIPTS, "ReceiptsService")));
  }

  /**
   * Every codec type and constraint, an aggregate without initial state (creating handler and
   * reducer), static handlers and handlers on the aggregate, events without a common supertype.
   */
  static ServiceModel shop() {
    ClassName order = shop("Order");
    TypeName longType = TypeName.LONG;
    ValueType uuid = new ValueType.Scalar(ClassName.get("java.util", "UUID"));
    ValueType instant = new ValueType.Scalar(ClassName.get("java.time", "Instant"));
    ValueType date = new ValueType.Scalar(ClassName.get("java.time", "LocalDate"));
    ValueType bigInteger = new ValueType.Scalar(ClassName.get("java.math", "BigInteger"));
    ValueType boxedInt = new ValueType.Primitive(ClassName.get(Integer.class), true);
    ValueType priority = new ValueType.Enum(shop("Priority"), List.of("LOW", "IN_PROGRESS", "HIGH"));

    RecordShape address = new RecordShape(shop("Address"), List.of(
        component("street", STRING, constraint(Kind.NOT_BLANK, "must not be blank")),
        component("postcode", STRING, constraint(Kind.PATTERN, "must match \"[0-9]{4}\"", "regexp", "[0-9]{4}"))));
    ValueType addressType = new ValueType.Record(address.type());
    RecordShape line = new RecordShape(shop("Line"), List.of(
        component("sku", STRING, constraint(Kind.NOT_EMPTY, "must not be empty")),
        component("quantity", INT, constraint(Kind.POSITIVE, "must be greater than 0")),
        component("unitPrice", DECIMAL, constraint(Kind.DECIMAL_MIN, "must be greater than 0.00", "value", "0.00", "inclusive", false))));
    ValueType lineType = new ValueType.Record(line.type());
    ValueType lines = listOf(lineType);
    ValueType tags = new ValueType.SetOf(ParameterizedTypeName.get(ClassName.get(java.util.Set.class), ClassName.get(String.class)), STRING);
    ValueType counts = new ValueType.MapOf(
        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Integer.class)), boxedInt);
    ValueType note = new ValueType.OptionalOf(ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), ClassName.get(String.class)), STRING);
    ValueType deliverTo = new ValueType.OptionalOf(
        ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), address.type()), addressType);

    RecordShape state = new RecordShape(order, List.of(
        component("id", STRING), component("customer", uuid), component("placedAt", instant), component("lines", lines),
        component("paid", new ValueType.Primitive(TypeName.BOOLEAN, false))));

    CommandModel place = new CommandModel("place-order", new RecordShape(shop("PlaceOrder"), List.of(
            component("customer", uuid, constraint(Kind.NOT_NULL, "must not be null")),
            component("email", STRING, constraint(Kind.EMAIL, "must be a well-formed email address")),
            cascaded("lines", lines, constraint(Kind.SIZE, "size must be between 1 and 10", "min", 1L, "max", 10L)),
            component("tags", tags),
            component("counts", counts),
            component("note", note, constraint(Kind.SIZE, "size must be between 0 and 20", "min", 0L, "max", 20L)),
            cascaded("deliverTo", deliverTo),
            component("due", date),
            component("priority", priority),
            component("weight", new ValueType.Primitive(TypeName.DOUBLE, false), constraint(Kind.MAX, "must be less than or equal to 100", "value", 100L)),
            component("sequence", new ValueType.Primitive(longType, false), constraint(Kind.NEGATIVE_OR_ZERO, "must be less than or equal to 0")),
            component("reference", bigInteger, constraint(Kind.DECIMAL_MAX, "must be less than or equal to 1000", "value", "1000", "inclusive", true)),
            component("discount", boxedInt, constraint(Kind.NEGATIVE, "must be less than 0")))),
        new HandlerModel(shop("OrderRules"), "place", true, false, true, true));
    CommandModel pay = new CommandModel("pay", new RecordShape(shop("Pay"), List.of(
            component("amount", DECIMAL, constraint(Kind.POSITIVE, "must be greater than 0")))),
        new HandlerModel(order, "pay", false, true, false, false));
    CommandModel ship = new CommandModel("ship", new RecordShape(shop("Ship"), List.of(
            cascaded("to", addressType, constraint(Kind.NOT_NULL, "must not be null")))),
        new HandlerModel(order, "ship", true, true, true, false));

    EventModel placed = new EventModel("order-placed", 1, new RecordShape(shop("OrderPlaced"), List.of(
        component("id", STRING), component("customer", uuid), component("placedAt", instant), component("lines", lines),
        component("note", note))), new ReducerModel("start", true));
    EventModel paid = new EventModel("order-paid", 1, new RecordShape(shop("OrderPaid"), List.of(
        component("amount", DECIMAL))), new ReducerModel("on", false));
    EventModel shipped = new EventModel("order-shipped", 1, new RecordShape(shop("OrderShipped"), List.of(
        component("to", addressType))), new ReducerModel("on", false));

    AggregateModel aggregate = new AggregateModel("order", "shop", order, state, Optional.empty(), ClassName.OBJECT,
        List.of(place, pay, ship), List.of(placed, paid, shipped), List.of(), List.of(line, address), names(order),
        java.util.Set.of());
    return new ServiceModel("shop", "2.1.0-rc.1", "Shop", SHOP, List.of(aggregate), new ServiceNames(ClassName.get(SHOP, "ShopService")));
  }

  /**
   * Names that collide with what the writers generate: components named like generated locals
   * (a required {@code parser} beside a {@code hasParser}, so its presence flag must take another name),
   * a command whose wire name takes {@code TYPE}, a command and an event with one wire name, a
   * command whose method name is a keyword, an event class named {@code Event}, a handler class
   * named {@code State}, and a record that contains itself.
   */
  static ServiceModel edge() {
    ClassName edge = ClassName.get(EDGE, "Edge");
    ClassName stateHandlers = ClassName.get(EDGE, "State");
    ValueType strings = listOf(STRING);
    RecordShape state = new RecordShape(edge, List.of(
        component("parser", STRING, constraint(Kind.NOT_NULL, "must not be null")), component("context", INT), component("field", STRING),
        component("e", new ValueType.Primitive(TypeName.BOOLEAN, false)), component("value", STRING), component("hasParser", STRING),
        component("generator", strings), component("violations", new ValueType.OptionalOf(
            ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), edge), new ValueType.Record(edge)))));
    CommandModel defaultCommand = new CommandModel("default", new RecordShape(ClassName.get(EDGE, "Default"), List.of(
            component("violations", INT, constraint(Kind.MAX, "must be less than or equal to 3", "value", 3L)))),
        new HandlerModel(stateHandlers, "handle", false, true, true, false));
    CommandModel typeCommand = new CommandModel("type", new RecordShape(ClassName.get(EDGE, "Type"), List.of(
            component("key", STRING, constraint(Kind.NOT_EMPTY, "must not be empty")))),
        new HandlerModel(edge, "type", false, true, false, true));
    EventModel defaulted = new EventModel("default", 1, new RecordShape(ClassName.get(EDGE, "Defaulted"), List.of(
        component("violations", INT))), new ReducerModel("on", false));
    EventModel event = new EventModel("event", 1, new RecordShape(ClassName.get(EDGE, "Event"), List.of(
        component("key", STRING))), new ReducerModel("on", false));
    // its simple name is the name the codec class of command Default would have
    EventModel defaultCodec = new EventModel("default-codec", 1, new RecordShape(ClassName.get(EDGE, "DefaultCodec"), List.of()),
        new ReducerModel("on", false));
    AggregateModel aggregate = new AggregateModel("edge", "edges", edge, state, "create", ClassName.OBJECT,
        List.of(defaultCommand, typeCommand), List.of(defaulted, event, defaultCodec), List.of(stateHandlers), List.of(), names(edge));
    return new ServiceModel("edges", "0.0.1", "Edges", EDGE, List.of(aggregate), new ServiceNames(ClassName.get(EDGE, "EdgesService")));
  }
}
