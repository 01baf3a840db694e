package com.example.receipts;

import com.weegigs.events.annotations.CommandHandler;
import com.weegigs.events.runtime.CommandContext;
import com.weegigs.events.runtime.error.RejectedException;
import java.math.BigDecimal;
import java.util.List;

@SuppressWarnings("deprecation") // Finalize is deprecated on purpose
public final class ReceiptHandlers {
  @CommandHandler
  ItemAdded addItem(Receipt state, AddItem command) {
    BigDecimal lineTotal = command.price().multiply(BigDecimal.valueOf(command.quantity()));
    return new ItemAdded(command.name(), command.price(), command.quantity(), lineTotal);
  }

  @CommandHandler
  ItemRemoved removeItem(Receipt state, RemoveItem command, CommandContext context) {
    for (Item item : state.items()) {
      if (item.name().equals(command.name())) {
        return new ItemRemoved(item.name(), item.price().multiply(BigDecimal.valueOf(item.quantity())));
      }
    }
    throw new RejectedException("item-not-found", "no item " + command.name());
  }

  @CommandHandler
  List<ReceiptEvent> finalizeReceipt(Receipt state, Finalize command) {
    return List.of(new ReceiptFinalized(state.total(), state.items().size()));
  }
}
