package com.example.receipts;

import com.weegigs.events.annotations.*;
import jakarta.validation.constraints.*;
import java.math.BigDecimal;

@Command(aggregate = Receipt.class)
public record AddItem(@NotBlank String name, @NotNull @PositiveOrZero BigDecimal price, @Min(1) int quantity) {}
