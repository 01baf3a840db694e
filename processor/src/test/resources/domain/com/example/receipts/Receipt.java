package com.example.receipts;

import com.weegigs.events.annotations.*;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

@Aggregate
public record Receipt(String id, Status status, List<Item> items, BigDecimal total) {
  public Receipt {
    items = List.copyOf(items);
  }

  @Initial
  static Receipt open(String key) {
    return new Receipt(key, Status.OPEN, List.of(), BigDecimal.ZERO);
  }

  @Reducer
  Receipt on(ItemAdded event) {
    List<Item> next = new ArrayList<>(items);
    next.add(new Item(event.name(), event.price(), event.quantity()));
    return new Receipt(id, status, next, total.add(event.lineTotal()));
  }

  @Reducer
  Receipt on(ItemRemoved event) {
    List<Item> next = new ArrayList<>(items);
    next.removeIf(item -> item.name().equals(event.name()));
    return new Receipt(id, status, next, total.subtract(event.refundAmount()));
  }

  @Reducer
  Receipt on(ReceiptFinalized event) {
    return new Receipt(id, Status.CLOSED, items, total);
  }

  @Reducer
  Receipt on(ReceiptVoided event) {
    return new Receipt(id, Status.VOIDED, items, total);
  }

  @CommandHandler
  ReceiptVoided voidReceipt(VoidReceipt command) {
    return new ReceiptVoided(command.reason(), total);
  }
}
