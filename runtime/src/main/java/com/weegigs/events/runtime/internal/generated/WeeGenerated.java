package com.weegigs.events.runtime.internal.generated;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a type written by the wee-events annotation processor. It is kept in class files (but not
 * at run time) so that coverage tools such as JaCoCo, which skip classes annotated with an
 * annotation whose simple name contains {@code Generated}, leave generated code out of reports.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.TYPE)
public @interface WeeGenerated {}
