package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a static, pure method that turns an {@link Event} stored at version {@link #from()} into
 * version {@code from + 1}. An event at {@code @Event(version = N)} has exactly one upcaster for each
 * step {@code 1 → 2}, ..., {@code N-1 → N}; the generated codecs apply them, in order, whenever they
 * read an event stored at an older version (loading from a store, in subscriptions, in command replies).
 *
 * <p>Two forms, which one chain may mix:
 *
 * <ul>
 *   <li>from the older record, kept in the code (for example a record {@code V1} nested in the event):
 *       {@code static ItemAdded upcast(ItemAdded.V1 old)}. It returns the event record for the last
 *       step, and otherwise the record of the next version (the one the next upcaster takes, when
 *       that one takes a record). The older record follows the same rules as an event record and gets
 *       a generated codec.
 *   <li>from the JSON tree: {@code static Map<String, Object> upcast(Map<String, Object> json)}, which
 *       takes the stored data of version {@code from} and returns that of the next version. Objects are
 *       {@code Map<String, Object>}, arrays {@code List<Object>}, strings {@code String}, numbers
 *       {@code Long}, {@code BigInteger} or {@code BigDecimal}, booleans {@code Boolean}, and JSON
 *       {@code null} is {@code null}; the maps and lists are mutable.
 * </ul>
 *
 * <p>An upcaster is not private (public when declared in another package than the aggregate), not
 * generic, and declares no checked exception: an unchecked one makes the stored event unreadable,
 * reported as a decode error.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface Upcaster {
  /**
   * The event record this upcaster belongs to. Defaults to the type that declares the method, so an
   * upcaster declared inside its event record need not name it.
   */
  Class<? extends Record> event() default Record.class;

  /** The version this upcaster reads, from 1; it returns version {@code from + 1}. */
  int from();
}
