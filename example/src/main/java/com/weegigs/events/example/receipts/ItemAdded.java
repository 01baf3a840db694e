package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

/**
 * A line was added ({@code item-added}).
 *
 * @param name what was bought
 * @param price the price of one unit
 * @param quantity how many units
 * @param lineTotal price × quantity
 */
@Event(aggregate = Receipt.class)
public record ItemAdded(String name, BigDecimal price, int quantity, BigDecimal lineTotal) implements ReceiptEvent {}
