package com.weegigs.events.processor.build;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.CommandModel;
import com.weegigs.events.processor.model.ComponentModel;
import com.weegigs.events.processor.model.ConstraintModel;
import com.weegigs.events.processor.model.EventModel;
import com.weegigs.events.processor.model.HandlerModel;
import com.weegigs.events.processor.model.RecordShape;
import com.weegigs.events.processor.model.ServiceModel;
import com.weegigs.events.processor.model.ValueType;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The model built from the example's receipts domain, checked field by field: this is the
 * contract with the writers.
 */
class ModelBuilderTest {
  private static final String PKG = "com.weegigs.events.example.receipts";
  private static ServiceModel service;

  @BeforeAll
  static void build() {
    service = ModelProbe.service(com.weegigs.events.processor.ReceiptsDomainTest.sources());
  }

  private static AggregateModel aggregate(String simpleName) {
    return service.aggregates().stream().filter(a -> a.stateType().simpleName().equals(simpleName)).findFirst().orElseThrow();
  }

  private static ClassName type(String simpleName) {
    return ClassName.get(PKG, simpleName);
  }

  @Test
  void service() {
    assertEquals("receipts", service.name());
    assertEquals("1.0.0", service.version());
    assertEquals("Receipt Service", service.title());
    assertEquals(PKG, service.packageName());
    assertEquals(type("ReceiptsService"), service.names().descriptor());
    assertEquals(List.of(type("Receipt"), type("Supplier")), service.aggregates().stream().map(AggregateModel::stateType).toList());
  }

  @Test
  void receiptNamesAndOrder() {
    AggregateModel receipt = aggregate("Receipt");
    assertEquals("receipt", receipt.wireName());
    assertEquals("receipts", receipt.serviceName());
    assertEquals(Optional.of("open"), receipt.initialMethod());
    assertTrue(receipt.hasInitialState());
    assertEquals(type("ReceiptEvent"), receipt.eventSupertype());
    // Sorted by qualified name.
    assertEquals(List.of("add-item", "finalize", "remove-item", "void-receipt"),
        receipt.commands().stream().map(CommandModel::wireName).toList());
    assertEquals(List.of("item-added", "item-removed", "receipt-finalized", "receipt-voided"),
        receipt.events().stream().map(EventModel::wireName).toList());
    assertEquals(type("NatsReceiptClient"), receipt.names().natsClient());
    assertEquals(type("ReceiptStub"), receipt.names().stub());
  }

  @Test
  void receiptHandlersLiveInAnInstanceOfReceiptHandlers() {
    AggregateModel receipt = aggregate("Receipt");
    assertEquals(List.of(type("ReceiptHandlers")), receipt.handlerOwners());
    HandlerModel addItem = receipt.commands().get(0).handler().orElseThrow();
    assertEquals(new HandlerModel(type("ReceiptHandlers"), "addItem", false, true, false, true), addItem);
    HandlerModel removeItem = receipt.commands().get(2).handler().orElseThrow();
    assertEquals(new HandlerModel(type("ReceiptHandlers"), "removeItem", false, true, true, false), removeItem);
  }

  @Test
  void reducersAndNestedRecords() {
    AggregateModel receipt = aggregate("Receipt");
    receipt.events().forEach(e -> {
      assertEquals("on", e.reducer().method());
      assertFalse(e.reducer().creating());
    });
    assertEquals(List.of(type("Item")), receipt.nestedRecords().stream().map(RecordShape::type).toList());
    RecordShape state = receipt.state();
    assertEquals(List.of("id", "status", "items", "total"), state.components().stream().map(ComponentModel::name).toList());
    assertEquals(new ValueType.Enum(type("Status"), List.of("OPEN", "CLOSED", "VOIDED")), state.components().get(1).type());
    assertEquals(new ValueType.ListOf(ParameterizedTypeName.get(ClassName.get(List.class), type("Item")),
        new ValueType.Record(type("Item"))), state.components().get(2).type());
    assertEquals(new ValueType.Scalar(ClassName.get(java.math.BigDecimal.class)), state.components().get(3).type());
  }

