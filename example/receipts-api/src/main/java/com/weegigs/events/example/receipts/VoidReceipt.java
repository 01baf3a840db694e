package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;
import jakarta.validation.constraints.NotBlank;

/**
 * Voids a receipt that is not voided already ({@code void-receipt}).
 *
 * @param reason why, for the record
 */
@Command(name = "void-receipt", aggregate = Receipt.class)
public record VoidReceipt(@NotBlank String reason) {}
