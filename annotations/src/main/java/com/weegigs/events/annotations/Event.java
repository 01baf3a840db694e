package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a record as an event of an aggregate. Exactly one {@link Reducer} must apply it. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Event {
  /** The {@link Aggregate} record this event belongs to. */
  Class<? extends Record> aggregate();

  /** Wire name, such as {@code item-added}. Defaults to the record's name in kebab case. */
  String name() default "";

  /**
   * The version of the event's stored shape, from 1. Raise it by one when the record changes in a
   * way that events stored before cannot be read as, and add the {@link Upcaster} that turns the
   * previous version into this one (see the processor's README, "Schema evolution"). A recorded
   * event stores its version when it is above 1.
   */
  int version() default 1;
}
