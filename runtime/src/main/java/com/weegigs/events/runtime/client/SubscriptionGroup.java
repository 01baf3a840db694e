package com.weegigs.events.runtime.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Several event subscriptions started and stopped together: what a generated
 * {@code <Class>Subscriptions.subscribe(client, handlers)} returns for the {@code @EventHandler}
 * methods of a class. {@link #close()} closes each, the last started first.
 */
public final class SubscriptionGroup implements AutoCloseable {
  private final List<EventSubscription> subscriptions;

  private SubscriptionGroup(List<EventSubscription> subscriptions) {
    this.subscriptions = List.copyOf(subscriptions);
  }

  /**
   * Starts each subscription in order. When one fails to start, those already started are closed
   * before its exception is thrown, so nothing is left half subscribed.
   *
   * @param starts each starts one subscription
   * @return the started subscriptions, as one
   */
  @SafeVarargs
  public static SubscriptionGroup open(Supplier<? extends EventSubscription>... starts) {
    List<EventSubscription> started = new ArrayList<>(starts.length);
    try {
      for (Supplier<? extends EventSubscription> start : starts) {
        started.add(Objects.requireNonNull(start.get(), "a subscription start returned null"));
      }
    } catch (RuntimeException | Error e) {
      closeAll(started, e);
      throw e;
    }
    return new SubscriptionGroup(started);
  }

  /** The subscriptions, in the order they were started. */
  public List<EventSubscription> subscriptions() {
    return subscriptions;
  }

  /** Whether every subscription is still active. */
  public boolean isActive() {
    return subscriptions.stream().allMatch(EventSubscription::isActive);
  }

  /** Closes every subscription, the last started first; a failure to close one does not keep the others open. */
  @Override
  public void close() {
    RuntimeException failure = closeAll(subscriptions, null);
    if (failure != null) {
      throw failure;
    }
  }

  /** Closes {@code subscriptions} in reverse; returns the first failure (added to {@code primary} when there is one). */
  private static RuntimeException closeAll(List<EventSubscription> subscriptions, Throwable primary) {
    RuntimeException first = null;
    for (int i = subscriptions.size() - 1; i >= 0; i--) {
      try {
        subscriptions.get(i).close();
      } catch (RuntimeException e) {
        if (primary != null) {
          primary.addSuppressed(e);
        } else if (first == null) {
          first = e;
        } else {
          first.addSuppressed(e);
        }
      }
    }
    return first;
  }
}
