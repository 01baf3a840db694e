package com.example.edge;

public record Type(String key) {}
