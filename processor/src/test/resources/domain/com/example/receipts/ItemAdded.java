package com.example.receipts;

import com.weegigs.events.annotations.Event;
import java.math.BigDecimal;

@Event(aggregate = Receipt.class)
public record ItemAdded(String name, BigDecimal price, int quantity, BigDecimal lineTotal) implements ReceiptEvent {}
