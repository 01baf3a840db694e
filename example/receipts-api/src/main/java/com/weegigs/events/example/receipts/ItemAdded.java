package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;
import com.weegigs.events.annotations.Upcaster;
import jakarta.validation.constraints.NotBlank;
import java.math.BigDecimal;

/**
 * A line was added ({@code item-added}), at version 2: version 1 had no currency.
 *
 * @param name what was bought
 * @param price the price of one unit
 * @param quantity how many units
 * @param lineTotal price × quantity
 * @param currency the ISO 4217 code of {@code price} and {@code lineTotal}
 */
@Event(aggregate = Receipt.class, version = 2)
public record ItemAdded(String name, BigDecimal price, int quantity, BigDecimal lineTotal, @NotBlank String currency)
    implements ReceiptEvent {

  /** The till's currency, which every line recorded before version 2 was in. */
  public static final String TILL_CURRENCY = "EUR";

  /**
   * Version 1, as it was stored before lines recorded their currency.
   *
   * @param name what was bought
   * @param price the price of one unit
   * @param quantity how many units
   * @param lineTotal price × quantity
   */
  public record V1(String name, BigDecimal price, int quantity, BigDecimal lineTotal) {}

  /** Lines recorded before version 2 were all in the till's currency, {@link #TILL_CURRENCY}. */
  @Upcaster(from = 1)
  static ItemAdded upcast(V1 old) {
    return new ItemAdded(old.name(), old.price(), old.quantity(), old.lineTotal(), TILL_CURRENCY);
  }
}
