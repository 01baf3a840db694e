package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.CircuitBreakerConfig;
import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.connection.NatsAuth;
import com.weegigs.events.runtime.connection.TlsConfig;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnauthenticatedException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.client.Connections;
import com.weegigs.events.runtime.internal.client.ReplyFuture;
import com.weegigs.events.runtime.internal.client.Requester;
import com.weegigs.events.runtime.internal.client.ResilientCalls;
import com.weegigs.events.runtime.internal.client.Subscriptions;
import com.weegigs.events.runtime.internal.resilience.Breaker;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import io.nats.client.Connection;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * <p>A request carries no headers unless the call has something to say with one
 * ({@code docs/wire-contract.md}, "Headers"): a command's {@code messageId} travels in the body's
 * metadata, a {@link CallOptions#deadline()} goes as {@code Wee-Deadline}, and the trace context
 * ({@code traceparent}, {@code tracestate}, {@code baggage}) of the call's span goes when there is
 * a trace to continue ({@link Builder#withOpenTelemetry}); the call's timeout is the client's own
 * and is not sent. A request nobody listens to fails at once with {@code UNAVAILABLE}; one without a reply in time
 * fails with {@code TIMEOUT} ({@code UNAVAILABLE} when the connection is down meanwhile). The client
 * does not retry on its own, except after {@code RATE_LIMITED} when the call asks for it
 * ({@link CallOptions#withRetryOnRateLimit}); a caller that retries a command with the same
 * {@link CallOptions#messageId()} gets it applied once. A circuit breaker per client (so per
 * service) is there when asked for ({@link Builder#withCircuitBreaker}).
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

  private final Connection connection;
  private final boolean ownsConnection;
  private final String serviceName;
  private final Duration defaultTimeout;
  private final ResilientCalls calls;
  private final Subscriptions subscriptions;
  /** Gives each call's bearer token when its options have none; {@code null} for none. */
  private final Supplier<String> bearerTokens;
  private volatile boolean closed;

  private ServiceClient(Builder builder, Connection connection, boolean ownsConnection) {
    this.connection = connection;
    this.ownsConnection = ownsConnection;
    this.serviceName = builder.serviceName;
    this.defaultTimeout = builder.defaultTimeout;
    this.bearerTokens = builder.bearerTokens;
    Telemetry telemetry = Telemetry.of(builder.openTelemetry != null ? builder.openTelemetry : GlobalOpenTelemetry.get());
    this.calls = new ResilientCalls(new Requester(connection, builder.executor, telemetry),
        Breaker.of("client:" + serviceName, builder.circuitBreaker, telemetry), serviceName, builder.executor);
    this.subscriptions = new Subscriptions(connection, serviceName, defaultTimeout, builder.drainTimeout, telemetry);
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
   * @param body the request body, with the command's {@code messageId} in its metadata
   * @param options the call's options: its timeout, and the deadline and trace context it sends
   * @param decoder turns a success body into the result; may throw {@link ServiceException}
   * @return a future that completes with the result or a {@link ServiceException}
   */
  <T> CompletableFuture<T> request(String subject, byte[] body, CallOptions options, Function<byte[], T> decoder) {
    if (closed) {
      return ReplyFuture.failed(new UnavailableException("the client of " + serviceName + " is closed"));
    }
    Duration timeout = options.timeout() != null ? options.timeout() : defaultTimeout;
    String bearerToken = options.bearerToken();
    if (bearerToken == null && bearerTokens != null) {
      try {
        bearerToken = bearerTokens.get();
      } catch (RuntimeException e) {
        return ReplyFuture.failed(new UnauthenticatedException(
            "the client's bearer token supplier failed: " + e.getClass().getSimpleName(), Map.of(), e));
      }
    }
    return calls.request(subject, body, timeout, options.deadline(), options.traceparent(), bearerToken,
        options.rateLimitAttempts(), decoder);
  }

  /** The client's live event subscriptions. */
  Subscriptions subscriptions() {
    return subscriptions;
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
    subscriptions.closeAll();
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

  /** Builds a {@link ServiceClient}; every setting has a default. */
  public static final class Builder {
    private final String serviceName;
    private Connection connection;
    private String url;
    private Duration defaultTimeout = DEFAULT_TIMEOUT;
    private Duration drainTimeout = DEFAULT_DRAIN_TIMEOUT;
    private Executor executor;
    private OpenTelemetry openTelemetry;
    private CircuitBreakerConfig circuitBreaker = CircuitBreakerConfig.disabled();
    private Supplier<String> bearerTokens;
    private Connections.Security security = Connections.Security.NONE;

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
     * Where the client's spans and metrics go, and how it writes and reads trace context (its
     * propagators). Default {@link GlobalOpenTelemetry#get()} when built. A call's span is a child
     * of the current context, so a call made while a request or an event is handled (in a handler,
     * or in a listener of a live subscription) continues that trace; a listener's span continues
     * the trace of the command that produced the event. With no SDK, or when the sampler drops the
     * call's trace, a request goes without trace headers unless it continues a trace it was given.
     */
    public Builder withOpenTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /**
     * A circuit breaker for the calls to this service (off by default): once enough calls time out,
     * find no responders or are answered {@code UNAVAILABLE}, it opens, and calls fail at once with
     * {@code UNAVAILABLE} (details {@code circuitBreaker: open}) without being sent, until it lets a
     * few probe calls through after {@link CircuitBreakerConfig#waitInOpenState()}. Every other
     * answer ({@code REJECTED}, {@code VALIDATION_FAILED}, {@code NOT_FOUND}, {@code CONFLICT},
     * {@code RATE_LIMITED}, ...) shows the service is there and counts as a success. State changes
     * are span events and the {@code wee.circuit_breaker.transitions} metric.
     */
    public Builder withCircuitBreaker(CircuitBreakerConfig config) {
      this.circuitBreaker = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * How the client authenticates when it opens its connection from a URL; see {@link NatsAuth}.
     * A connection given with {@link #connection(Connection)} is used as it is: its own options say
     * how it authenticated. A refused credential fails {@link #build()} at once with an
     * {@link UnavailableException} that says so.
     */
    public Builder withAuth(NatsAuth auth) {
      this.security = security.withAuth(auth);
      return this;
    }

    /**
     * Sends {@code Authorization: Bearer <token>} on every command and query, asking
     * {@code bearerTokens} for the token on each call (so a supplier that refreshes an expiring
     * token works); a call whose {@link CallOptions#bearerToken()} is set sends that instead. A
     * supplier that answers {@code null} sends no header; one that throws fails the call with
     * {@code UNAUTHENTICATED}, unsent. Without a supplier no header is sent.
     */
    public Builder withBearerToken(Supplier<String> bearerTokens) {
      this.bearerTokens = Objects.requireNonNull(bearerTokens, "bearerTokens");
      return this;
    }

    /**
     * TLS for the connection the client opens from a URL; see {@link TlsConfig}. A connection given
     * with {@link #connection(Connection)} is used as it is. An untrusted server certificate, or
     * one that does not name the host, fails {@link #build()} at once with an
     * {@link UnavailableException} that says so.
     */
    public Builder withTls(TlsConfig tls) {
      this.security = security.withTls(tls);
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
      Connection opened = Connections.open(target, "wee-events client of " + serviceName, security,
          LoggerFactory.getLogger(ServiceClient.class), (message, cause) -> new UnavailableException(message, Map.of(), cause));
      return new ServiceClient(this, opened, true);
    }
  }
}
