package com.example.receipts;

public record RemoveItem(String name) {}
