package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.Delivery;
import com.weegigs.events.runtime.client.DurableEventListener;
import com.weegigs.events.runtime.client.DurableSubscriptionConfig;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamSubscription;
import io.nats.client.Message;
import io.nats.client.PullSubscribeOptions;
import io.nats.client.api.AckPolicy;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.ConsumerInfo;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsJetStreamMetaData;
import io.nats.client.impl.NatsMessage;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One instance of a durable subscriber: a durable pull consumer on the service's stream, filtered
 * to one aggregate type's store subjects, pulled by a thread of its own. Every instance with the
 * same durable name pulls from the same consumer, so they share the work.
 *
 * <p>A stored message is one command. Its events of the subscribed types go to the listener one by
 * one, then the message is acknowledged (synchronously, so an acknowledged command is never seen
 * again); a message without such events is acknowledged without calling it. When the listener
 * throws, the message is negatively acknowledged with the configured backoff, and the whole command
 * comes again. While the listener works, the server is told so every half ack wait, so the ack
 * wait redelivers only what an instance that is gone (or disconnected) left. On the last allowed
 * delivery, a failure moves it to the dead-letter subject {@code wee-dead.{service}.{durable}} and
 * terminates it; so does a delivery beyond the maximum (earlier ones were never acknowledged: an
 * instance stopped or lost its connection). The consumer's own
 * {@code max_deliver} is unlimited so that the server never drops a message silently: the count is
 * checked here. A message on a store subject that is not a command (a stranger's) is logged and
 * acknowledged; one that says it is but cannot be read is dead-lettered at once.
 *
 * <p>Each stored command the listener sees is one {@code process} span (kind {@code CONSUMER}) of
 * the command's trace, read from the message's stored trace context: the command's append span is
 * its parent, as the OpenTelemetry messaging conventions allow for a single message, and also its
 * link, which the conventions ask of every consumer, so a backend that starts late consumers'
 * traces afresh still leads back to the command.
 *
 * @param <E> the event type delivered
 */
public final class NatsDurableSubscription<E> implements EventSubscription {
  private static final Logger LOG = LoggerFactory.getLogger(NatsDurableSubscription.class);
  /** JetStream's error code for a consumer that does not exist. */
  private static final int CONSUMER_NOT_FOUND = 10014;
  /** JetStream's error code for a stream that does not exist. */
  private static final int STREAM_NOT_FOUND = 10059;
  /** How long the server keeps one pull waiting for messages before it ends it (with a 408 status). */
  private static final Duration PULL_WAIT = Duration.ofSeconds(1);
  /** How much longer than a pull's own wait its end may take to arrive before the next pull goes anyway. */
  private static final Duration PULL_GRACE = Duration.ofSeconds(1);
  /** How long to wait before pulling again after the connection or the server failed a pull. */
  private static final Duration RETRY_WAIT = Duration.ofMillis(250);
  /** How long a JetStream call (an acknowledgement, a dead letter) may take. */
  private static final Duration CALL_TIMEOUT = Duration.ofSeconds(5);
  /** Tells the server, every half ack wait, that a listener is still working on a command. */
  private static final ScheduledExecutorService PROGRESS = Executors.newSingleThreadScheduledExecutor(task -> {
    Thread thread = new Thread(task, "wee-durable-progress");
    thread.setDaemon(true);
    return thread;
  });
  /** Prefix of the dead-letter subjects. */
  public static final String DEAD_LETTER_PREFIX = "wee-dead";

  private final Subscriptions owner;
  private final Connection connection;
  private final String serviceName;
  private final AggregateType<?, ?> type;
  private final DurableSubscriptionConfig config;
  private final JetStreamStoreConfig store;
  private final Set<String> eventTypes;
  private final Function<RecordedEvent<?>, RecordedEvent<E>> narrow;
  private final DurableEventListener<E> listener;
  private final String filterSubject;
  private final String deadLetterSubject;
  private final CountDownLatch stopping = new CountDownLatch(1);
  private final CountDownLatch stopped = new CountDownLatch(1);
  private volatile Thread worker;
  /** The instance's one subscription to its pulls' replies, for its whole life: see {@link #run()}. */
  private volatile JetStreamSubscription pulls;
  /** Orders a new pull against {@link #stop()}'s drain. */
  private final Object pullLock = new Object();
  private final Telemetry telemetry;
  private final String spanName;
  /** The messages still pending on the consumer after the last one delivered here (the lag gauge). */
  private volatile long pending;
  private Telemetry.SubscriberMetrics metrics;

  /**
   * @param eventTypes the event type names delivered, or {@code null} for all
   * @param narrow the event as the listener's type, or {@code null} to skip it
   */
  NatsDurableSubscription(Subscriptions owner, AggregateType<?, ?> type, DurableSubscriptionConfig config,
      Set<String> eventTypes, Function<RecordedEvent<?>, RecordedEvent<E>> narrow, DurableEventListener<E> listener) {
    this.owner = owner;
    this.connection = owner.connection();
    this.serviceName = owner.serviceName();
    this.type = type;
    this.config = config;
    this.store = config.store() != null ? config.store() : JetStreamStoreConfig.forService(serviceName);
    this.eventTypes = eventTypes == null ? null : Set.copyOf(eventTypes);
    this.narrow = narrow;
    this.listener = listener;
    this.filterSubject = store.subjectPrefix() + "." + type.name() + ".*";
    this.deadLetterSubject = deadLetterSubject(serviceName, config.durableName());
    this.telemetry = owner.telemetry();
    this.spanName = "process " + filterSubject;
  }

  /** The dead-letter subject of the durable subscriber {@code durable} of {@code service}. */
  public static String deadLetterSubject(String service, String durable) {
    return DEAD_LETTER_PREFIX + "." + service + "." + durable;
  }

  /**
   * Starts a durable subscription: makes sure its consumer exists, then starts pulling.
   *
   * @param eventTypes the event type names delivered, or {@code null} for all
   * @param narrow the event as the listener's type, or {@code null} to skip it
   * @throws IllegalStateException when the client is closed, the server has no JetStream, the
   *     stream does not exist, or a consumer of that name exists for other subjects
   */
  public static <E> EventSubscription start(Subscriptions owner, AggregateType<?, ?> type,
      DurableSubscriptionConfig config, Set<String> eventTypes, Function<RecordedEvent<?>, RecordedEvent<E>> narrow,
      DurableEventListener<E> listener) {
    NatsDurableSubscription<E> subscription = new NatsDurableSubscription<>(owner, type, config, eventTypes, narrow, listener);
    subscription.pulls = subscription.ensureConsumer();
    if (!owner.track(subscription)) {
      subscription.pulls.unsubscribe();
      throw new IllegalStateException("the client of " + owner.serviceName() + " is closed");
    }
    subscription.metrics = subscription.telemetry.subscriber(owner.serviceName(), config.durableName(), type.name(),
        () -> subscription.pending);
    Thread thread = new Thread(subscription::run, "wee-durable-" + config.durableName());
    thread.setDaemon(true);
    subscription.worker = thread;
    thread.start();
    return subscription;
  }

  /** Makes sure the consumer exists as configured, and subscribes to its pulls' replies. */
  private JetStreamSubscription ensureConsumer() {
    String stream = store.streamName();
    String durable = config.durableName();
    try {
      if (connection.getServerInfo() != null && !connection.getServerInfo().isJetStreamAvailable()) {
        throw new IllegalStateException("the NATS server has no JetStream, which durable subscriptions need: start"
            + " nats-server with -js, or add 'jetstream {}' to its configuration");
      }
      JetStreamManagement jsm = connection.jetStreamManagement();
      ConsumerInfo existing;
      try {
        existing = jsm.getConsumerInfo(stream, durable);
      } catch (JetStreamApiException e) {
        if (e.getApiErrorCode() == STREAM_NOT_FOUND) {
          throw new IllegalStateException("the stream '" + stream + "' of the durable subscription '" + durable
              + "' does not exist: the service stores its events there once it runs on JetStream (configure the"
              + " subscription withStore(...) when the service uses another stream)", e);
        }
        if (e.getApiErrorCode() != CONSUMER_NOT_FOUND) {
          throw e;
        }
        existing = null;
      }
      if (existing == null) {
        jsm.addOrUpdateConsumer(stream, desired());
      } else {
        ConsumerConfiguration actual = existing.getConsumerConfiguration();
        if (!filterSubject.equals(actual.getFilterSubject()) || actual.getAckPolicy() != AckPolicy.Explicit) {
          throw new IllegalStateException("the consumer '" + durable + "' of stream '" + stream + "' reads '"
              + actual.getFilterSubject() + "' with ack policy " + actual.getAckPolicy() + ", not '" + filterSubject
              + "' with explicit acks: a durable name belongs to one subscriber of one aggregate type; choose another"
              + " name or delete the consumer");
        }
        if (!config.ackWait().equals(actual.getAckWait()) || actual.getMaxAckPending() != config.maxAckPending()) {
          // the position stays the consumer's: only what may change is changed
          jsm.updateConsumer(stream, ConsumerConfiguration.builder(actual)
              .ackWait(config.ackWait())
              .maxAckPending(config.maxAckPending())
              .build());
        }
      }
      return connection.jetStream().subscribe(null, PullSubscribeOptions.bind(stream, durable));
    } catch (IOException | JetStreamApiException e) {
      throw new IllegalStateException("cannot set up the durable subscription '" + durable + "' on stream '"
          + stream + "': " + e.getMessage(), e);
    }
  }

  private ConsumerConfiguration desired() {
    ConsumerConfiguration.Builder builder = ConsumerConfiguration.builder()
        .durable(config.durableName())
        .description("wee-events durable subscriber of " + serviceName + " " + type.name() + " events")
        .filterSubject(filterSubject)
        .ackPolicy(AckPolicy.Explicit)
        .ackWait(config.ackWait())
        .maxAckPending(config.maxAckPending())
        // counted here, not by the server, which would drop the message silently
        .maxDeliver(-1);
    DurableSubscriptionConfig.StartPosition start = config.start();
    if (start.time() != null) {
      builder.deliverPolicy(DeliverPolicy.ByStartTime).startTime(start.time().atZone(ZoneOffset.UTC));
    } else if (start.sequence() > 0) {
      builder.deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(start.sequence());
    } else {
      builder.deliverPolicy(DeliverPolicy.All);
    }
    return builder.build();
  }

  /**
   * Pulls until stopped. All pulls reply to one subscription, kept until the server has ended the
   * last of them: a message the server hands a pull is always read here, never left at an inbox
   * nobody reads (where it would wait for the ack wait). A pull ends when its batch is full or the
   * server ends it (a 408 status, which ends {@code nextMessage} with nothing); closing drains the
   * subscription first, so the server hands the pull nothing new (it gives a pull only to an inbox
   * someone reads), and what it had handed already is read and handed back at once.
   */
  private void run() {
    try {
      while (true) {
        synchronized (pullLock) {
          // stop() drains under this lock: no pull goes after the drain
          if (stopping.getCount() == 0 || connection.getStatus() == Connection.Status.CLOSED) {
            break;
          }
          pulls.pullExpiresIn(config.batchSize(), PULL_WAIT);
        }
        try {
          int received = 0;
          Message message;
          while (received < config.batchSize()
              && (message = pulls.nextMessage(PULL_WAIT.plus(PULL_GRACE))) != null) {
            received++;
            if (stopping.getCount() == 0) {
              // pulled but not ours to handle any more: let another instance have it now
              message.nak();
              continue;
            }
            handle(message);
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (Exception e) {
          if (stopping.getCount() == 0 || connection.getStatus() == Connection.Status.CLOSED) {
            // drained, or a closed connection: the consumer keeps the position for the next instance
            return;
          }
          LOG.debug("pulling the durable subscription '{}' failed; pulling again: {}", config.durableName(), e.toString());
          if (stopping.await(RETRY_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
            return;
          }
        }
      }
      handBackBuffered();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.error("the durable subscriber '{}' stopped: {}", config.durableName(), e.toString(), e);
    } finally {
      if (pulls.isActive() && stopping.getCount() > 0) {
        try {
          pulls.unsubscribe();
        } catch (RuntimeException e) {
          LOG.debug("unsubscribing the durable subscription '{}' failed: {}", config.durableName(), e.toString());
        }
      }
      metrics.close();
      stopped.countDown();
    }
  }

  /** Hands back at once what the drained subscription still holds (a late reply to an earlier pull). */
  private void handBackBuffered() {
    try {
      Message message;
      while ((message = pulls.nextMessage((Duration) null)) != null) {
        message.nak();
      }
    } catch (IllegalStateException e) {
      // drained and closed: nothing is left
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** Handles one stored command. */
  void handle(Message message) throws InterruptedException {
    NatsJetStreamMetaData meta = message.metaData();
    Delivery delivery = new Delivery(meta.deliveredCount(), meta.streamSequence());
    pending = meta.pendingCount();
    if (delivery.count() > 1) {
      metrics.redelivered();
    }
    Headers headers = message.getHeaders();
    if (CommandMessages.revisions(headers) == null) {
      LOG.warn("skipped message {} on {} of stream {}: it is not a command message", delivery.streamSequence(),
          message.getSubject(), store.streamName());
      acknowledge(message, delivery);
      return;
    }
    if (!anyWanted(headers.getFirst(CommandMessages.EVENT_TYPES))) {
      acknowledge(message, delivery);
      return;
    }
    if (delivery.count() > config.maxDeliveries()) {
      deadLetter(message, delivery, "not acknowledged after " + config.maxDeliveries()
          + " deliveries (its instance stopped or lost its connection before acknowledging)");
      return;
    }
    List<RecordedEvent<E>> events;
    try {
      events = events(message);
    } catch (CommandMessages.NotACommandMessage e) {
      deadLetter(message, delivery, "cannot be read as " + type.name() + " events: " + e.getMessage());
      return;
    }
    // while the listener works, the server hears so: the ack wait then only catches an instance that is gone
    long every = Math.max(50, config.ackWait().toMillis() / 2);
    ScheduledFuture<?> working = PROGRESS.scheduleAtFixedRate(message::inProgress, every, every, TimeUnit.MILLISECONDS);
    Context created = Telemetry.stored(headers);
    Span span = startSpan(message, delivery, created, events.size());
    try (Scope scope = Telemetry.activate(Telemetry.with(created, span))) {
      for (RecordedEvent<E> event : events) {
        listener.onEvent(event, delivery);
      }
    } catch (InterruptedException e) {
      Telemetry.failed(span, e);
      throw e;
    } catch (VirtualMachineError e) {
      throw e;
    } catch (Exception | Error e) {
      // an Error too (an assertion in a listener): the subscription must not die of it silently
      Telemetry.failed(span, e);
      if (delivery.count() >= config.maxDeliveries()) {
        LOG.error("the durable subscriber '{}' failed on stream message {} for the last of {} deliveries; dead-lettered to {}",
            config.durableName(), delivery.streamSequence(), config.maxDeliveries(), deadLetterSubject, e);
        deadLetter(message, delivery, "the listener failed on delivery " + delivery.count() + " of "
            + config.maxDeliveries() + ": " + e);
      } else {
        Duration wait = config.backoffAfter(delivery.count());
        LOG.warn("the durable subscriber '{}' failed on stream message {} (delivery {} of {}); delivering again in {} ms",
            config.durableName(), delivery.streamSequence(), delivery.count(), config.maxDeliveries(), wait.toMillis(), e);
        message.nakWithDelay(wait);
      }
      return;
    } finally {
      working.cancel(false);
      span.end();
    }
    acknowledge(message, delivery);
  }

  /** The span of the listener's work on one stored command; the invalid span without an SDK. */
  private Span startSpan(Message message, Delivery delivery, Context created, int events) {
    if (!telemetry.tracing()) {
      return Span.getInvalid();
    }
    var builder = telemetry.span(spanName, SpanKind.CONSUMER, created)
        .setAttribute(Telemetry.DESTINATION, message.getSubject())
        .setAttribute(Telemetry.OPERATION_TYPE, "process")
        .setAttribute(Telemetry.OPERATION_NAME, "process")
        .setAttribute(Telemetry.CONSUMER_GROUP, config.durableName())
        .setAttribute(Telemetry.BODY_SIZE, message.getData() == null ? 0L : message.getData().length)
        .setAttribute(Telemetry.BATCH_COUNT, (long) events)
        .setAttribute(Telemetry.DELIVERY_COUNT, delivery.count())
        .setAttribute(Telemetry.STREAM_SEQUENCE, delivery.streamSequence());
    String messageId = message.getHeaders().getFirst(CommandMessages.MSG_ID);
    if (messageId != null) {
      builder.setAttribute(Telemetry.MESSAGE_ID, messageId);
    }
    SpanContext creation = Span.fromContext(created).getSpanContext();
    if (creation.isValid()) {
      builder.addLink(creation);
    }
    return builder.startSpan();
  }

  private List<RecordedEvent<E>> events(Message message) {
    List<RecordedEvent<E>> events = new ArrayList<>();
    for (RecordedEvent<?> recorded : CommandMessages.decode(type, message)) {
      if (eventTypes == null || eventTypes.contains(recorded.type())) {
        RecordedEvent<E> event = narrow.apply(recorded);
        if (event != null) {
          events.add(event);
        }
      }
    }
    return events;
  }

  /** Whether the comma-separated type names of a command message name a type this subscription delivers. */
  private boolean anyWanted(String types) {
    if (eventTypes == null) {
      return true;
    }
    if (types == null) {
      return false;
    }
    for (String name : types.split(",")) {
      if (eventTypes.contains(name)) {
        return true;
      }
    }
    return false;
  }

  private void acknowledge(Message message, Delivery delivery) throws InterruptedException {
    try {
      message.ackSync(CALL_TIMEOUT);
    } catch (TimeoutException e) {
      // the server may not have it: the command may come again, which at-least-once allows
      LOG.warn("acknowledging stream message {} of the durable subscriber '{}' timed out; it may be delivered again",
          delivery.streamSequence(), config.durableName());
    } catch (IllegalStateException e) {
      LOG.warn("acknowledging stream message {} of the durable subscriber '{}' failed ({}); it may be delivered again",
          delivery.streamSequence(), config.durableName(), e.getMessage());
    }
  }

  /**
   * Publishes the message to the dead-letter subject with why, then terminates it. The letter
   * carries the original body and headers, except JetStream's own ({@code Nats-*}, which a stream
   * capturing dead letters would act on), plus {@code Wee-Dead-*} headers. It is published through
   * JetStream when a stream captures the subject (stored before the original is terminated), as a
   * plain message otherwise.
   */
  private void deadLetter(Message message, Delivery delivery, String reason) throws InterruptedException {
    Headers headers = new Headers();
    Headers original = message.getHeaders();
    if (original != null) {
      for (String key : original.keySet()) {
        if (!key.regionMatches(true, 0, "Nats-", 0, 5)) {
          headers.put(key, original.get(key));
        }
      }
    }
    headers.put(DeadLetters.REASON, DeadLetters.headerValue(reason));
    headers.put(DeadLetters.STREAM, store.streamName());
    headers.put(DeadLetters.SUBJECT, message.getSubject());
    headers.put(DeadLetters.SEQUENCE, Long.toString(delivery.streamSequence()));
    headers.put(DeadLetters.DELIVERIES, Long.toString(delivery.count()));
    headers.put(DeadLetters.DURABLE, config.durableName());
    NatsMessage letter = NatsMessage.builder().subject(deadLetterSubject).headers(headers).data(message.getData()).build();
    try {
      if (!DeadLetters.publish(connection, letter, CALL_TIMEOUT)) {
        LOG.warn("dead-lettered stream message {} of the durable subscriber '{}' to {} as a plain message: no stream"
            + " keeps {}.> ({})", delivery.streamSequence(), config.durableName(), deadLetterSubject, DEAD_LETTER_PREFIX, reason);
      }
    } catch (IOException | JetStreamApiException | TimeoutException e) {
      // not terminated: the server delivers it again after the ack wait, and it is dead-lettered then
      LOG.error("could not dead-letter stream message {} of the durable subscriber '{}' to {}: {}",
          delivery.streamSequence(), config.durableName(), deadLetterSubject, e.toString());
      return;
    }
    message.term();
    metrics.deadLettered();
  }

  @Override
  public String subject() {
    return filterSubject;
  }

  @Override
  public boolean isActive() {
    return stopping.getCount() > 0 && stopped.getCount() > 0 && connection.getStatus() != Connection.Status.CLOSED;
  }

  /**
   * Stops pulling, lets the command in hand finish (up to the client's drain timeout), and keeps
   * the consumer: a subscriber started again with the same name goes on where this one stopped.
   */
  @Override
  public void close() {
    if (stop()) {
      awaitStopped();
    }
  }

  /**
   * Starts closing: drains the pulls' subscription (one round trip to the server) and pulls no
   * more. The client stops all its durable subscriptions this way first, then waits for each, so
   * closing many takes one drain timeout, not one each.
   *
   * @return {@code false} when already stopping
   */
  boolean stop() {
    synchronized (pullLock) {
      if (stopping.getCount() == 0) {
        return false;
      }
      try {
        if (connection.getStatus() == Connection.Status.CONNECTED) {
          // the server first hears that the replies are not read any more (the drain's unsubscribe and flush), so
          // it hands the pull nothing new, and what it handed already still arrives here and is handed back
          pulls.drain(owner.drainTimeout());
        } else {
          // the server lost the subscription with the connection: a flush would only wait for a reconnection
          pulls.unsubscribe();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (IllegalStateException e) {
        LOG.debug("draining the durable subscription '{}' failed: {}", config.durableName(), e.toString());
      }
      stopping.countDown();
    }
    owner.forget(this);
    return true;
  }

  /** Waits for the command in hand (up to the drain timeout), then interrupts the listener. */
  void awaitStopped() {
    Thread thread = worker;
    if (thread == null || thread == Thread.currentThread()) {
      return;
    }
    try {
      if (!stopped.await(owner.drainTimeout().plus(PULL_WAIT).plus(PULL_GRACE).toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("the durable subscriber '{}' did not finish its command within {} ms; interrupting it (the command"
            + " is delivered again after the ack wait)", config.durableName(), owner.drainTimeout().toMillis());
        thread.interrupt();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public String toString() {
    return "DurableSubscription[" + config.durableName() + " on " + filterSubject
        + (stopping.getCount() == 0 ? ", closed]" : "]");
  }
}
