package com.example.shop;

public record Ship(Address to) {}
