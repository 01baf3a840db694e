package com.example.receipts;

import java.math.BigDecimal;

public record AddItem(String name, BigDecimal price, int quantity) {}
