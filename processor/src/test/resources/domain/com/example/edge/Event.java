package com.example.edge;

public record Event(String key) {}
