package com.example.edge;

public record Default(int violations) {}
