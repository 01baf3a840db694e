package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixture.AggregateFixture;
import com.weegigs.events.runtime.validation.Violation;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The receipt's and supplier's rules as given/when/then tests through the generated fixtures: each
 * command runs through the same stub, codecs, validators, handlers and reducers the service hosts,
 * without NATS. The rules are those {@link ReceiptRulesTest} checks function by function.
 */
class ReceiptFixtureTest {
  private final AggregateFixture<Receipt, ReceiptEvent> receipt = ReceiptFixture.create(new ReceiptHandlers()).withKey("r-1");
  private final AggregateFixture<Supplier, Object> supplier = SupplierFixture.create().withKey("s-1");

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static ItemAdded added(String name, String price, int quantity, String lineTotal) {
    return new ItemAdded(name, money(price), quantity, money(lineTotal), ReceiptHandlers.CURRENCY);
  }

  private static final ItemAdded TWO_COFFEES = added("Coffee", "4.50", 2, "9.00");
  private static final ItemAdded ONE_MUFFIN = added("Muffin", "3.25", 1, "3.25");

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, money(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  @Test
  void aNewReceiptIsOpenEmptyAndZero() {
    Receipt state = receipt.when(new AddItem("Tea", money("1.00"), 1)).state();
    assertEquals(Status.OPEN, state.status());
    assertEquals("r-1", state.id());
    Receipt empty = receipt.when(new VoidReceipt("nothing bought")).expectEvents(new ReceiptVoided("nothing bought", money("0")))
        .state();
    assertEquals(List.of(), empty.items());
  }

  @Test
  void addingItemsSumsExactlyAndTheLineTotalIsPriceTimesQuantity() {
    Receipt state = receipt.given(TWO_COFFEES)
        .when(new AddItem("Muffin", money("3.25"), 1))
        .expectEvents(ONE_MUFFIN)
        .state();
    assertMoney("12.25", state.total());
    assertEquals(List.of(new Item("Coffee", money("4.50"), 2), new Item("Muffin", money("3.25"), 1)), state.items());
    receipt.when(new AddItem("Tea", money("4.99"), 2)).expectEvents(added("Tea", "4.99", 2, "9.98"));
  }

  @Test
  void removingAnItemRefundsItsLineAndKeepsTheRest() {
    Receipt state = receipt.given(TWO_COFFEES, ONE_MUFFIN)
        .when(new RemoveItem("Coffee"))
        .expectEvents(new ItemRemoved("Coffee", money("9.00")))
        .state();
    assertMoney("3.25", state.total());
    assertEquals(List.of(new Item("Muffin", money("3.25"), 1)), state.items());
  }

  @Test
  void removingTakesOnlyTheFirstLineOfThatName() {
    Receipt state = receipt.given(added("Coffee", "4.50", 1, "4.50"), added("Coffee", "5.00", 3, "15.00"))
        .when(new RemoveItem("Coffee"))
        .expectEvents(new ItemRemoved("Coffee", money("4.50")))
        .state();
    assertEquals(List.of(new Item("Coffee", money("5.00"), 3)), state.items());
    assertMoney("15.00", state.total());
  }

  @Test
  void removingAMissingItemIsRejected() {
    receipt.when(new RemoveItem("Tea"))
        .expectRejected(ReceiptHandlers.ITEM_NOT_FOUND, "Item 'Tea' not found on receipt");
  }

  @Test
  void finalizingClosesWithTheTotalAndLineCount() {
    Receipt closed = receipt.given(TWO_COFFEES, ONE_MUFFIN)
        .when(new Finalize())
        .expectEvents(new ReceiptFinalized(money("12.25"), 2))
        .state();
    assertEquals(Status.CLOSED, closed.status());
    assertMoney("12.25", closed.total());
  }

  @Test
  void anEmptyReceiptCannotBeFinalized() {
    receipt.when(new Finalize())
        .expectRejected(ReceiptHandlers.EMPTY_RECEIPT, "Cannot finalize receipt with no items");
  }

  @Test
  void aClosedReceiptRefusesChangesNamingTheOperationAndStatus() {
    ReceiptFinalized finalized = new ReceiptFinalized(money("9.00"), 1);
    receipt.given(TWO_COFFEES, finalized).when(new AddItem("Tea", money("1"), 1))
        .expectRejected(ReceiptHandlers.INVALID_RECEIPT_STATE, "Cannot perform operation 'add-item' on closed receipt");
    receipt.given(TWO_COFFEES, finalized).when(new RemoveItem("Coffee"))
        .expectRejected(ReceiptHandlers.INVALID_RECEIPT_STATE, "Cannot perform operation 'remove-item' on closed receipt");
    receipt.given(TWO_COFFEES, finalized).when(new Finalize())
        .expectRejected(ReceiptHandlers.INVALID_RECEIPT_STATE, "Cannot perform operation 'finalize' on closed receipt");
  }

  @Test
  void aVoidedReceiptRefusesChanges() {
    receipt.given(new ReceiptVoided("test", money("0"))).when(new AddItem("Tea", money("1"), 1))
        .expectRejected(ReceiptHandlers.INVALID_RECEIPT_STATE, "Cannot perform operation 'add-item' on voided receipt");
  }

  @Test
  void aClosedReceiptMayBeVoidedOnce() {
    Receipt voided = receipt.given(TWO_COFFEES, new ReceiptFinalized(money("9.00"), 1))
        .when(new VoidReceipt("customer changed their mind"))
        .expectEvents(new ReceiptVoided("customer changed their mind", money("9.00")))
        .state();
    assertEquals(Status.VOIDED, voided.status());
    receipt.given(TWO_COFFEES, new ReceiptFinalized(money("9.00"), 1), new ReceiptVoided("first", money("9.00")))
        .when(new VoidReceipt("again"))
        .expectRejected(ReceiptHandlers.RECEIPT_ALREADY_VOIDED, "Receipt is already voided");
  }

  @Test
  void aRefusedCommandLeavesTheStateTheGivenEventsMade() {
    receipt.given(TWO_COFFEES)
        .when(new RemoveItem("Tea"))
        .expectRejected(ReceiptHandlers.ITEM_NOT_FOUND)
        .expectState(new Receipt("r-1", Status.OPEN, List.of(new Item("Coffee", money("4.50"), 2)), money("9.00")));
  }

  @Test
  void commandsAreValidatedAsTheServiceValidatesThem() {
    receipt.when(new AddItem(" ", money("-1"), 0)).expectViolations(
        new Violation("name", "must not be blank"),
        new Violation("price", "must be greater than or equal to 0"),
        new Violation("quantity", "must be greater than or equal to 1"));
    receipt.when(new VoidReceipt("")).expectViolationsAt("reason");
  }

  @Test
  void anExpectedRevisionThatIsNotTheReceiptsIsAConflict() {
    receipt.given(TWO_COFFEES).withExpectedRevision(0).when(new Finalize()).expectConflict();
    receipt.given(TWO_COFFEES).withExpectedRevision(1).when(new Finalize()).expectEvents(new ReceiptFinalized(money("9.00"), 1));
  }

  @Test
  void theUserAndTheClockReachTheRecordedEvents() {
    Instant at = Instant.parse("2026-06-01T12:00:00Z");
    RecordedEvent<? extends ReceiptEvent> recorded = receipt.withUser("till-7").at(at).given(TWO_COFFEES)
        .when(new Finalize()).recordedEvents().get(0);
    assertEquals(2, recorded.revision());
    assertEquals(at, recorded.timestamp());
    assertEquals("till-7", recorded.metadata().userId());
    assertEquals("receipt-finalized", recorded.type());
  }

  @Test
  void suppliersStartFromTheirRegistrationAndExistOnlyThen() {
    supplier.when(new RegisterSupplier("Beans Ltd"))
        .expectEvents(new SupplierRegistered("s-1", "Beans Ltd"))
        .expectState(new Supplier("s-1", "Beans Ltd"));
    supplier.given(new SupplierRegistered("s-1", "Beans Ltd"))
        .when(new RenameSupplier("Better Beans"))
        .expectEvents(new SupplierRenamed("Better Beans"))
        .expectState(new Supplier("s-1", "Better Beans"));
    supplier.when(new RenameSupplier("Better Beans")).expectNotFound();
    supplier.given(new SupplierRegistered("s-1", "Beans Ltd")).when(new RegisterSupplier("Again")).expectConflict();
  }

  @Test
  void aWrongExpectationSaysWhatWasExpectedAndWhatHappened() {
    AssertionError error = assertThrows(AssertionError.class,
        () -> receipt.given(TWO_COFFEES).when(new RemoveItem("Coffee")).expectEvents(new ItemRemoved("Coffee", money("4.50"))));
    assertEquals("""
        remove-item on receipt 'r-1' was expected to record\s
            item-removed {"name":"Coffee","refundAmount":4.50}
        but it recorded\s
            item-removed {"name":"Coffee","refundAmount":9.00}""", error.getMessage());
    AssertionError refused = assertThrows(AssertionError.class,
        () -> receipt.when(new Finalize()).expectEvents(new ReceiptFinalized(money("0"), 0)));
    assertTrue(refused.getMessage().endsWith(
        "but it was refused: REJECTED (reason 'empty-receipt'): Cannot finalize receipt with no items"), refused.getMessage());
  }
}
