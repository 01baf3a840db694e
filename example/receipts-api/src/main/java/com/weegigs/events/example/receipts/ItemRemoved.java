package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

/**
 * A line was removed ({@code item-removed}).
 *
 * @param name the line's name
 * @param refundAmount the removed line's total
 */
@Event(aggregate = Receipt.class)
public record ItemRemoved(String name, BigDecimal refundAmount) implements ReceiptEvent {}
