package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;
import jakarta.validation.constraints.NotBlank;

/**
 * Removes the first line of that name from an open receipt ({@code remove-item}).
 *
 * @param name the line's name
 */
@Command(aggregate = Receipt.class)
public record RemoveItem(@NotBlank String name) {}
