package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a method that consumes the events of an aggregate, in any class. The processor checks it
 * and generates {@code <Class>Subscriptions.subscribe(ServiceClient client, <Class> handlers)},
 * which subscribes every such method of the class at once and returns one closeable for them all.
 * Accepted forms (instance methods, not private, returning {@code void}):
 * <ul>
 *   <li>{@code void on(ItemAdded event)}: one {@link Event} record</li>
 *   <li>{@code void on(ReceiptEvent event)}: the sealed interface every event of one aggregate
 *       implements, for all of its events</li>
 *   <li>either, followed by {@code RecordedEvent<ItemAdded> recorded} for the event's revision,
 *       timestamp and metadata</li>
 * </ul>
 *
 * <p>Without {@link #durable()} the method receives the events published from the moment it is
 * subscribed (live, at most once). With a durable name it is a durable subscriber of the events the
 * service stores in JetStream: at least once, retried when it throws, shared by every instance with
 * that name, from {@link #start()} for a new subscriber and from where it stopped afterwards.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface EventHandler {
  /**
   * The durable subscriber's name (lower-case letters, digits and {@code -}, starting with a
   * letter, at most 50 characters), unique among the handlers of the class; empty, the default,
   * for a live subscription.
   */
  String durable() default "";

  /** Where a new durable subscriber starts; only with {@link #durable()}. */
  Start start() default Start.BEGINNING;

  /** Where a new durable subscriber starts reading the stored events. */
  enum Start {
    /** From the first stored event. */
    BEGINNING,
    /** From the events stored after it first subscribes. */
    NOW
  }
}
