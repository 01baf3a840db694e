package com.example.receipts;

import com.weegigs.events.annotations.*;
import jakarta.validation.constraints.*;

@Command(aggregate = Receipt.class)
public record RemoveItem(@NotBlank String name) {}
