package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * Names of the per-service generated types, decided in {@code GeneratedNames}.
 *
 * @param descriptor holds the {@code ServiceDescriptor} constant ({@code ReceiptsService})
 */
public record ServiceNames(ClassName descriptor) {}
