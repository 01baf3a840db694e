package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a record as the state of an event-sourced aggregate. Its {@link Reducer} methods fold events
 * into the next state; an optional {@link Initial} factory gives the state of an aggregate that has
 * no events yet.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Aggregate {
  /** Wire name of the aggregate type, such as {@code receipt}. Defaults to the record's name in kebab case. */
  String type() default "";
}
