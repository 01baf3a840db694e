package com.example.shop;

public record OrderShipped(Address to) {}
