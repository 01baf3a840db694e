package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Registers a new supplier ({@code register-supplier}).
 *
 * @param name its trading name
 */
@Command(aggregate = Supplier.class)
public record RegisterSupplier(@NotBlank @Size(max = 100) String name) {}
