package com.example.receipts;

import java.math.BigDecimal;

public record ReceiptVoided(String reason, BigDecimal voidedTotal) implements ReceiptEvent {}
