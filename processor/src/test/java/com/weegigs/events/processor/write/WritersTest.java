package com.weegigs.events.processor.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.JavaFile;
import com.weegigs.events.processor.model.AggregateModel;
import com.weegigs.events.processor.model.ServiceModel;
import java.util.List;
import org.junit.jupiter.api.Test;

class WritersTest {
  @Test
  void writesTheSevenAggregateTypesInOrderAndTheServiceDescriptor() {
    ServiceModel service = TestModels.receipts();
    List<String> names = Writers.forAggregate(service, service.aggregates().get(0)).stream()
        .map(file -> file.packageName() + "." + file.typeSpec().name()).toList();
    assertEquals(List.of("com.example.receipts.ReceiptSubjects", "com.example.receipts.ReceiptCodecs",
        "com.example.receipts.ReceiptValidators", "com.example.receipts.ReceiptStub", "com.example.receipts.ReceiptClient",
        "com.example.receipts.NatsReceiptClient", "com.example.receipts.ReceiptFixture"), names);
    assertEquals("ReceiptsService", Writers.forService(service).get(0).typeSpec().name());
  }

  @Test
  void generatedAnnotationCanBeLeftOut() {
    ServiceModel service = TestModels.receipts();
    for (JavaFile file : Writers.forAggregate(service, service.aggregates().get(0), false)) {
      assertFalse(file.toString().contains("@Generated("), file.typeSpec().name());
      assertTrue(file.toString().contains("@WeeGenerated"), file.typeSpec().name());
    }
    assertFalse(Writers.forService(service, false).get(0).toString().contains("@Generated("));
    assertTrue(Writers.forService(service).get(0).toString().contains("@Generated(\"com.weegigs.events.processor.WeeEventsProcessor\")"));
  }

  @Test
  void aHandlerOnAClassThatIsNotAHandlerOwnerIsAModelBug() {
    ServiceModel service = TestModels.receipts();
    AggregateModel receipt = service.aggregates().get(0);
    AggregateModel broken = new AggregateModel(receipt.wireName(), receipt.serviceName(), receipt.stateType(), receipt.state(),
        receipt.initialMethod(), receipt.eventSupertype(), receipt.commands(), receipt.events(), List.<ClassName>of(),
        receipt.nestedRecords(), receipt.names(), receipt.deprecatedUses());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Writers.forAggregate(service, broken));
    assertEquals("handler addItem is on ReceiptHandlers, which is not among the aggregate's handler owners", error.getMessage());
  }

  @Test
  void aRecordMissingFromTheModelIsAModelBug() {
    ServiceModel service = TestModels.receipts();
    AggregateModel receipt = service.aggregates().get(0);
    AggregateModel broken = new AggregateModel(receipt.wireName(), receipt.serviceName(), receipt.stateType(), receipt.state(),
        receipt.initialMethod(), receipt.eventSupertype(), receipt.commands(), receipt.events(), receipt.handlerOwners(),
        List.of(), receipt.names(), receipt.deprecatedUses());
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> Writers.forAggregate(service, broken));
    assertTrue(error.getMessage().contains("com.example.receipts.Item"), error.getMessage());
  }
}
