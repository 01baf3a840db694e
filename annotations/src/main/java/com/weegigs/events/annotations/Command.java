package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a record as a command of an aggregate. Exactly one {@link CommandHandler} must handle it. */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface Command {
  /** The {@link Aggregate} record this command acts on. */
  Class<? extends Record> aggregate();

  /** Wire name, such as {@code add-item}. Defaults to the record's name in kebab case. */
  String name() default "";
}
