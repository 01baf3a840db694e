package com.weegigs.events.processor;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/** Marks a test that checks one catalogue message; {@link CatalogueCoverageTest} requires one for every entry. */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
@interface Covers {
  /** The message the test checks. */
  Message value();
}
