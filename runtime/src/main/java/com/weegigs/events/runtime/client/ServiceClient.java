package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.error.DeadlineExceededException;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.InvalidRequestException;
import com.weegigs.events.runtime.error.PayloadTooLargeException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.internal.wire.WireIds;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Consumer;
import io.nats.client.ErrorListener;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A connection to one service ({@code @Service} name) over NATS: sends requests with the wire
 * contract's headers, turns replies into values or typed {@link ServiceException}s, and hosts
 * live event subscriptions. Typed clients ({@link AggregateClient}, and the generated
 * {@code <Aggregate>Client}s built on it) share one {@code ServiceClient}.
 *
 * <pre>{@code
 * try (ServiceClient client = ServiceClient.builder("receipts").url("nats://localhost:4222").build()) {
 *   AggregateClient<Receipt, ReceiptEvent> receipts = new AggregateClient<>(client, ReceiptCodecs.TYPE);
 *   ...
 * }
 * }</pre>
 *
 * <p>Every request carries {@code Content-Type: application/json}, {@code Wee-Deadline} (now
 * plus the call's timeout, in epoch milliseconds) and a W3C {@code traceparent} starting a new
 * trace; commands also carry {@code Nats-Msg-Id}. A
 * request nobody listens to fails at once with {@code UNAVAILABLE}; one without a reply in time
 * fails with {@code TIMEOUT} ({@code UNAVAILABLE} when the connection is down meanwhile). The client
 * does not retry on its own: a caller that retries a command with the same
 * {@link CallOptions#messageId()} gets it applied once.
 *
 * <p>Where futures complete: by default on the thread that received the reply (a thread of the
 * NATS connection) or, for a call that timed out, on the client's timer thread. That saves a thread
 * hand-off per call, so non-async continuations ({@code thenApply}, {@code whenComplete}, ...) run
 * on those threads and must not block: while one runs, no other reply of the connection is
 * delivered. Blocking there on a call that is not finished ({@link AggregateClient#await},
 * {@code join()}, {@code get()}, the generated {@code blocking()} views) fails at once with an
 * {@link IllegalStateException} rather than deadlocking. A continuation that needs to block uses
 * the {@code thenXxxAsync} forms, or the client is built with
 * {@link Builder#executor(java.util.concurrent.Executor)}: then every future completes on that
 * executor and continuations may block, as before.
 */
public final class ServiceClient implements AutoCloseable {
  /** The timeout of a call that does not set one. */
  public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

  /** How long {@link EventSubscription#close()} waits for events already received to be handled. */
  public static final Duration DEFAULT_DRAIN_TIMEOUT = Duration.ofSeconds(5);

  /** The URL used when neither a connection, a URL nor {@code NATS_URL} is given. */
  public static final String DEFAULT_URL = NatsService.DEFAULT_NATS_URL;

  private static final Logger LOG = LoggerFactory.getLogger(ServiceClient.class);

  /**
   * Set on a thread while it completes a call's future without an executor (a NATS connection
   * thread, or the timer thread): the continuations running then must not block on another call.
   */
  private static final ThreadLocal<Boolean> COMPLETING = new ThreadLocal<>();

  /** One daemon thread times out every client's calls. */
  private static final CallTimeouts TIMEOUTS = CallTimeouts.shared();

  private final Connection connection;
  private final boolean ownsConnection;
  private final String serviceName;
  private final Duration defaultTimeout;
  private final Duration drainTimeout;
  /** Where futures complete, or {@code null} to complete them on the thread that has the outcome. */
  private final Executor executor;
  private final Set<EventSubscription> subscriptions = ConcurrentHashMap.newKeySet();
  private volatile boolean closed;

  private ServiceClient(Builder builder, Connection connection, boolean ownsConnection) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.serviceName = builder.serviceName;
    this.defaultTimeout = builder.defaultTimeout;
    this.drainTimeout = builder.drainTimeout;
    this.executor = builder.executor;
  }

  /**
   * A client of {@code serviceName} over an existing connection, with the default timeout. The
   * connection stays the caller's: {@link #close()} does not close it.
   *
   * @param connection an open NATS connection
   * @param serviceName the service's wire name, such as {@code receipts}
   * @return the client
   */
  public static ServiceClient create(Connection connection, String serviceName) {
    return builder(serviceName).connection(connection).build();
  }

  /**
   * Starts building a client of {@code serviceName}.
   *
   * @param serviceName the service's wire name, such as {@code receipts}
   * @return a builder
   */
  public static Builder builder(String serviceName) {
    return new Builder(serviceName);
  }

  /** The service's wire name. */
  public String serviceName() {
    return serviceName;
  }

  /** The timeout of calls that do not set one. */
  public Duration defaultTimeout() {
    return defaultTimeout;
  }

  /** The NATS connection requests go through. */
  public Connection connection() {
    return connection;
  }

  /** Whether {@link #close()} was called. */
  public boolean isClosed() {
    return closed;
  }

  /**
   * Sends one request and decodes its reply.
   *
   * @param subject where to send it
   * @param body the request body
   * @param messageId the {@code Nats-Msg-Id} header, or {@code null} for none (queries)
   * @param options the call's options
   * @param decoder turns a success body into the result; may throw {@link ServiceException}
   * @return a future that completes with the result or a {@link ServiceException}
   */
  <T> CompletableFuture<T> request(
      String subject, byte[] body, String messageId, CallOptions options, Function<byte[], T> decoder) {
    CompletableFuture<T> result = new ReplyFuture<>();
    if (closed) {
      result.completeExceptionally(new UnavailableException("the client of " + serviceName + " is closed"));
      return result;
    }
    Duration timeout = options.timeout() != null ? options.timeout() : defaultTimeout;
    long maxPayload = connection.getMaxPayload();
    if (maxPayload > 0 && body.length > maxPayload) {
      result.completeExceptionally(new PayloadTooLargeException("the request to " + subject + " is " + body.length
          + " bytes, over the NATS server's limit of " + maxPayload + " bytes"));
      return result;
    }
    SealedHeaders headers = new SealedHeaders()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.WEE_DEADLINE, Long.toString(System.currentTimeMillis() + timeout.toMillis()));
    if (messageId != null) {
      headers.put(WireHeaders.NATS_MSG_ID, messageId);
    }
    headers.put(WireHeaders.TRACEPARENT, WireIds.newTraceparent());
    // sealed: jnats sends them as they are instead of copying them
    Message message = NatsMessage.builder().subject(subject).headers(headers.seal()).data(body).build();

    CompletableFuture<Message> pending;
    try {
      pending = connection.requestWithTimeout(message, timeout);
    } catch (IllegalStateException e) {
      result.completeExceptionally(new UnavailableException(
          "cannot send to " + subject + ": the NATS connection is " + connection.getStatus(), Map.of(), e));
      return result;
    } catch (IllegalArgumentException e) {
      result.completeExceptionally(new InvalidRequestException(
          "cannot send to " + subject + ": " + e.getMessage(), Map.of(), e));
      return result;
    }
    Runnable timeOut = () -> {
      if (!result.isDone() && completing(() -> result.completeExceptionally(timedOut(subject, timeout)))) {
        pending.cancel(true);
      }
    };
    // Our own timeouts: jnats checks request timeouts only every few seconds.
    TimedCall timed = new TimedCall(System.nanoTime() + timeout.toNanos(),
        executor == null ? timeOut : () -> execute(timeOut));
    TIMEOUTS.add(timed);
    result.whenComplete((value, error) -> TIMEOUTS.remove(timed));
    BiConsumer<Message, Throwable> complete = (reply, error) -> completing(() -> {
      if (error != null) {
        return result.completeExceptionally(translate(error, subject, timeout));
      }
      try {
        return result.complete(decodeReply(reply, subject, decoder));
      } catch (ServiceException e) {
        return result.completeExceptionally(e);
      } catch (RuntimeException e) {
        return result.completeExceptionally(new InternalException(
            "cannot read the reply from " + subject + ": " + e.getMessage(), Map.of(), e));
      }
    });
    if (executor == null) {
      pending.whenComplete(complete);
    } else {
      pending.whenCompleteAsync(complete, this::execute);
    }
    return result;
  }

  /**
   * Runs {@code completion} marking the current thread as one whose continuations must not block,
   * when futures complete without an executor.
   */
  private boolean completing(BooleanSupplier completion) {
    if (executor != null || COMPLETING.get() != null) {
      return completion.getAsBoolean();
    }
    COMPLETING.set(Boolean.TRUE);
    try {
      return completion.getAsBoolean();
    } finally {
      COMPLETING.remove();
    }
  }

  /**
   * Refuses to wait for {@code future} on a thread that is completing one of a client's calls,
   * where waiting for a call that is not finished could block the delivery of its own reply.
   *
   * @throws IllegalStateException when the current thread must not block on {@code future}
   */
  static void checkMayWait(CompletableFuture<?> future) {
    if (COMPLETING.get() != null && !future.isDone()) {
      throw new IllegalStateException("cannot wait for a call's result inside a continuation that runs on a NATS "
          + "connection thread (or the client's timer): the reply it waits for could never be delivered. "
          + "Use the thenXxxAsync forms for continuations that block, or build the client with "
          + "ServiceClient.builder(...).executor(...)");
    }
  }

  /**
   * Registers a subscription so {@link #close()} closes it.
   *
   * @return {@code false} when the client was closed meanwhile: the caller must close it itself
   */
  boolean track(EventSubscription subscription) {
    subscriptions.add(subscription);
    // close() sets the flag before it looks at the set: one of the two sees the other
    if (closed) {
      subscriptions.remove(subscription);
      return false;
    }
    return true;
  }

  /** Forgets a closed subscription. */
  void forget(EventSubscription subscription) {
    subscriptions.remove(subscription);
  }

  /** How long a subscription's close waits for its events to be handled. */
  Duration drainTimeout() {
    return drainTimeout;
  }

  /**
   * Closes every subscription made through this client (draining each), then the connection when
   * the client opened it. Pending requests on a closed connection fail with {@code UNAVAILABLE}.
   */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    closed = true;
    // every drain starts at once, then they are awaited: one drain timeout in all, not one each
    Map<NatsEventSubscription<?>, CompletableFuture<Boolean>> drains = new LinkedHashMap<>();
    for (EventSubscription subscription : Set.copyOf(subscriptions)) {
      try {
        if (subscription instanceof NatsEventSubscription<?> live) {
          drains.put(live, live.closeAsync());
        } else {
          subscription.close();
        }
      } catch (RuntimeException e) {
        // One subscription that will not close must not keep the others open.
        LOG.warn("closing the subscription to {} failed", subscription.subject(), e);
      }
    }
    drains.forEach((subscription, drain) -> {
      try {
        subscription.awaitClosed(drain);
      } catch (RuntimeException e) {
        LOG.warn("closing the subscription to {} failed", subscription.subject(), e);
      }
    });
    if (ownsConnection) {
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  @Override
  public String toString() {
    return "ServiceClient[" + serviceName + "]";
  }

  private void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // The caller's executor is shut down: completing inline beats leaving a caller hanging.
      task.run();
    }
  }

  /**
   * The future of a call. Waiting on it, or on a stage derived from it, inside a continuation that
   * runs on a thread completing a call fails at once (see {@link #checkMayWait}).
   */
  private static final class ReplyFuture<T> extends CompletableFuture<T> {
    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
      return new ReplyFuture<>();
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
      checkMayWait(this);
      return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
      checkMayWait(this);
      return super.get(timeout, unit);
    }

    @Override
    public T join() {
      checkMayWait(this);
      return super.join();
    }
  }

  private static <T> T decodeReply(Message reply, String subject, Function<byte[], T> decoder) {
    if (reply.isStatusMessage()) {
      if (reply.getStatus().getCode() == 503) {
        throw noResponders(subject);
      }
      throw new UnavailableException("NATS answered " + reply.getStatus().getCode() + " "
          + reply.getStatus().getMessage() + " to a request on " + subject);
    }
    Headers headers = reply.getHeaders();
    byte[] body = reply.getData();
    if (headers != null && headers.containsKey(WireHeaders.SERVICE_ERROR_CODE)) {
      throw errorReply(headers, body);
    }
    try {
      return decoder.apply(body);
    } catch (ServiceException e) {
      // A service that sent an error body without the ADR-32 headers still means the error.
      ServiceException sent = errorBody(body);
      throw sent != null ? sent : typed(e);
    }
  }

  /** The exception as the subclass of its code: callers catch by type, whoever created it. */
  static ServiceException typed(ServiceException exception) {
    if (exception.getClass() != ServiceException.class) {
      return exception;
    }
    return ServiceException.of(exception.code(), exception.getMessage(), exception.details());
  }

  /** The exception of an error reply: from its body, else from its ADR-32 headers. */
  private static ServiceException errorReply(Headers headers, byte[] body) {
    ServiceException fromBody = errorBody(body);
    if (fromBody != null) {
      return fromBody;
    }
    String number = headers.getFirst(WireHeaders.SERVICE_ERROR_CODE);
    String text = headers.getFirst(WireHeaders.SERVICE_ERROR);
    String message = text == null || text.isBlank() ? "error " + number : text;
    for (ErrorCode code : ErrorCode.values()) {
      if (Integer.toString(code.number()).equals(number == null ? "" : number.trim())) {
        return ServiceException.of(code, message, Map.of());
      }
    }
    return new InternalException(message, Map.of("code", String.valueOf(number)));
  }

  /** The exception an error body describes, or {@code null} when the body is not an error body. */
  private static ServiceException errorBody(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    ErrorReplies.ErrorReply error;
    try {
      error = ErrorReplies.decodeError(body);
    } catch (ServiceException notAnErrorBody) {
      return null;
    }
    ErrorCode code = error.errorCode();
    if (code == null) {
      return new InternalException(
          "the service answered with error code " + error.code() + ", unknown to this client: " + error.message(),
          error.details());
    }
    return ServiceException.of(code, error.message(), error.details());
  }

  /** A failed jnats request future as the wire contract's exception. */
  private ServiceException translate(Throwable error, String subject, Duration timeout) {
    Throwable cause = error;
    while ((cause instanceof CompletionException || cause instanceof ExecutionException) && cause.getCause() != null) {
      cause = cause.getCause();
    }
    if (cause instanceof ServiceException service) {
      return typed(service);
    }
    if (cause instanceof CancellationException) {
      String text = cause.getMessage() == null ? "" : cause.getMessage();
      if (text.contains("not registered in time")) {
        return timedOut(subject, timeout);
      }
      if (text.contains("closing")) {
        return new UnavailableException("the NATS connection closed before " + subject + " answered", Map.of(), cause);
      }
      // jnats cancels the future without a message when the server says nobody is subscribed.
      return noResponders(subject);
    }
    if (cause instanceof JetStreamStatusException status && status.getStatus() != null
        && status.getStatus().getCode() == 503) {
      return noResponders(subject);
    }
    if (cause instanceof java.util.concurrent.TimeoutException) {
      return timedOut(subject, timeout);
    }
    return new UnavailableException("the request to " + subject + " failed: " + cause.getMessage(), Map.of(), cause);
  }

  private ServiceException timedOut(String subject, Duration timeout) {
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      return new UnavailableException("no reply from " + subject + " within " + timeout.toMillis()
          + " ms: the NATS connection is " + status);
    }
    return new DeadlineExceededException("no reply from " + subject + " within " + timeout.toMillis() + " ms");
  }

  private static UnavailableException noResponders(String subject) {
    return new UnavailableException("no service is listening on " + subject + " (no responders)");
  }

  /** Builds a {@link ServiceClient}; every setting has a default. */
  public static final class Builder {
    private final String serviceName;
    private Connection connection;
    private String url;
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private Executor executor;

    private Builder(String serviceName) {
      if (!Names.isValidName(serviceName)) {
        throw new IllegalArgumentException("service name '" + serviceName + "' is not valid: " + Names.NAME_RULE);
      }
      this.serviceName = serviceName;
    }

    /**
     * Uses an existing connection, which stays the caller's ({@link ServiceClient#close()} does not
     * close it). Excludes {@link #url(String)}.
     */
    public Builder connection(Connection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      return this;
    }

    /**
     * Connects to {@code url} (comma-separated for several servers) when built, reconnecting
     * without limit after a disconnection; the client closes that connection. Without a URL or a
     * connection, {@code NATS_URL} is used, else {@value ServiceClient#DEFAULT_URL}.
     */
    public Builder url(String url) {
      this.url = Objects.requireNonNull(url, "url");
      return this;
    }

    /** The timeout of calls that do not set one; 5 s by default. */
    public Builder defaultTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("default timeout must be positive, got " + timeout);
      }
      this.defaultTimeout = timeout;
      return this;
    }

    /** How long closing a subscription waits for the events it already received; 5 s by default. */
    public Builder drainTimeout(Duration timeout) {
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        throw new IllegalArgumentException("drain timeout must be positive, got " + timeout);
      }
      this.drainTimeout = timeout;
      return this;
    }

    /**
     * Where futures complete. By default there is none: a future completes on the thread that
     * received its reply (a NATS connection thread) or on the client's timer thread, which saves a
     * thread hand-off per call but means non-async continuations must not block (waiting for
     * another call there fails with {@link IllegalStateException}). With an executor, every future
     * completes on it, never on a NATS thread, so continuations may block. The executor stays the
     * caller's: {@link ServiceClient#close()} does not shut it down.
     */
    public Builder executor(Executor executor) {
      this.executor = Objects.requireNonNull(executor, "executor");
      return this;
    }

    /**
     * The client.
     *
     * @throws IllegalStateException when both a connection and a URL were given
     * @throws UnavailableException when no connection was given and none can be opened
     */
    public ServiceClient build() {
      if (connection != null && url != null) {
        throw new IllegalStateException("give either a connection or a URL, not both");
      }
      if (connection != null) {
        return new ServiceClient(this, connection, false);
      }
      String target = url != null ? url : NatsService.defaultNatsUrl();
      return new ServiceClient(this, connect(target), true);
    }

    private Connection connect(String target) {
      Options options = new Options.Builder()
          .servers(target.split("\\s*,\\s*"))
          .connectionName("wee-events client of " + serviceName)
          .maxReconnects(-1)
          .reconnectWait(Duration.ofMillis(250))
          .connectionListener(new LoggingListener())
          .errorListener(new LoggingListener())
          .build();
      try {
        return Nats.connect(options);
      } catch (IOException e) {
        throw new UnavailableException("cannot connect to NATS at " + target + ": " + e.getMessage(), Map.of(), e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new UnavailableException("interrupted while connecting to NATS at " + target, Map.of(), e);
      }
    }
  }

  /** Reports connection changes and asynchronous errors through SLF4J rather than jnats' own logger. */
  private static final class LoggingListener implements ConnectionListener, ErrorListener {
    // jnats still declares the two-argument form abstract while deprecating it; the newer
    // four-argument form calls it by default, so one implementation serves both.
    @Override
    @SuppressWarnings("deprecation")
    public void connectionEvent(Connection connection, Events event) {
      switch (event) {
        case DISCONNECTED -> LOG.warn("disconnected from NATS; reconnecting");
        case RECONNECTED -> LOG.info("reconnected to NATS at {}", connection.getConnectedUrl());
        case CLOSED -> LOG.debug("NATS connection closed");
        default -> LOG.debug("NATS connection event {}", event);
      }
    }

    @Override
    public void errorOccurred(Connection connection, String error) {
      LOG.warn("NATS error: {}", error);
    }

    @Override
    public void exceptionOccurred(Connection connection, Exception exception) {
      LOG.warn("NATS connection problem: {}", exception.toString());
    }

    @Override
    public void slowConsumerDetected(Connection connection, Consumer consumer) {
      LOG.warn("slow consumer on the NATS connection: events are being dropped");
    }
  }

  /** A call being timed: identity equality, so that it is its own entry in the set of waiting calls. */
  private static final class TimedCall implements CallTimeouts.Waiting {
    private final long deadlineNanos;
    private final Runnable expiry;

    TimedCall(long deadlineNanos, Runnable expiry) {
      this.deadlineNanos = deadlineNanos;
      this.expiry = expiry;
    }

    @Override
    public long deadlineNanos() {
      return deadlineNanos;
    }

    @Override
    public void expire() {
      expiry.run();
    }
  }
}
