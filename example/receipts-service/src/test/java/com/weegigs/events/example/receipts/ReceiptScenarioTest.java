package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The receipts scenario, end to end through the generated client, with the exact totals. */
@NatsTest
class ReceiptScenarioTest {
  private static TestServices.Running service;
  private static ReceiptClient client;
  private static ReceiptClient.Blocking receipts;
  /** The same service as a manager, who alone may void a receipt. */
  private static ReceiptClient.Blocking managers;
  private static Connection connection;

  @BeforeAll
  static void start(NatsServer server) {
    // authenticated: voiding takes a manager's verified role
    service = TestServices.receipts(server, TestServices::withAuthentication);
    connection = server.connect();
    client = ReceiptClient.create(TestServices.client(connection, "till-1", "clerk"));
    receipts = client.blocking();
    managers = ReceiptClient.create(TestServices.client(connection, "manager-1", "manager")).blocking();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, money(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  @Test
  void coffeeAndMuffinThenRemoveCoffeeThenFinalize() throws Exception {
    String key = "scenario-1";
    List<ItemAdded> added = Collections.synchronizedList(new ArrayList<>());
    List<RecordedEvent<? extends ReceiptEvent>> seen = Collections.synchronizedList(new ArrayList<>());
    // events follow their command's reply, so another test's may still arrive: keep this receipt's
    try (EventSubscription itemAdded = client.onItemAdded(event -> {
          if (event.aggregate().key().equals(key)) {
            added.add(event.data());
          }
        });
        EventSubscription all = client.onEvent(event -> {
          if (event.aggregate().key().equals(key)) {
            seen.add(event);
          }
        })) {
      assertEquals("receipts.events.receipt.item-added", itemAdded.subject());
      assertEquals("receipts.events.receipt.*", all.subject());
      assertTrue(itemAdded.isActive() && all.isActive());
      connection.flush(Duration.ofSeconds(5)); // the server has the subscriptions before the first command

      CommandResult<Receipt, ReceiptEvent> first = receipts.addItem(key, new AddItem("Coffee", money("4.50"), 2));
      assertEquals(1, first.entity().revision());
      assertMoney("9.00", first.entity().state().total());
      assertEquals(1, first.events().size());
      ItemAdded coffee = assertInstanceOf(ItemAdded.class, first.events().get(0).data());
      assertMoney("9.00", coffee.lineTotal());
      assertEquals("item-added", first.events().get(0).type());
      assertEquals(1, first.events().get(0).revision());

      CommandResult<Receipt, ReceiptEvent> second = receipts.addItem(key, new AddItem("Muffin", money("3.25"), 1));
      assertEquals(2, second.entity().revision());
      assertMoney("12.25", second.entity().state().total());

      Entity<Receipt> read = receipts.get(key);
      assertEquals(2, read.revision());
      assertEquals("receipt", read.type());
      assertEquals(key, read.aggregate().key());
      assertEquals(Status.OPEN, read.state().status());
      assertEquals(key, read.state().id());
      assertMoney("12.25", read.state().total());
      assertEquals(List.of("Coffee", "Muffin"), read.state().items().stream().map(Item::name).toList());

      CommandResult<Receipt, ReceiptEvent> removed = receipts.removeItem(key, new RemoveItem("Coffee"));
      ItemRemoved refund = assertInstanceOf(ItemRemoved.class, removed.events().get(0).data());
      assertMoney("9.00", refund.refundAmount());
      assertMoney("3.25", removed.entity().state().total());

      CommandResult<Receipt, ReceiptEvent> finalized = receipts.finalizeCommand(key, new Finalize());
      ReceiptFinalized closing = assertInstanceOf(ReceiptFinalized.class, finalized.events().get(0).data());
      assertMoney("3.25", closing.finalTotal());
      assertEquals(1, closing.itemCount());
      assertEquals(Status.CLOSED, finalized.entity().state().status());
      assertEquals(4, finalized.entity().revision());

      // every event, in order, reached the live subscription
      TestServices.await(() -> seen.size() >= 4, "four events seen");
      assertEquals(
          List.of("item-added", "item-added", "item-removed", "receipt-finalized"),
          seen.stream().map(RecordedEvent::type).toList());
      assertEquals(List.of(1L, 2L, 3L, 4L), seen.stream().map(RecordedEvent::revision).toList());
      TestServices.await(() -> added.size() >= 2, "two item-added seen");
      assertEquals(List.of("Coffee", "Muffin"), added.stream().map(ItemAdded::name).toList());
    }
  }

  @Test
  void teaAtFourNinetyNineTimesTwoIsNineNinetyEight() {
    CommandResult<Receipt, ReceiptEvent> result = receipts.addItem("scenario-tea", new AddItem("Tea", money("4.99"), 2));
    assertMoney("9.98", ((ItemAdded) result.events().get(0).data()).lineTotal());
    assertMoney("9.98", result.entity().state().total());
  }

  @Test
  void aNewReceiptIsOpenAndEmptyNotMissing() {
    Entity<Receipt> fresh = receipts.get("never-touched");
    assertEquals(0, fresh.revision());
    assertEquals(Status.OPEN, fresh.state().status());
    assertEquals(List.of(), fresh.state().items());
    assertMoney("0", fresh.state().total());
  }

  @Test
  void businessRulesRefuseWithTheirReasonAndMessage() {
    String key = "scenario-rules";
    assertRejected("empty-receipt", "Cannot finalize receipt with no items", () -> receipts.finalizeCommand(key, new Finalize()));
    assertRejected("item-not-found", "Item 'Tea' not found on receipt", () -> receipts.removeItem(key, new RemoveItem("Tea")));
    receipts.addItem(key, new AddItem("Coffee", money("4.50"), 2));
    receipts.finalizeCommand(key, new Finalize());
    assertRejected(
        "invalid-receipt-state",
        "Cannot perform operation 'add-item' on closed receipt",
        () -> receipts.addItem(key, new AddItem("Muffin", money("3.25"), 1)));
    assertThrows(ForbiddenException.class, () -> receipts.voidReceipt(key, new VoidReceipt("wrong table")));
    CommandResult<Receipt, ReceiptEvent> voided = managers.voidReceipt(key, new VoidReceipt("wrong table"));
    ReceiptVoided event = assertInstanceOf(ReceiptVoided.class, voided.events().get(0).data());
    assertMoney("9.00", event.voidedTotal());
    assertEquals(Status.VOIDED, voided.entity().state().status());
    assertRejected("receipt-already-voided", "Receipt is already voided", () -> managers.voidReceipt(key, new VoidReceipt("again")));
    assertEquals(3, receipts.get(key).revision());
  }

  @Test
  void theAsynchronousFormReportsRefusalsThroughTheFuture() {
    CompletionException failed = assertThrows(
        CompletionException.class,
        () -> client.removeItem("scenario-async", new RemoveItem("Tea")).orTimeout(10, TimeUnit.SECONDS).join());
    RejectedException rejected = assertInstanceOf(RejectedException.class, failed.getCause());
    assertEquals("item-not-found", rejected.reason());
  }

  private static void assertRejected(String reason, String message, org.junit.jupiter.api.function.Executable call) {
    RejectedException rejected = assertThrows(RejectedException.class, call);
    assertEquals(ErrorCode.REJECTED, rejected.code());
    assertEquals(reason, rejected.reason());
    assertEquals(message, rejected.getMessage());
    assertEquals(reason, rejected.details().get("reason"));
  }
}
