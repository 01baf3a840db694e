package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.CommandHandler;
import com.weegigs.events.runtime.error.RejectedException;
import java.math.BigDecimal;

/**
 * The business rules of a receipt: one handler per command. Each decides, from the current state
 * and the command, which event to record, or refuses with a {@link RejectedException} that the
 * service sends back as {@code REJECTED} (422) with the rule's name as {@code details.reason}.
 *
 * <p>The class has no dependencies; a real one would take them in its constructor, and the
 * service is given an instance ({@code ReceiptStub.definition(new ReceiptHandlers())}).
 */
public final class ReceiptHandlers {
  /** The currency of the till: every price is in it. */
  public static final String CURRENCY = ItemAdded.TILL_CURRENCY;

  /** Rule name: the command is not allowed in the receipt's status. */
  public static final String INVALID_RECEIPT_STATE = "invalid-receipt-state";
  /** Rule name: no line has the name to remove. */
  public static final String ITEM_NOT_FOUND = "item-not-found";
  /** Rule name: a receipt without lines cannot be finalized. */
  public static final String EMPTY_RECEIPT = "empty-receipt";
  /** Rule name: a voided receipt cannot be voided again. */
  public static final String RECEIPT_ALREADY_VOIDED = "receipt-already-voided";

  /** Creates the handlers. */
  public ReceiptHandlers() {}

  /** {@code add-item}: only while open; the line's total is price × quantity, exact. */
  @CommandHandler
  public ItemAdded addItem(Receipt state, AddItem command) {
    requireOpen(state, "add-item");
    var lineTotal = command.price().multiply(BigDecimal.valueOf(command.quantity()));
    return new ItemAdded(command.name(), command.price(), command.quantity(), lineTotal, CURRENCY);
  }

  /** {@code remove-item}: only while open and when a line of that name exists; refunds that line's total. */
  @CommandHandler
  public ItemRemoved removeItem(Receipt state, RemoveItem command) {
    requireOpen(state, "remove-item");
    Item line = state.firstItemNamed(command.name());
    if (line == null) {
      throw new RejectedException(ITEM_NOT_FOUND, "Item '" + command.name() + "' not found on receipt");
    }
    return new ItemRemoved(line.name(), line.lineTotal());
  }

  /** {@code finalize}: only while open and not empty. */
  @CommandHandler
  public ReceiptFinalized finalizeReceipt(Receipt state, Finalize command) {
    requireOpen(state, "finalize");
    if (state.items().isEmpty()) {
      throw new RejectedException(EMPTY_RECEIPT, "Cannot finalize receipt with no items");
    }
    return new ReceiptFinalized(state.total(), state.items().size());
  }

  /** {@code void-receipt}: allowed in any status but voided. */
  @CommandHandler
  public ReceiptVoided voidReceipt(Receipt state, VoidReceipt command) {
    if (state.status() == Status.VOIDED) {
      throw new RejectedException(RECEIPT_ALREADY_VOIDED, "Receipt is already voided");
    }
    return new ReceiptVoided(command.reason(), state.total());
  }

  private static void requireOpen(Receipt state, String operation) {
    if (state.status() != Status.OPEN) {
      throw new RejectedException(
          INVALID_RECEIPT_STATE,
          "Cannot perform operation '" + operation + "' on " + state.status().wireName() + " receipt");
    }
  }
}
