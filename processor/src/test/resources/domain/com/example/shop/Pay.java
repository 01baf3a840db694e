package com.example.shop;

import java.math.BigDecimal;

public record Pay(BigDecimal amount) {}
