package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Aggregate;
import com.weegigs.events.annotations.Initial;
import com.weegigs.events.annotations.Reducer;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A till receipt: the state of the {@code receipt} aggregate.
 *
 * <p>Every receipt exists: one that has no events yet is {@link #open(String) open} with no items,
 * so asking for any key answers rather than {@code NOT_FOUND}. The reducers are pure: each returns
 * the next state and changes nothing.
 *
 * @param id the receipt's key
 * @param status open, closed or voided
 * @param items the lines, in the order they were added
 * @param total the sum of the lines' totals, exact
 */
@Aggregate(type = "receipt")
public record Receipt(String id, Status status, List<Item> items, BigDecimal total) {

  /** Copies {@code items} so a receipt can never change under its holder. */
  public Receipt {
    items = List.copyOf(items);
  }

  /** A receipt nobody has touched yet: open, no items, total 0. */
  @Initial
  static Receipt open(String key) {
    return new Receipt(key, Status.OPEN, List.of(), BigDecimal.ZERO);
  }

  /** Adds the line and its total. */
  @Reducer
  Receipt on(ItemAdded event) {
    List<Item> next = new ArrayList<>(items);
    next.add(new Item(event.name(), event.price(), event.quantity()));
    return new Receipt(id, status, next, total.add(event.lineTotal()));
  }

  /** Removes the first line of that name and takes its total off. */
  @Reducer
  Receipt on(ItemRemoved event) {
    List<Item> next = new ArrayList<>(items);
    for (int i = 0; i < next.size(); i++) {
      if (next.get(i).name().equals(event.name())) {
        next.remove(i);
        break;
      }
    }
    return new Receipt(id, status, next, total.subtract(event.refundAmount()));
  }

  /** Closes the receipt. */
  @Reducer
  Receipt on(ReceiptFinalized event) {
    return new Receipt(id, Status.CLOSED, items, total);
  }

  /** Voids the receipt; its lines stay for the record. */
  @Reducer
  Receipt on(ReceiptVoided event) {
    return new Receipt(id, Status.VOIDED, items, total);
  }

  /** The first line named {@code name}, or {@code null} when there is none. */
  Item firstItemNamed(String name) {
    for (Item item : items) {
      if (item.name().equals(name)) {
        return item;
      }
    }
    return null;
  }
}
