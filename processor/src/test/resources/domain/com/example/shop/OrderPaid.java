package com.example.shop;

import java.math.BigDecimal;

public record OrderPaid(BigDecimal amount) {}
