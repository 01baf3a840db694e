package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.EventListener;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A live subscription on its own jnats dispatcher (one thread), so a slow listener delays only
 * its own events, which arrive in order. Events that cannot be decoded and listeners that throw
 * are logged; the subscription goes on.
 *
 * @param <E> the event type delivered
 */
final class NatsEventSubscription<E> implements EventSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(NatsEventSubscription.class);

  private final Subscriptions owner;
  private final String subject;
  private final Function<byte[], RecordedEvent<E>> decoder;
  private final EventListener<E> listener;
  private final Dispatcher dispatcher;
  private final String spanName;
  private final AtomicBoolean closed = new AtomicBoolean();

  /** @param decoder turns a message body into the event, or {@code null} to skip it */
  NatsEventSubscription(
      Subscriptions owner, String subject, Function<byte[], RecordedEvent<E>> decoder, EventListener<E> listener) {
    this.owner = owner;
    this.subject = subject;
    this.decoder = decoder;
    this.listener = listener;
    this.spanName = "process " + subject;
    this.dispatcher = owner.connection().createDispatcher(this::deliver);
  }

  /** Subscribes the dispatcher to the subject. */
  void subscribe() {
    dispatcher.subscribe(subject);
  }

  /** Waits until the server has registered the interest, so events published from now on are delivered. */
  void awaitRegistered(Duration timeout) {
    try {
      owner.connection().flush(timeout);
    } catch (TimeoutException e) {
      // Not connected right now: jnats registers the interest when it reconnects.
      LOG.debug("subscribed to {} while the connection is down; it starts once reconnected", subject);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void deliver(Message message) {
    RecordedEvent<E> event;
    try {
      event = decoder.apply(message.getData());
    } catch (RuntimeException e) {
      LOG.warn("skipped a message on {} that is not a readable event: {}", message.getSubject(), e.getMessage());
      return;
    }
    if (event == null) {
      return;
    }
    // the listener's span continues the trace of the command that produced the event
    Telemetry telemetry = owner.telemetry();
    Context parent = telemetry.extract(message.getHeaders());
    Span span = !telemetry.tracing() ? Span.getInvalid() : telemetry.span(spanName, SpanKind.CONSUMER, parent)
        .setAttribute(Telemetry.DESTINATION, message.getSubject())
        .setAttribute(Telemetry.OPERATION_TYPE, "process")
        .setAttribute(Telemetry.OPERATION_NAME, "process")
        .setAttribute(Telemetry.MESSAGE_ID, event.id())
        .setAttribute(Telemetry.BODY_SIZE, message.getData() == null ? 0L : message.getData().length)
        .setAttribute(Telemetry.EVENT_TYPE, event.type())
        .setAttribute(Telemetry.REVISION, event.revision())
        .startSpan();
    try (Scope scope = Telemetry.activate(Telemetry.with(parent, span))) {
      listener.onEvent(event);
    } catch (Exception e) {
      Telemetry.failed(span, e);
      LOG.error("the listener of {} failed on event {} ({} {} revision {}); the subscription goes on",
          subject, event.id(), event.type(), event.aggregate(), event.revision(), e);
    } finally {
      span.end();
    }
  }

  @Override
  public String subject() {
    return subject;
  }

  @Override
  public boolean isActive() {
    return !closed.get() && dispatcher.isActive();
  }

  @Override
  public void close() {
    awaitClosed(closeAsync());
  }

  /**
   * Starts closing: stops taking new events and drains those already received. The client closes
   * all its subscriptions this way at once, then waits, so closing many takes one drain timeout,
   * not one each.
   *
   * @return the drain, completed once it is over (or {@code null} when already closing)
   */
  CompletableFuture<Boolean> closeAsync() {
    if (!closed.compareAndSet(false, true)) {
      return null;
    }
    owner.forget(this);
    try {
      return dispatcher.drain(owner.drainTimeout());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return CompletableFuture.completedFuture(false);
    } catch (IllegalStateException e) {
      // The connection may be closed or reconnecting: closing the dispatcher is all that is left.
      LOG.debug("draining the subscription to {} failed: {}", subject, e.toString());
      return CompletableFuture.completedFuture(false);
    }
  }

  /** Waits for {@code drain} (from {@link #closeAsync}), then makes sure the dispatcher is closed. */
  void awaitClosed(CompletableFuture<Boolean> drain) {
    if (drain == null) {
      return;
    }
    Duration timeout = owner.drainTimeout();
    try {
      if (!drain.get(timeout.toMillis() + 1000, TimeUnit.MILLISECONDS)) {
        LOG.warn("the subscription to {} did not drain within {} ms; closing it", subject, timeout.toMillis());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (ExecutionException | TimeoutException e) {
      LOG.debug("draining the subscription to {} failed: {}", subject, e.toString());
    } finally {
      Connection connection = owner.connection();
      if (dispatcher.isActive() && connection.getStatus() != Connection.Status.CLOSED) {
        try {
          connection.closeDispatcher(dispatcher);
        } catch (IllegalStateException | IllegalArgumentException e) {
          LOG.debug("closing the dispatcher of {} failed: {}", subject, e.toString());
        }
      }
    }
  }

  @Override
  public String toString() {
    return "EventSubscription[" + subject + (closed.get() ? ", closed]" : "]");
  }
}
