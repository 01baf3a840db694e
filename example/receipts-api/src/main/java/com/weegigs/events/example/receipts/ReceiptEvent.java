package com.weegigs.events.example.receipts;

/** Every event a receipt records; handlers that may return any of them return this type. */
public sealed interface ReceiptEvent permits ItemAdded, ItemRemoved, ReceiptFinalized, ReceiptVoided {}
