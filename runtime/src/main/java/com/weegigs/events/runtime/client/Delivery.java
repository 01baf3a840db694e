package com.weegigs.events.runtime.client;

/**
 * How a durable subscription got the event it hands to a {@link DurableEventListener}.
 *
 * @param count the delivery count of the event's stored message: 1 the first time, 2 after the
 *     listener threw once (or its instance stopped before acknowledging), and so on
 * @param streamSequence the stored message's sequence in the service's stream; every event of one
 *     command shares it, and a later command has a higher one
 */
public record Delivery(long count, long streamSequence) {}
