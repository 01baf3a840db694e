package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

/**
 * The receipt was closed ({@code receipt-finalized}).
 *
 * @param finalTotal its total when it closed
 * @param itemCount how many lines it had
 */
@Event(aggregate = Receipt.class)
public record ReceiptFinalized(BigDecimal finalTotal, int itemCount) implements ReceiptEvent {}
