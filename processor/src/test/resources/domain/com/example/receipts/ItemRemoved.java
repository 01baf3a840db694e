package com.example.receipts;

import java.math.BigDecimal;

public record ItemRemoved(String name, BigDecimal refundAmount) implements ReceiptEvent {}
