package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

/**
 * The receipt was voided ({@code receipt-voided}).
 *
 * @param reason why
 * @param voidedTotal its total when it was voided
 */
@Event(aggregate = Receipt.class)
public record ReceiptVoided(String reason, BigDecimal voidedTotal) implements ReceiptEvent {}
