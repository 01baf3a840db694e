package com.weegigs.events.runtime;

import com.weegigs.events.runtime.connection.NatsAuth;
import com.weegigs.events.runtime.connection.TlsConfig;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.internal.client.Connections;
import com.weegigs.events.runtime.internal.service.ServiceHost;
import com.weegigs.events.runtime.internal.service.ServiceSettings;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.service.HttpHealthConfig;
import com.weegigs.events.runtime.service.IdempotencyConfig;
import com.weegigs.events.runtime.service.LimitsConfig;
import com.weegigs.events.runtime.service.QueueGroupConfig;
import com.weegigs.events.runtime.service.RateLimitConfig;
import com.weegigs.events.runtime.service.RequestInterceptor;
import com.weegigs.events.runtime.service.ShutdownConfig;
import com.weegigs.events.runtime.service.SpanDetail;
import com.weegigs.events.runtime.service.StateCacheConfig;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Hosts the aggregates of one service on NATS, as a NATS micro service ({@code $SRV.PING},
 * {@code $SRV.INFO} and {@code $SRV.STATS} work), with the subjects, bodies and errors of the
 * wire contract.
 *
 * <pre>{@code
 * try (NatsService service = NatsService.builder(ReceiptsService.DESCRIPTOR)
 *         .natsUrl("nats://localhost:4222")          // default: $NATS_URL, else nats://localhost:4222
 *         .withQueueGroup("receipts-workers")         // default: q
 *         .withConcurrency(new ConcurrencyConfig(32, 1000))
 *         .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
 *         .start()) {
 *   service.closeOnShutdown();                        // SIGTERM drains and stops it
 *   service.awaitClosed();
 * }
 * }</pre>
 *
 * <p><b>Threads.</b> Each endpoint has a dispatcher thread; requests run on a bounded worker pool
 * ({@link ConcurrencyConfig}), or, for endpoints whose requests have proved fast, right on the
 * dispatcher thread. Commands for one aggregate run one at a time in an instance; handlers and
 * reducers must be thread-safe across aggregates. When every worker is busy and the queue is full,
 * requests are answered {@code UNAVAILABLE} at once.
 *
 * <p><b>Repeated commands.</b> A command's {@code messageId} (from its metadata, else the
 * {@code Nats-Msg-Id} header, else a new one) makes it take effect once: a repeat gets the reply
 * of the first, also while the first is still running ({@link IdempotencyConfig}), and the event
 * store de-duplicates appends.
 *
 * <p>The builder has a required base (the service descriptor, and where NATS is) and one
 * {@code withX(...)} per feature, each taking an immutable configuration record that names every
 * invalid value at once. Telemetry is {@link Builder#withOpenTelemetry}, per-request authentication
 * and roles {@link Builder#withAuthentication}; features added later (rate
 * limits, circuit breakers) are more {@code withX} methods on the same builder; other checks on requests
 * plug in as {@link RequestInterceptor}s ({@link
 * Builder#withInterceptor}), and a durable store as an {@link EventStore} ({@link
 * Builder#withEventStore}).
 */
public final class NatsService implements AutoCloseable {
  /** The NATS URL used when neither {@code NATS_URL} nor {@link Builder#natsUrl} says otherwise. */
  public static final String DEFAULT_NATS_URL = "nats://localhost:4222";

  private final ServiceDescriptor descriptor;
  private final ServiceHost host;
  private volatile Thread shutdownHook;

  private NatsService(ServiceDescriptor descriptor, ServiceHost host) {
    this.descriptor = descriptor;
    this.host = host;
  }

  /** Starts a service for {@code descriptor} (from the processor: {@code <Service>Service.DESCRIPTOR}). */
  public static Builder builder(ServiceDescriptor descriptor) {
    return new Builder(descriptor);
  }

  /** The NATS URL from the environment: {@code NATS_URL} when set, else {@value #DEFAULT_NATS_URL}. */
  public static String defaultNatsUrl() {
    String fromEnvironment = System.getenv("NATS_URL");
    return fromEnvironment == null || fromEnvironment.isBlank() ? DEFAULT_NATS_URL : fromEnvironment.trim();
  }

  /** The service's wire name. */
  public String name() {
    return descriptor.name();
  }

  /** The service's version. */
  public String version() {
    return descriptor.version();
  }

  /** The descriptor the service was built from. */
  public ServiceDescriptor descriptor() {
    return descriptor;
  }

  /** This instance's micro service id, as {@code $SRV.INFO} reports it. */
  public String id() {
    return host.id();
  }

  /** The NATS connection the service uses (its own, or the one it was given). */
  public Connection connection() {
    return host.connection();
  }

  /** The event store the service writes to (the one it was given, or the JetStream store it opened). */
  public EventStore eventStore() {
    return host.eventStore();
  }

  /**
   * The port of the HTTP health endpoint (the free one taken when configured with port 0), or -1
   * when it is not enabled; see {@link Builder#withHttpHealth}.
   */
  public int httpHealthPort() {
    return host.httpHealthPort();
  }

  /** Whether the service has been closed. */
  public boolean isClosed() {
    return host.isClosed();
  }

  /**
   * Closes this service gracefully when the JVM shuts down (SIGTERM, SIGINT, {@code System.exit}).
   *
   * @return this service
   */
  public synchronized NatsService closeOnShutdown() {
    if (shutdownHook == null) {
      shutdownHook = new Thread(host::close, descriptor.name() + "-shutdown");
      Runtime.getRuntime().addShutdownHook(shutdownHook);
    }
    return this;
  }

  /** Blocks until the service is closed (by {@link #close()} or the shutdown hook). */
  public void awaitClosed() throws InterruptedException {
    host.awaitClosed();
  }

  /** Blocks until the service is closed, at most {@code timeout}; {@code true} when it is. */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    return host.awaitClosed(timeout);
  }

  /**
   * Stops gracefully: new requests get {@code UNAVAILABLE}, requests still waiting for a worker
   * get {@code UNAVAILABLE}, running requests finish (within the shutdown drain timeout), every
   * subscription is drained (one failing drain does not stop the others), and the connection is
   * closed if the service opened it. An event store the caller gave is not closed (the caller owns
   * it); a JetStream store the service opened from a {@link JetStreamStoreConfig} is.
   */
  @Override
  public void close() {
    host.close();
    Thread hook = shutdownHook;
    if (hook != null && Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException alreadyShuttingDown) {
        // the JVM is exiting; the hook finds the service closed
      }
    }
  }

  @Override
  public String toString() {
    return "NatsService[" + descriptor.name() + " " + descriptor.version() + "]";
  }

  /**
   * Collects the configuration of a service. Every {@code withX} replaces that feature's
   * configuration; {@link #start()} validates the whole and starts serving.
   */
  public static final class Builder {
    private final ServiceDescriptor descriptor;
    private String natsUrl;
    private Connection connection;
    private QueueGroupConfig queueGroup = QueueGroupConfig.defaults();
    private ConcurrencyConfig concurrency = ConcurrencyConfig.defaults();
    private LimitsConfig limits = LimitsConfig.defaults();
    private StateCacheConfig stateCache = StateCacheConfig.defaults();
    private IdempotencyConfig idempotency = IdempotencyConfig.defaults();
    private ShutdownConfig shutdown = ShutdownConfig.defaults();
    private EventStore eventStore;
    private JetStreamStoreConfig jetStream;
    private Clock clock = Clock.systemUTC();
    private OpenTelemetry openTelemetry;
    private SpanDetail spanDetail = SpanDetail.STEPS;
    private final List<ServiceSettings.NamedCheck> healthChecks = new ArrayList<>();
    private HttpHealthConfig httpHealth;
    private AuthenticationConfig authentication;
    private final List<AggregateDefinition<?, ?>> aggregates = new ArrayList<>();
    private final List<RequestInterceptor> interceptors = new ArrayList<>();
    private RateLimitConfig rateLimit = RateLimitConfig.defaults();
    private CircuitBreakerConfig storeCircuitBreaker = CircuitBreakerConfig.disabled();
    private Connections.Security security = Connections.Security.NONE;

    private Builder(ServiceDescriptor descriptor) {
      this.descriptor = Objects.requireNonNull(descriptor, "descriptor");
    }

    /** Where NATS is; default {@link NatsService#defaultNatsUrl()}. Ignored when a connection is given. */
    public Builder natsUrl(String natsUrl) {
      if (natsUrl == null || natsUrl.isBlank()) {
        throw new IllegalArgumentException("natsUrl must not be empty");
      }
      this.natsUrl = natsUrl;
      return this;
    }

    /** Uses a connection the caller opened (and will close); the service does not close it. */
    public Builder connection(Connection connection) {
      this.connection = Objects.requireNonNull(connection, "connection");
      return this;
    }

    /** Hosts one aggregate; call once per aggregate the descriptor declares. */
    public Builder aggregate(AggregateDefinition<?, ?> definition) {
      aggregates.add(Objects.requireNonNull(definition, "definition"));
      return this;
    }

    /** The queue group of every endpoint; default {@code q}. */
    public Builder withQueueGroup(String name) {
      return withQueueGroup(new QueueGroupConfig(name));
    }

    /** The queue group of every endpoint. */
    public Builder withQueueGroup(QueueGroupConfig config) {
      this.queueGroup = Objects.requireNonNull(config, "config");
      return this;
    }

    /** Worker threads, queue length and conflict retries; see {@link ConcurrencyConfig}. */
    public Builder withConcurrency(ConcurrencyConfig config) {
      this.concurrency = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The event store (the caller owns it); default a new {@link InMemoryEventStore}. */
    public Builder withEventStore(EventStore store) {
      this.eventStore = Objects.requireNonNull(store, "store");
      this.jetStream = null;
      return this;
    }

    /**
     * Stores the events in JetStream: {@link #start()} opens a {@link JetStreamEventStore} on the
     * service's connection (creating the stream and buckets when missing) and {@link
     * NatsService#close()} closes it. Start fails when the server has no JetStream or an existing
     * stream is incompatible, with an error that says so.
     */
    public Builder withEventStore(JetStreamStoreConfig config) {
      this.jetStream = Objects.requireNonNull(config, "config");
      this.eventStore = null;
      return this;
    }

    /** The largest request body accepted, in bytes; larger ones get {@code PAYLOAD_TOO_LARGE}. */
    public Builder withMaxPayload(int bytes) {
      return withLimits(new LimitsConfig(bytes));
    }

    /** Request limits; see {@link LimitsConfig}. */
    public Builder withLimits(LimitsConfig config) {
      this.limits = Objects.requireNonNull(config, "config");
      return this;
    }

    /** The clock for event timestamps, receive times and {@link CommandContext#now()}; default UTC system clock. */
    public Builder withClock(Clock clock) {
      this.clock = Objects.requireNonNull(clock, "clock");
      return this;
    }

    /** How many current states to keep per aggregate type (0 disables the cache). */
    public Builder withStateCache(int maxAggregates) {
      return withStateCache(new StateCacheConfig(maxAggregates));
    }

    /** The state cache; see {@link StateCacheConfig}. */
    public Builder withStateCache(StateCacheConfig config) {
      this.stateCache = Objects.requireNonNull(config, "config");
      return this;
    }

    /** How repeated commands are answered; see {@link IdempotencyConfig}. */
    public Builder withIdempotency(IdempotencyConfig config) {
      this.idempotency = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Adds a check every request passes before the service acts on it (authentication,
     * authorization, rate limits); see {@link RequestInterceptor}. Interceptors run in the order
     * they were added, after the request's size, deadline and body were checked and before the
     * command is validated and run.
     */
    public Builder withInterceptor(RequestInterceptor interceptor) {
      interceptors.add(Objects.requireNonNull(interceptor, "interceptor"));
      return this;
    }

    /**
     * Where the service's spans and metrics go, and how trace context is read from requests and
     * written onto replies and events (its propagators). Default {@link GlobalOpenTelemetry#get()}
     * at {@link #start()}: with no SDK installed there are no spans and no metrics, and a caller's
     * W3C trace context is still carried onto the reply and the events.
     */
    public Builder withOpenTelemetry(OpenTelemetry openTelemetry) {
      this.openTelemetry = Objects.requireNonNull(openTelemetry, "openTelemetry");
      return this;
    }

    /**
     * How many spans a sampled command makes: {@link SpanDetail#STEPS} (the default) a span for the
     * request and one for each step under it, {@link SpanDetail#REQUEST} the request's span alone,
     * with what the steps record on it. Fewer spans cost the OpenTelemetry SDK less per command.
     */
    public Builder withSpanDetail(SpanDetail spanDetail) {
      this.spanDetail = Objects.requireNonNull(spanDetail, "spanDetail");
      return this;
    }

    /** Adds a health check named {@code name} with the {@linkplain HealthCheck#DEFAULT_TIMEOUT default timeout}. */
    public Builder withHealthCheck(String name, HealthCheck check) {
      return withHealthCheck(name, HealthCheck.DEFAULT_TIMEOUT, check);
    }

    /**
     * Adds a health check, run on every {@code {service}.health} request beside the built-in ones
     * ({@code nats}, {@code event-store}, {@code requests}, {@code circuit-breaker}); see {@link HealthCheck}.
     *
     * @param name its name in the report: not blank, and neither a built-in check's nor another's
     * @param timeout after this it is reported {@code down}, and the report does not wait for it
     * @throws IllegalArgumentException naming every problem with the name and the timeout
     */
    public Builder withHealthCheck(String name, Duration timeout, HealthCheck check) {
      Objects.requireNonNull(check, "check");
      List<String> problems = new ArrayList<>();
      if (name == null || name.isBlank()) {
        problems.add("a health check needs a name");
      } else if (ServiceSettings.BUILT_IN_CHECKS.contains(name)) {
        problems.add("health check '" + name + "' is built in; choose another name");
      } else if (healthChecks.stream().anyMatch(existing -> existing.name().equals(name))) {
        problems.add("health check '" + name + "' is added twice");
      }
      if (timeout == null || timeout.isNegative() || timeout.isZero()) {
        problems.add("the timeout of a health check must be positive, got " + timeout);
      }
      if (!problems.isEmpty()) {
        throw new IllegalArgumentException(String.join("; ", problems));
      }
      healthChecks.add(new ServiceSettings.NamedCheck(name, timeout, check));
      return this;
    }

    /**
     * Serves {@code /health/live} and {@code /health/ready} over HTTP as well (off by default); see
     * {@link HttpHealthConfig}. The port taken is {@link NatsService#httpHealthPort()}.
     */
    public Builder withHttpHealth(HttpHealthConfig config) {
      this.httpHealth = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * The service's rate limits (none by default): per service, per command and per caller; a
     * request over one is refused with {@code RATE_LIMITED} and {@code details.retryAfterMs}. See
     * {@link RateLimitConfig}.
     *
     * @throws IllegalArgumentException at {@link #start()}, when a command limit names a command the service does not have
     */
    public Builder withRateLimit(RateLimitConfig config) {
      this.rateLimit = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * A circuit breaker around the event store (off by default; {@link CircuitBreakerConfig#defaults()}
     * turns it on). While it is open, commands and queries fail at once with {@code UNAVAILABLE}
     * instead of each waiting for the store's time-out; its state is the {@code circuit-breaker}
     * health check. Off by default because it holds back the first commands after a short outage
     * (a JetStream leader election) until a probe gets through; see the root README, "Resilience".
     */
    public Builder withStoreCircuitBreaker(CircuitBreakerConfig config) {
      this.storeCircuitBreaker = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * Authenticates every command and query: each must carry {@code Authorization: Bearer <JWT>},
     * verified as {@link AuthenticationConfig} says, or is answered {@code UNAUTHENTICATED}; the
     * health check is not. The verified caller is {@link CommandContext#principal()}, and its
     * subject the {@code userId} of the command and its events (one the caller wrote in the
     * metadata is ignored). Commands and queries restricted by {@code @RolesAllowed} or
     * {@code @DenyAll} are answered {@code FORBIDDEN} for callers without a role they name. Without
     * authentication a service with such commands still starts, logs one warning naming them, and
     * answers every request for them {@code UNAUTHENTICATED}: nobody's role can be verified there.
     *
     * @throws IllegalArgumentException at {@link #start()}, when the configured key cannot be read
     */
    public Builder withAuthentication(AuthenticationConfig config) {
      this.authentication = Objects.requireNonNull(config, "config");
      return this;
    }

    /** How the service stops; see {@link ShutdownConfig}. */
    public Builder withShutdown(ShutdownConfig config) {
      this.shutdown = Objects.requireNonNull(config, "config");
      return this;
    }

    /**
     * How the service authenticates when it opens its connection from {@link #natsUrl(String)};
     * see {@link NatsAuth}. A connection given with {@link #connection(Connection)} is used as it
     * is: its own options say how it authenticated. A refused credential fails {@link #start()} at
     * once with an {@link IllegalStateException} that says so.
     */
    public Builder withAuth(NatsAuth auth) {
      this.security = security.withAuth(auth);
      return this;
    }

    /**
     * TLS for the connection the service opens from {@link #natsUrl(String)}; see {@link TlsConfig}.
     * A connection given with {@link #connection(Connection)} is used as it is. An untrusted server
     * certificate, or one that does not name the host, fails {@link #start()} at once with an
     * {@link IllegalStateException} that says so.
     */
    public Builder withTls(TlsConfig tls) {
      this.security = security.withTls(tls);
      return this;
    }

    /**
     * Connects, registers every endpoint and starts serving.
     *
     * @throws IllegalArgumentException naming every mismatch between the descriptor and the aggregates,
     *     or when the authentication key cannot be read
     * @throws IllegalStateException when NATS cannot be reached, or the JetStream store cannot be opened
     */
    public NatsService start() {
      EventStore store = eventStore == null && jetStream == null ? new InMemoryEventStore() : eventStore;
      ServiceSettings settings = new ServiceSettings(descriptor, natsUrl != null ? natsUrl : defaultNatsUrl(), connection,
          queueGroup, concurrency, limits, stateCache, idempotency, shutdown, store, jetStream, clock, aggregates,
          interceptors, openTelemetry != null ? openTelemetry : GlobalOpenTelemetry.get(), spanDetail, healthChecks,
          httpHealth, rateLimit, storeCircuitBreaker, authentication, security);
      return new NatsService(descriptor, new ServiceHost(settings));
    }
  }
}
