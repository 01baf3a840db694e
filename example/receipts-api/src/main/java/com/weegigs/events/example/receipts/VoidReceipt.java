package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotBlank;

/**
 * Voids a receipt that is not voided already ({@code void-receipt}). Only a manager may: a caller
 * without the role is {@code FORBIDDEN}, and a service that does not authenticate requests answers
 * {@code UNAUTHENTICATED}.
 *
 * @param reason why, for the record
 */
@RolesAllowed("manager")
@Command(name = "void-receipt", aggregate = Receipt.class)
public record VoidReceipt(@NotBlank String reason) {}
