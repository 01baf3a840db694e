package com.weegigs.events.example.receipts;

import com.weegigs.events.annotations.Command;

/** Closes an open receipt that has at least one line ({@code finalize}). */
@Command(aggregate = Receipt.class)
public record Finalize() {}
