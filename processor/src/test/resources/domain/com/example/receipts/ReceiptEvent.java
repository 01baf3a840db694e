package com.example.receipts;

public sealed interface ReceiptEvent permits ItemAdded, ItemRemoved, ReceiptFinalized, ReceiptVoided {}
