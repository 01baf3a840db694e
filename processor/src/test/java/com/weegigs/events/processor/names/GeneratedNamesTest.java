package com.weegigs.events.processor.names;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.ClassName;
import com.weegigs.events.processor.model.AggregateNames;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated-name scheme the README documents. */
class GeneratedNamesTest {
  @Test
  void aggregateNames() {
    AggregateNames names = GeneratedNames.forAggregate(ClassName.get("p", "Receipt"));
    assertEquals(ClassName.get("p", "ReceiptSubjects"), names.subjects());
    assertEquals(ClassName.get("p", "ReceiptCodecs"), names.codecs());
    assertEquals(ClassName.get("p", "ReceiptValidators"), names.validators());
    assertEquals(ClassName.get("p", "ReceiptStub"), names.stub());
    assertEquals(ClassName.get("p", "ReceiptClient"), names.client());
    assertEquals(ClassName.get("p", "NatsReceiptClient"), names.natsClient());
    assertEquals(ClassName.get("p", "ReceiptFixture"), names.fixture());
    assertEquals(7, GeneratedNames.all(names).size());
  }

  @Test
  void nestedAggregateRecordsGetTopLevelNamesInTheirPackage() {
    AggregateNames names = GeneratedNames.forAggregate(ClassName.get("p", "Shop", "Receipt"));
    assertEquals(ClassName.get("p", "ReceiptStub"), names.stub());
  }

  @Test
  void serviceNames() {
    assertEquals(List.of(ClassName.get("p", "ReceiptsService")),
        GeneratedNames.all(GeneratedNames.forService("p", "receipts")));
    assertEquals(ClassName.get("p", "OrderBookService"), GeneratedNames.forService("p", "order-book").descriptor());
  }
}
