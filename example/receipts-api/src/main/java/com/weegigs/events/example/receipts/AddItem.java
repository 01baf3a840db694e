package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import java.math.BigDecimal;

/**
 * Adds a line to an open receipt ({@code add-item}).
 *
 * @param name what is bought
 * @param price the price of one unit
 * @param quantity how many units
 */
@Command(aggregate = Receipt.class)
public record AddItem(@NotBlank String name, @NotNull @PositiveOrZero BigDecimal price, @Min(1) int quantity) {}
