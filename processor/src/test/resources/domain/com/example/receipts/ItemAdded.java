package com.example.receipts;

import java.math.BigDecimal;

public record ItemAdded(String name, BigDecimal price, int quantity, BigDecimal lineTotal) implements ReceiptEvent {}
