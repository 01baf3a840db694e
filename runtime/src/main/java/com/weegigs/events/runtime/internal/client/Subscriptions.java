package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.EventListener;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import io.nats.client.Connection;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The live and durable event subscriptions of one client: starts the live ones, and closes them
 * all, side by side, when the client closes.
 */
public final class Subscriptions {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);

  private final Connection connection;
  private final String serviceName;
  private final Duration flushTimeout;
  private final Duration drainTimeout;
  private final Telemetry telemetry;
  private final Set<EventSubscription> open = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  /**
   * @param connection where subscriptions are made
   * @param serviceName the service, for messages
   * @param flushTimeout how long subscribing waits for the server to register the interest
   * @param drainTimeout how long closing a subscription waits for the events it already received
   * @param telemetry where a live listener's spans go, and how the events' trace context is read
   */
  public Subscriptions(Connection connection, String serviceName, Duration flushTimeout, Duration drainTimeout,
      Telemetry telemetry) {
    this.telemetry = telemetry;
    this.connection = connection;
    this.serviceName = serviceName;
    this.flushTimeout = flushTimeout;
    this.drainTimeout = drainTimeout;
  }

  /**
   * Subscribes to {@code subject} on a dispatcher of its own, and waits until the server has
   * registered the interest, so events published after this returns are delivered.
   *
   * @param decoder turns a message body into the event, or {@code null} to skip it
   * @throws IllegalStateException when the client is closed
   */
  public <E> EventSubscription start(
      String subject, Function<byte[], RecordedEvent<E>> decoder, EventListener<E> listener) {
    if (closed) {
      throw closedClient();
    }
    NatsEventSubscription<E> subscription = new NatsEventSubscription<>(this, subject, decoder, listener);
    subscription.subscribe();
    if (!track(subscription)) {
      // the client was closed meanwhile, and did not see this subscription: close it here
      subscription.close();
      throw closedClient();
    }
    subscription.awaitRegistered(flushTimeout);
    return subscription;
  }

  /**
   * Registers a subscription so {@link #closeAll()} closes it.
   *
   * @return {@code false} when the client was closed meanwhile: the caller must close it itself
   */
  public boolean track(EventSubscription subscription) {
    open.add(subscription);
    // closeAll() sets the flag before it looks at the set: one of the two sees the other
    if (closed) {
      open.remove(subscription);
      return false;
    }
    return true;
  }

  /** Forgets a closed subscription. */
  void forget(EventSubscription subscription) {
    open.remove(subscription);
  }

  Connection connection() {
    return connection;
  }

  String serviceName() {
    return serviceName;
  }

  Telemetry telemetry() {
    return telemetry;
  }

  Duration drainTimeout() {
    return drainTimeout;
  }

  /** Closes every subscription, starting every drain at once and then awaiting them: one drain timeout in all. */
  public void closeAll() {
    closed = true;
    Map<NatsEventSubscription<?>, CompletableFuture<Boolean>> drains = new LinkedHashMap<>();
    List<NatsDurableSubscription<?>> durables = new ArrayList<>();
    for (EventSubscription subscription : Set.copyOf(open)) {
      try {
        if (subscription instanceof NatsEventSubscription<?> live) {
          drains.put(live, live.closeAsync());
        } else if (subscription instanceof NatsDurableSubscription<?> durable) {
          if (durable.stop()) {
            durables.add(durable);
          }
        } else {
          subscription.close();
        }
      } catch (RuntimeException e) {
        // One subscription that will not close must not keep the others open.
        LOG.warn("closing the subscription to {} failed", subscription.subject(), e);
      }
    }
    durables.forEach(NatsDurableSubscription::awaitStopped);
    drains.forEach((subscription, drain) -> {
      try {
        subscription.awaitClosed(drain);
      } catch (RuntimeException e) {
        LOG.warn("closing the subscription to {} failed", subscription.subject(), e);
      }
    });
  }

  private IllegalStateException closedClient() {
    return new IllegalStateException("the client of " + serviceName + " is closed");
  }
}
