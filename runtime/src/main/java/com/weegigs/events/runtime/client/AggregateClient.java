package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.InvalidRequestException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.client.NatsDurableSubscription;
import com.weegigs.events.runtime.internal.client.ReplyFuture;
import com.weegigs.events.runtime.internal.concurrent.Completions;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.Subjects;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.function.Function;

/**
 * The typed client of one aggregate type of a service: sends its commands, gets its entities and
 * subscribes to its live events, or durably to its stored ones. Generated {@code <Aggregate>Client}s wrap one with a method per
 * command; it can also be used directly with an {@link AggregateType}.
 *
 * <pre>{@code
 * AggregateClient<Receipt, ReceiptEvent> receipts = new AggregateClient<>(client, ReceiptCodecs.TYPE);
 * CommandResult<Receipt, ReceiptEvent> result = AggregateClient.await(
 *     receipts.send(ReceiptCodecs.ADD_ITEM, "r-1", new AddItem("Coffee", new BigDecimal("4.50"), 2), CallOptions.DEFAULT));
 * }</pre>
 *
 * <p>Failures complete the futures with the {@link ServiceException} subclass of the wire error code
 * ({@code RejectedException}, {@code NotFoundException}, ...); {@link #await(CompletableFuture)}
 * throws it directly.
 *
 * @param <S> the state record
 * @param <E> the common type of the aggregate's events
 */
public final class AggregateClient<S, E> {
  private final ServiceClient client;
  private final AggregateType<S, E> type;
  /** Each command's subject by the command's name, and the query's: built once, not per call. */
  private final Map<String, String> commandSubjects;
  private final String querySubject;
  private final Function<byte[], CommandResult<S, E>> commandReply;
  private final Function<byte[], Entity<S>> queryReply;

  /**
   * @param client the service's client
   * @param type what both sides know of the aggregate (generated {@code <Aggregate>Codecs.TYPE})
   */
  public AggregateClient(ServiceClient client, AggregateType<S, E> type) {
    this.client = Objects.requireNonNull(client, "client");
    this.type = Objects.requireNonNull(type, "type");
    Map<String, String> subjects = new HashMap<>();
    for (String command : type.commands().keySet()) {
      subjects.put(command, Subjects.command(client.serviceName(), type.name(), command));
    }
    this.commandSubjects = subjects;
    this.querySubject = Subjects.query(client.serviceName(), type.name());
    this.commandReply = reply -> EntityReplies.decodeEntity(reply, type);
    this.queryReply = reply -> EntityReplies.decodeEntity(reply, type).entity();
  }

  /** The service's client. */
  public ServiceClient client() {
    return client;
  }

  /** The aggregate type. */
  public AggregateType<S, E> type() {
    return type;
  }

