package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;
import java.util.Optional;

/**
 * One {@code @Upcaster}: the step of an event's chain from version {@code from} to {@code from + 1}.
 *
 * @param from the version it reads
 * @param owner the type that declares it
 * @param method its name
 * @param takes the older record it takes; empty when it takes the JSON tree
 * @param returns the record it returns; empty when it returns the JSON tree
 */
public record UpcasterModel(int from, ClassName owner, String method, Optional<ClassName> takes, Optional<ClassName> returns) {}
