package com.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

@Event(aggregate = Receipt.class)
public record ReceiptVoided(String reason, BigDecimal voidedTotal) implements ReceiptEvent {}
