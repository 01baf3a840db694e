package com.weegigs.events.runtime.client;

/**
 * A live event subscription. {@link #close()} stops it after delivering the events already
 * received (waiting a bounded time for the listener to finish them).
 */
public interface EventSubscription extends AutoCloseable {
  /** The NATS subject subscribed to, such as {@code receipts.events.receipt.item-added}. */
  String subject();

  /** Whether the subscription still delivers events. */
  boolean isActive();

  /** Stops the subscription, draining what was already received. Safe to call twice. */
  @Override
  void close();
}
