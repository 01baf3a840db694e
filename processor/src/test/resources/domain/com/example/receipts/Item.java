package com.example.receipts;

import java.math.BigDecimal;

public record Item(String name, BigDecimal price, int quantity) {}
