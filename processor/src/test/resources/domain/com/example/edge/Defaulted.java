package com.example.edge;

public record Defaulted(int violations) {}
