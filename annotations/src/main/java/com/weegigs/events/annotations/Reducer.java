package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a pure method on an {@link Aggregate} record that applies one event and returns the next
 * state: an instance method {@code State on(SomeEvent event)}, or for aggregates without
 * {@link Initial} a static method {@code static State on(CreatingEvent event)} that starts the state.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Reducer {}