  @Test
  void constraintsWithStandardMessages() {
    CommandModel addItem = aggregate("Receipt").commands().get(0);
    List<ComponentModel> components = addItem.shape().components();
    assertEquals(List.of(new ConstraintModel(ConstraintModel.Kind.NOT_BLANK, Map.of(), "must not be blank")),
        components.get(0).constraints());
    assertEquals(List.of(new ConstraintModel(ConstraintModel.Kind.POSITIVE_OR_ZERO, Map.of(), "must be greater than or equal to 0")),
        components.get(1).constraints());
    assertEquals(List.of(new ConstraintModel(ConstraintModel.Kind.MIN, Map.of("value", 1L), "must be greater than or equal to 1")),
        components.get(2).constraints());
    assertEquals(new ValueType.Primitive(TypeName.INT, false), components.get(2).type());
    CommandModel removeItem = aggregate("Receipt").commands().get(2);
    assertEquals(new ConstraintModel(ConstraintModel.Kind.SIZE, Map.of("min", 0L, "max", 100L), "size must be between 0 and 100"),
        removeItem.shape().components().get(0).constraints().get(1));
  }

  @Test
  void supplierIsCreatedByAStaticHandlerAndReducer() {
    AggregateModel supplier = aggregate("Supplier");
    assertEquals("supplier", supplier.wireName());
    assertEquals(Optional.empty(), supplier.initialMethod());
    assertEquals(ClassName.OBJECT, supplier.eventSupertype());
    assertEquals(List.of(), supplier.handlerOwners());
    assertEquals(new HandlerModel(type("Supplier"), "register", true, false, false, false), supplier.commands().get(0).handler().orElseThrow());
    // An instance method of the aggregate: the state is the receiver.
    assertEquals(new HandlerModel(type("Supplier"), "rename", false, true, true, false), supplier.commands().get(1).handler().orElseThrow());
    assertTrue(supplier.events().get(0).reducer().creating());
    assertFalse(supplier.events().get(1).reducer().creating());
  }

  @Test
  void supplierValueTypes() {
    List<ComponentModel> state = aggregate("Supplier").state().components();
    assertEquals(new ValueType.OptionalOf(ParameterizedTypeName.get(ClassName.get(java.util.Optional.class), ClassName.get(String.class)),
        new ValueType.Scalar(ClassName.get(String.class))), state.get(2).type());
    assertEquals(new ValueType.MapOf(
        ParameterizedTypeName.get(ClassName.get(Map.class), ClassName.get(String.class), ClassName.get(Integer.class)),
        new ValueType.Primitive(ClassName.get(Integer.class), true)), state.get(3).type());
    List<ComponentModel> register = aggregate("Supplier").commands().get(0).shape().components();
    assertEquals(List.of(new ConstraintModel(ConstraintModel.Kind.EMAIL, Map.of(), "must be a well-formed email address")),
        register.get(2).constraints());
    assertEquals(new ConstraintModel(ConstraintModel.Kind.SIZE, Map.of("min", 2L, "max", 100L), "size must be between 2 and 100"),
        register.get(1).constraints().get(1));
    assertEquals(new ValueType.SetOf(ParameterizedTypeName.get(ClassName.get(Set.class), ClassName.get(java.util.UUID.class)),
        new ValueType.Scalar(ClassName.get(java.util.UUID.class))), register.get(3).type());
    assertEquals(new ValueType.Primitive(ClassName.get(Long.class), true), register.get(7).type());
    ConstraintModel pattern = aggregate("Supplier").commands().get(1).shape().components().get(0).constraints().get(1);
    assertEquals(new ConstraintModel(ConstraintModel.Kind.PATTERN, Map.of("regexp", "[A-Za-z ]+"), "must match \"[A-Za-z ]+\""), pattern);
  }
}
