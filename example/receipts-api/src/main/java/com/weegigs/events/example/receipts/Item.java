package com.weegigs.events.example.receipts;

import java.math.BigDecimal;

/**
 * One line of a receipt.
 *
 * @param name what was bought
 * @param price the price of one unit, never negative
 * @param quantity how many units, at least one
 */
public record Item(String name, BigDecimal price, int quantity) {
  /** The line's total: price × quantity, exact. */
  public BigDecimal lineTotal() {
    return price.multiply(BigDecimal.valueOf(quantity));
  }
}
