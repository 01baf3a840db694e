package com.example.receipts;

import com.weegigs.events.annotations.*;
import jakarta.validation.constraints.*;

@Command(aggregate = Receipt.class)
public record VoidReceipt(@Size(max = 200) String reason) {}
