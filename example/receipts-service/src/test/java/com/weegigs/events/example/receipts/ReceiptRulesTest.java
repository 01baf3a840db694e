package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.RejectedException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The receipt's rules and reducers as plain functions, without NATS. */
class ReceiptRulesTest {
  private final ReceiptHandlers handlers = new ReceiptHandlers();

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  private static void assertMoney(String expected, BigDecimal actual) {
    assertEquals(0, money(expected).compareTo(actual), () -> "expected " + expected + " but was " + actual);
  }

  /** Runs add-item through its handler and reducer, as the service does. */
  private Receipt add(Receipt state, String name, String price, int quantity) {
    return state.on(handlers.addItem(state, new AddItem(name, money(price), quantity)));
  }

  @Test
  void aNewReceiptIsOpenEmptyAndZero() {
    Receipt receipt = Receipt.open("r-1");
    assertEquals("r-1", receipt.id());
    assertEquals(Status.OPEN, receipt.status());
    assertEquals(List.of(), receipt.items());
    assertMoney("0", receipt.total());
  }

  @Test
  void addingItemsSumsExactly() {
    Receipt receipt = add(add(Receipt.open("r-1"), "Coffee", "4.50", 2), "Muffin", "3.25", 1);
    assertMoney("12.25", receipt.total());
    assertEquals(
        List.of(new Item("Coffee", money("4.50"), 2), new Item("Muffin", money("3.25"), 1)), receipt.items());
  }

  @Test
  void lineTotalIsPriceTimesQuantity() {
    ItemAdded added = handlers.addItem(Receipt.open("r-1"), new AddItem("Tea", money("4.99"), 2));
    assertEquals(new ItemAdded("Tea", money("4.99"), 2, money("9.98"), "EUR"), added);
  }

  @Test
  void removingAnItemRefundsItsLineAndKeepsTheRest() {
    Receipt receipt = add(add(Receipt.open("r-1"), "Coffee", "4.50", 2), "Muffin", "3.25", 1);
    ItemRemoved removed = handlers.removeItem(receipt, new RemoveItem("Coffee"));
    assertEquals("Coffee", removed.name());
    assertMoney("9.00", removed.refundAmount());
    Receipt after = receipt.on(removed);
    assertMoney("3.25", after.total());
    assertEquals(List.of(new Item("Muffin", money("3.25"), 1)), after.items());
  }

  @Test
  void removingTakesOnlyTheFirstLineOfThatName() {
    Receipt receipt = add(add(Receipt.open("r-1"), "Coffee", "4.50", 1), "Coffee", "5.00", 3);
    Receipt after = receipt.on(handlers.removeItem(receipt, new RemoveItem("Coffee")));
    assertEquals(List.of(new Item("Coffee", money("5.00"), 3)), after.items());
    assertMoney("15.00", after.total());
  }

  @Test
  void removingAMissingItemIsRejected() {
    RejectedException rejected =
        assertThrows(RejectedException.class, () -> handlers.removeItem(Receipt.open("r-1"), new RemoveItem("Tea")));
    assertEquals(ErrorCode.REJECTED, rejected.code());
    assertEquals("item-not-found", rejected.reason());
    assertEquals("Item 'Tea' not found on receipt", rejected.getMessage());
    assertEquals("item-not-found", rejected.details().get("reason"));
  }

  @Test
  void finalizingClosesWithTheTotalAndLineCount() {
    Receipt receipt = add(add(Receipt.open("r-1"), "Coffee", "4.50", 2), "Muffin", "3.25", 1);
    ReceiptFinalized finalized = handlers.finalizeReceipt(receipt, new Finalize());
    assertMoney("12.25", finalized.finalTotal());
    assertEquals(2, finalized.itemCount());
    Receipt closed = receipt.on(finalized);
    assertEquals(Status.CLOSED, closed.status());
    assertMoney("12.25", closed.total());
  }

  @Test
  void anEmptyReceiptCannotBeFinalized() {
    RejectedException rejected =
        assertThrows(RejectedException.class, () -> handlers.finalizeReceipt(Receipt.open("r-1"), new Finalize()));
    assertEquals("empty-receipt", rejected.reason());
    assertEquals("Cannot finalize receipt with no items", rejected.getMessage());
  }

  @Test
  void aClosedReceiptRefusesChangesNamingTheOperationAndStatus() {
    Receipt closed = closedReceipt();
    assertRejected(
        "invalid-receipt-state",
        "Cannot perform operation 'add-item' on closed receipt",
        () -> handlers.addItem(closed, new AddItem("Tea", money("1"), 1)));
    assertRejected(
        "invalid-receipt-state",
        "Cannot perform operation 'remove-item' on closed receipt",
        () -> handlers.removeItem(closed, new RemoveItem("Coffee")));
    assertRejected(
        "invalid-receipt-state",
        "Cannot perform operation 'finalize' on closed receipt",
        () -> handlers.finalizeReceipt(closed, new Finalize()));
  }

  @Test
  void aVoidedReceiptRefusesChanges() {
    Receipt voided = Receipt.open("r-1").on(handlers.voidReceipt(Receipt.open("r-1"), new VoidReceipt("test")));
    assertRejected(
        "invalid-receipt-state",
        "Cannot perform operation 'add-item' on voided receipt",
        () -> handlers.addItem(voided, new AddItem("Tea", money("1"), 1)));
  }

  @Test
  void aClosedReceiptMayBeVoidedOnce() {
    Receipt closed = closedReceipt();
    ReceiptVoided voided = handlers.voidReceipt(closed, new VoidReceipt("customer changed their mind"));
    assertEquals("customer changed their mind", voided.reason());
    assertMoney("9.00", voided.voidedTotal());
    Receipt after = closed.on(voided);
    assertEquals(Status.VOIDED, after.status());
    assertRejected(
        "receipt-already-voided",
        "Receipt is already voided",
        () -> handlers.voidReceipt(after, new VoidReceipt("again")));
  }

  @Test
  void reducersLeaveTheirInputUnchanged() {
    Receipt before = add(Receipt.open("r-1"), "Coffee", "4.50", 2);
    Receipt after = before.on(new ItemAdded("Muffin", money("3.25"), 1, money("3.25"), "EUR"));
    assertEquals(1, before.items().size());
    assertMoney("9.00", before.total());
    assertEquals(2, after.items().size());
    assertThrows(UnsupportedOperationException.class, () -> after.items().add(new Item("x", BigDecimal.ONE, 1)));
  }

  @Test
  void suppliersStartFromTheirRegistration() {
    Supplier supplier = Supplier.on(new SupplierRegistered("s-1", "Beans Ltd"));
    assertEquals(new Supplier("s-1", "Beans Ltd"), supplier);
    SupplierRenamed renamed = SupplierHandlers.rename(supplier, new RenameSupplier("Better Beans"));
    assertEquals(new Supplier("s-1", "Better Beans"), supplier.on(renamed));
  }

  private Receipt closedReceipt() {
    Receipt receipt = add(Receipt.open("r-1"), "Coffee", "4.50", 2);
    Receipt closed = receipt.on(handlers.finalizeReceipt(receipt, new Finalize()));
    assertSame(Status.CLOSED, closed.status());
    return closed;
  }

  private static void assertRejected(String reason, String message, org.junit.jupiter.api.function.Executable call) {
    RejectedException rejected = assertThrows(RejectedException.class, call);
    assertEquals(reason, rejected.reason());
    assertEquals(message, rejected.getMessage());
    assertTrue(rejected.details().containsKey("reason"));
  }
}