  /**
   * Sends a command to the aggregate with {@code key}.
   *
   * @param command the command's type; must be one of this aggregate's
   * @param key the aggregate's key
   * @param payload the command
   * @param options timeout, expected revision, ids, deadline, trace context; {@link CallOptions#DEFAULT} for none
   * @return the entity after the command and the events it recorded, or a {@link ServiceException}:
   *     {@code InvalidRequestException} at once when the key is not a valid key
   * @throws IllegalArgumentException when {@code command} is not one of this aggregate's commands
   */
  public <C> CompletableFuture<CommandResult<S, E>> send(CommandType<C> command, String key, C payload, CallOptions options) {
    Objects.requireNonNull(command, "command");
    Objects.requireNonNull(payload, "payload");
    CallOptions call = options == null ? CallOptions.DEFAULT : options;
    if (!command.equals(type.commands().get(command.name()))) {
      throw new IllegalArgumentException("'" + command.name() + "' is not a command of " + type.name());
    }
    AggregateId id;
    try {
      id = new AggregateId(type.name(), key);
    } catch (IllegalArgumentException | NullPointerException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException(String.valueOf(e.getMessage())));
    }
    // One id per call, in the body's metadata: the service dedups on it.
    String messageId = call.messageId() != null ? call.messageId() : MessageIds.next();
    CommandMetadata metadata = new CommandMetadata(
        messageId, call.correlationId(), call.causationId(), Instant.now(), call.userId(), call.expectedRevision());
    byte[] body;
    try {
      body = Requests.encodeCommandRequest(id, command, payload, metadata);
    } catch (RuntimeException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException(
          "cannot encode command " + command.name() + ": " + e.getMessage(), Map.of(), e));
    }
    return client.request(commandSubjects.get(command.name()), body, call, commandReply);
  }

  /**
   * Gets the current state of the aggregate with {@code key}.
   *
   * @param key the aggregate's key
   * @param options the timeout, deadline and trace context; the other fields are not used by queries
   * @return the entity, or a {@link ServiceException} ({@code NotFoundException} for an aggregate
   *     without an initial state that has no events)
   */
  public CompletableFuture<Entity<S>> get(String key, CallOptions options) {
    CallOptions call = options == null ? CallOptions.DEFAULT : options;
    AggregateId id;
    try {
      id = new AggregateId(type.name(), key);
    } catch (IllegalArgumentException | NullPointerException e) {
      return CompletableFuture.failedFuture(new InvalidRequestException(String.valueOf(e.getMessage())));
    }
    return client.request(querySubject, Requests.encodeQueryRequest(id), call, queryReply);
  }

  /**
   * Subscribes to one event type of this aggregate, from now on (live, not durable: events
   * published while not connected are not delivered).
   *
   * @param event the event's type; must be one of this aggregate's
   * @param listener receives each event; an exception it throws is logged and delivery goes on
   * @return the subscription; close it to stop
   */
  public <X extends E> EventSubscription subscribe(EventType<X> event, EventListener<X> listener) {
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(listener, "listener");
    checkEvent(event);
    return client.subscriptions().start(Subjects.event(client.serviceName(), type.name(), event.name()),
        body -> narrow(RecordedEvents.decodeRecordedEvent(body, type), event), listener);
  }

  /**
   * Subscribes to every event of this aggregate type, from now on.
   *
   * @param listener receives each event; an exception it throws is logged and delivery goes on
   * @return the subscription; close it to stop
   */
  public EventSubscription subscribeAll(EventListener<E> listener) {
    Objects.requireNonNull(listener, "listener");
    return client.subscriptions().start(Subjects.eventsOf(client.serviceName(), type.name()),
        body -> widen(RecordedEvents.decodeRecordedEvent(body, type)), listener);
  }

  /**
   * Subscribes durably to one event type of this aggregate: a named subscriber that reads the
   * events the service stored in JetStream, from {@link DurableSubscriptionConfig#start()} on for a
   * new subscriber and from where it stopped for one that existed. Every instance started with the
   * same name shares the work. See {@link DurableSubscriptionConfig} for delivery, order, retries
   * and dead letters.
   *
   * @param config the subscriber's name and settings
   * @param event the event's type; must be one of this aggregate's
   * @param listener receives each event with its delivery; an exception it throws makes the stored
   *     command come again after the backoff
   * @return the subscription; close it to stop (the subscriber keeps its position)
   * @throws IllegalArgumentException when {@code event} is not one of this aggregate's events
   * @throws IllegalStateException when the server has no JetStream, the service's stream does not
   *     exist, or the name belongs to a subscriber of other events
   */
  public <X extends E> EventSubscription subscribeDurable(
      DurableSubscriptionConfig config, EventType<X> event, DurableEventListener<X> listener) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(event, "event");
    Objects.requireNonNull(listener, "listener");
    checkEvent(event);
    return NatsDurableSubscription.start(client.subscriptions(), type, config, Set.of(event.name()),
        recorded -> narrow(recorded, event), listener);
  }

  /**
   * Subscribes durably to several event types of this aggregate, as
   * {@link #subscribeDurable(DurableSubscriptionConfig, EventType, DurableEventListener)} does to one.
   *
   * @param config the subscriber's name and settings
   * @param events the event types; each must be one of this aggregate's, at least one
   * @param listener receives each event with its delivery
   * @return the subscription; close it to stop (the subscriber keeps its position)
   * @throws IllegalArgumentException when {@code events} is empty or names an event of another aggregate
   */
  public EventSubscription subscribeDurable(DurableSubscriptionConfig config,
      Collection<? extends EventType<? extends E>> events, DurableEventListener<E> listener) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(events, "events");
    Objects.requireNonNull(listener, "listener");
    if (events.isEmpty()) {
      throw new IllegalArgumentException("a durable subscription needs at least one event type");
    }
    Set<String> names = new HashSet<>();
    for (EventType<? extends E> event : events) {
      checkEvent(event);
      names.add(event.name());
    }
    return NatsDurableSubscription.start(client.subscriptions(), type, config, names, AggregateClient::ofThisType, listener);
  }

  /**
   * Subscribes durably to every event of this aggregate type, as
   * {@link #subscribeDurable(DurableSubscriptionConfig, EventType, DurableEventListener)} does to one.
   *
   * @param config the subscriber's name and settings
   * @param listener receives each event with its delivery
   * @return the subscription; close it to stop (the subscriber keeps its position)
   */
  public EventSubscription subscribeAllDurable(DurableSubscriptionConfig config, DurableEventListener<E> listener) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(listener, "listener");
    return NatsDurableSubscription.start(client.subscriptions(), type, config, null, AggregateClient::ofThisType, listener);
  }

  private void checkEvent(EventType<?> event) {
    if (!event.equals(type.event(event.name()))) {
      throw new IllegalArgumentException("'" + event.name() + "' is not an event of " + type.name());
    }
  }

  /**
   * Waits for a call's result and returns it, throwing its failure as the
   * {@link ServiceException} subclass of its error code rather than wrapped.
   *
   * @param future a future from {@link #send} or {@link #get} (it always completes: every call has a timeout)
   * @return the result
   * @throws ServiceException the call's failure
   * @throws CancellationException when the future was cancelled or the thread interrupted (the
   *     interrupt flag is kept)
   * @throws IllegalStateException when called, for a future that is not done, inside a continuation
   *     running on a NATS connection thread or the client's timer (a client without an executor
   *     completes futures there): the reply waited for could never be delivered. Use the
   *     {@code thenXxxAsync} forms for continuations that block, or
   *     {@link ServiceClient.Builder#executor(java.util.concurrent.Executor)}
   */
  public static <T> T await(CompletableFuture<T> future) {
    ReplyFuture.checkMayWait(future);
    try {
      return future.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      CancellationException cancelled = new CancellationException("interrupted while waiting for a reply");
      cancelled.initCause(e);
      throw cancelled;
    } catch (ExecutionException e) {
      throw unwrap(e.getCause());
    } catch (CompletionException e) {
      throw unwrap(e.getCause());
    }
  }

  private static RuntimeException unwrap(Throwable cause) {
    Throwable current = Completions.cause(cause);
    if (current instanceof RuntimeException runtime) {
      return runtime;
    }
    if (current instanceof Error error) {
      throw error;
    }
    return new InternalException("the call failed: " + current, Map.of(), current);
  }

  /** The event as its declared type, or {@code null} (skipped) when the message carries another type. */
  @SuppressWarnings("unchecked")
  private static <X> RecordedEvent<X> narrow(RecordedEvent<?> recorded, EventType<X> event) {
    if (!recorded.type().equals(event.name()) || !event.javaType().isInstance(recorded.data())) {
      return null;
    }
    return (RecordedEvent<X>) recorded;
  }

  /** An event decoded with this aggregate's type is one of its events: the decoder made it from {@code type}'s codecs. */
  @SuppressWarnings("unchecked")
  private static <E> RecordedEvent<E> ofThisType(RecordedEvent<?> recorded) {
    return (RecordedEvent<E>) recorded;
  }

  /** A {@code RecordedEvent<? extends E>} is a {@code RecordedEvent<E>} for a reader: records are immutable. */
  @SuppressWarnings("unchecked")
  private static <E> RecordedEvent<E> widen(RecordedEvent<? extends E> recorded) {
    return (RecordedEvent<E>) recorded;
  }
}
