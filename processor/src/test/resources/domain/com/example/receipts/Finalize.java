package com.example.receipts;

public record Finalize() {}
