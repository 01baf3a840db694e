package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Gives a registered supplier a new name ({@code rename-supplier}).
 *
 * @param name the new trading name
 */
@Command(aggregate = Supplier.class)
public record RenameSupplier(@NotBlank @Size(max = 100) String name) {}
