package com.example.receipts;

public record VoidReceipt(String reason) {}
