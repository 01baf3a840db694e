package com.example.receipts;

import com.weegigs.events.annotations.Command;

/** Deprecated on purpose: generated code that refers to it must still compile with -Werror. */
@Deprecated
@Command(aggregate = Receipt.class)
public record Finalize() {}
