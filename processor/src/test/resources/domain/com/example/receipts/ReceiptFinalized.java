package com.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

@Event(aggregate = Receipt.class)
public record ReceiptFinalized(BigDecimal finalTotal, int itemCount) implements ReceiptEvent {}
