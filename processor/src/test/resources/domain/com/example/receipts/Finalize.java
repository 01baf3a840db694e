package com.example.receipts;

/** Deprecated on purpose: generated code that refers to it must still compile with -Werror. */
@Deprecated
public record Finalize() {}
