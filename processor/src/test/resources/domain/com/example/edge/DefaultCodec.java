package com.example.edge;

public record DefaultCodec() {}
