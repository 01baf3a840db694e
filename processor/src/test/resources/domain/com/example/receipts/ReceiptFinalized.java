package com.example.receipts;

import java.math.BigDecimal;

public record ReceiptFinalized(BigDecimal finalTotal, int itemCount) implements ReceiptEvent {}
