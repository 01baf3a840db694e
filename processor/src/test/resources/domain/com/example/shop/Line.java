package com.example.shop;

import java.math.BigDecimal;

public record Line(String sku, int quantity, BigDecimal unitPrice) {}
