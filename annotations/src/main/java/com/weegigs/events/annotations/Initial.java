package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the static factory {@code static State name(String key)} on an {@link Aggregate} record
 * that gives the state of an aggregate with no events. Without it, an aggregate with no events
 * does not exist ({@code NOT_FOUND}).
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Initial {}
