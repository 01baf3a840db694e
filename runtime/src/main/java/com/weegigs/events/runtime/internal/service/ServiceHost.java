package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.definition.AggregateDefinition.CommandBinding;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.internal.auth.AccessRules;
import com.weegigs.events.runtime.internal.auth.Authenticator;
import com.weegigs.events.runtime.internal.client.Connections;
import com.weegigs.events.runtime.internal.command.CommandCore;
import com.weegigs.events.runtime.internal.command.ReplyCache;
import com.weegigs.events.runtime.internal.resilience.Breaker;
import com.weegigs.events.runtime.internal.store.GuardedEventStore;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.Subjects;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.runtime.service.HealthCheck;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running service: a NATS micro service with one endpoint per command, one query endpoint per
 * aggregate and the health endpoint, each on a dispatcher of its own (and {@code {service}.info}
 * and {@code {service}.stats} beside the micro discovery), every request going through
 * the {@link RequestPipeline} to the aggregate's {@link CommandCore}. This class starts and stops
 * it: connect, subscribe, announce, and on {@link #close()} drain.
 *
 * <p>Requests of an endpoint whose requests have recently been fast (a moving average below
 * {@code ConcurrencyConfig.inlineBelow}, measured once a few have finished on the worker pool) run
 * right on its dispatcher thread, saving a thread hand-off, the way a plain jnats responder works;
 * the others go to the bounded worker pool. Either way the request is decoded, run and answered
 * by one thread, and replies are encoded straight to bytes.
 *
 * <p>The micro protocol (ADR-32) is ours ({@link MicroDiscovery}, {@link MicroEndpoint}), not
 * jnats' {@code io.nats.service}: every error reply counts in {@code num_errors}, wherever it is
 * sent from, and no exception text ever reaches a caller.
 */
public final class ServiceHost implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");

  private final ServiceSettings settings;
  private final ServiceDescriptor descriptor;
  private final Connection connection;
  private final boolean ownsConnection;
  private final EventStore store;
  /** Whether the host opened the store (from a JetStream configuration), and so closes it. */
  private final boolean ownsStore;
  /** The event store's circuit breaker, or {@code null} when it is disabled. */
  private final Breaker storeBreaker;
  /** The store as the command cores reach it: behind its circuit breaker. */
  private final EventStore guardedStore;
  private final RequestPipeline pipeline;
  private final Telemetry telemetry;
  private final ReplyCache replies;
  private final List<Dispatcher> dispatchers = new ArrayList<>();
  /** Each hosted aggregate type's counters, for {@code {service}.stats}. */
  private final List<ServiceDocuments.Counted> counted = new ArrayList<>();
  private final MicroDiscovery discovery;
  private final HealthChecks health;
  /** The HTTP health endpoint, or {@code null} when not enabled. */
  private final HttpHealth httpHealth;
  private final AtomicBoolean closed = new AtomicBoolean();
  private final CountDownLatch closedLatch = new CountDownLatch(1);

  /**
   * Connects (unless given a connection), registers every endpoint and starts serving.
   *
   * @throws IllegalArgumentException naming every mismatch between the descriptor and the aggregates
   * @throws IllegalStateException when NATS cannot be reached
   */
  public ServiceHost(ServiceSettings settings) {
    this.settings = settings;
    this.descriptor = settings.descriptor();
    checkAggregates(descriptor, settings.aggregates());
    RateLimits.checkCommands(descriptor, settings.rateLimit());
    // before connecting: a key that cannot be read fails the start at once
    Authenticator authenticator = null;
    if (settings.authentication() != null) {
      authenticator = Authenticator.of(settings.authentication(), settings.clock());
    } else {
      // roles nobody can check: those requests are refused (UNAUTHENTICATED), and the operator told once
      String warning = AccessRules.unauthenticatedWarning(descriptor.name(), settings.aggregates());
      if (warning != null) {
        LOG.warn(warning);
      }
    }
    this.replies = new ReplyCache(settings.idempotency().maxReplies(), settings.idempotency().window());
    List<String> aggregateNames = new ArrayList<>();
    for (AggregateDefinition<?, ?> definition : settings.aggregates()) {
      aggregateNames.add(definition.type().name());
    }

    if (settings.connection() != null) {
      this.connection = settings.connection();
      this.ownsConnection = false;
    } else {
      this.connection = Connections.open(settings.natsUrl(), descriptor.name() + " " + descriptor.version(),
          settings.security(), LOG, IllegalStateException::new);
      this.ownsConnection = true;
    }
    if (settings.eventStore() != null) {
      this.store = settings.eventStore();
      this.ownsStore = false;
    } else {
      try {
        this.store = JetStreamEventStore.open(connection, settings.jetStream());
      } catch (RuntimeException e) {
        if (ownsConnection) {
          closeQuietly();
        }
        throw e;
      }
      this.ownsStore = true;
    }
    this.telemetry = Telemetry.of(settings.openTelemetry(), settings.spanDetail());
    this.storeBreaker = Breaker.of("event-store", settings.storeCircuitBreaker(), telemetry);
    this.guardedStore = GuardedEventStore.of(store, storeBreaker);
    this.pipeline = new RequestPipeline(settings, telemetry, authenticator);
    this.health = new HealthChecks(descriptor.name(), descriptor.version(), aggregateNames, healthChecks(settings));
    MicroDiscovery started = null;
    HttpHealth http = null;
    try {
      List<MicroEndpoint> micro = register();
      started = new MicroDiscovery(connection, descriptor.name(), descriptor.version(), descriptor.title(),
          Map.of("wee.wire", ServiceDocuments.WIRE_VERSION), micro, telemetry);
      started.start();
      byte[] info = ServiceDocuments.info(descriptor);
      started.serve(Subjects.info(descriptor.name()), settings.queueGroup().name(), () -> info);
      MicroDiscovery instance = started;
      List<ServiceDocuments.Counted> aggregates = List.copyOf(counted);
      // no queue group: every instance answers with its own counters
      started.serve(Subjects.stats(descriptor.name()), null,
          () -> ServiceDocuments.stats(descriptor, instance.id(), instance.started(), aggregates));
      // make sure the server knows every subscription before callers are told the service is up
      connection.flush(settings.shutdown().drainTimeout());
      if (settings.httpHealth() != null) {
        http = HttpHealth.start(descriptor.name(), settings.httpHealth(), health::run);
      }
    } catch (RuntimeException | TimeoutException | InterruptedException e) {
      pipeline.stopNow();
      health.close();
      if (started != null) {
        // its $SRV discovery subscriptions would otherwise go on answering on a connection the caller keeps
        started.stop();
      }
      for (Dispatcher dispatcher : dispatchers) {
        try {
          connection.closeDispatcher(dispatcher);
        } catch (RuntimeException ignored) {
          // the connection may already be closed; nothing is left to release then
        }
      }
      if (ownsStore) {
        store.close();
      }
      if (ownsConnection) {
        closeQuietly();
      }
      if (e instanceof InterruptedException) {
        Thread.currentThread().interrupt();
      }
      if (e instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException("NATS did not confirm the service's subscriptions: " + e.getMessage(), e);
    }
    this.discovery = started;
    this.httpHealth = http;
    LOG.info("service {} {} serving {} on {} (queue group {})", descriptor.name(), descriptor.version(),
        aggregateNames, connection.getConnectedUrl(), settings.queueGroup().name());
  }

  /**
   * The built-in health checks (the NATS connection, the event store, the request queue, the event
   * store's circuit breaker), then the user's.
   */
  private List<ServiceSettings.NamedCheck> healthChecks(ServiceSettings settings) {
    List<ServiceSettings.NamedCheck> checks = new ArrayList<>();
    checks.add(new ServiceSettings.NamedCheck("nats", HealthCheck.DEFAULT_TIMEOUT, () -> {
      Connection.Status status = connection.getStatus();
      return status == Connection.Status.CONNECTED
          ? HealthCheck.Result.ok("connected to " + connection.getConnectedUrl())
          : HealthCheck.Result.down("the connection is " + status.name().toLowerCase(java.util.Locale.ROOT));
    }));
    checks.add(new ServiceSettings.NamedCheck("event-store", HealthCheck.DEFAULT_TIMEOUT,
        () -> HealthCheck.Result.ok(store.checkHealth())));
    checks.add(new ServiceSettings.NamedCheck("requests", HealthCheck.DEFAULT_TIMEOUT, pipeline::queueHealth));
    checks.add(new ServiceSettings.NamedCheck("circuit-breaker", HealthCheck.DEFAULT_TIMEOUT,
        () -> storeBreaker == null ? HealthCheck.Result.ok("no circuit breaker around the event store") : storeBreaker.health()));
    checks.addAll(settings.healthChecks());
    return checks;
  }

  private static void checkAggregates(ServiceDescriptor descriptor, List<AggregateDefinition<?, ?>> aggregates) {
    List<String> problems = new ArrayList<>();
    Set<String> hosted = new HashSet<>();
    for (AggregateDefinition<?, ?> definition : aggregates) {
      String name = definition.type().name();
      if (!hosted.add(name)) {
        problems.add("aggregate '" + name + "' is given twice");
      }
      if (descriptor.aggregate(name) == null) {
        problems.add("aggregate '" + name + "' is not declared by service " + descriptor.name());
      }
    }
    for (AggregateType<?, ?> declared : descriptor.aggregates()) {
      if (!hosted.contains(declared.name())) {
        problems.add("aggregate '" + declared.name() + "' of service " + descriptor.name() + " has no definition; add it with aggregate(...)");
      }
    }
    if (aggregates.isEmpty() && descriptor.aggregates().isEmpty()) {
      problems.add("a service needs at least one aggregate");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException(String.join("; ", problems));
    }
  }

  // ------------------------------------------------------------------ endpoints

  /** Builds every endpoint and subscribes it, each on a dispatcher of its own; returns what discovery lists. */
  private List<MicroEndpoint> register() {
    Endpoint.Shared shared = new Endpoint.Shared(descriptor.name(), settings.queueGroup().name(), connection,
        settings.concurrency().inlineBelow().toNanos(), telemetry);
    List<Endpoint<?>> endpoints = new ArrayList<>();
    for (AggregateDefinition<?, ?> definition : settings.aggregates()) {
      addAggregate(endpoints, shared, definition);
    }
    endpoints.add(Endpoints.health(shared, health));

    List<MicroEndpoint> micro = new ArrayList<>();
    for (Endpoint<?> endpoint : endpoints) {
      Dispatcher dispatcher = connection.createDispatcher();
      dispatchers.add(dispatcher);
      endpoint.dispatcher = dispatcher;
      dispatcher.subscribe(endpoint.subject, shared.queueGroup(), message -> pipeline.accept(endpoint, message));
      micro.add(endpoint.micro);
    }
    return micro;
  }

  /** The endpoints of one aggregate type: one per command, and its query. */
  private <S, E> void addAggregate(List<Endpoint<?>> endpoints, Endpoint.Shared shared, AggregateDefinition<S, E> definition) {
    CommandCore<S, E> core = new CommandCore<>(definition, guardedStore, settings.stateCache().maxAggregates(),
        settings.clock(), settings.concurrency().conflictRetries(), replies, telemetry, descriptor.name());
    counted.add(new ServiceDocuments.Counted(definition.type().name(), core.counters()));
    EventPublisher publisher = new EventPublisher(connection, descriptor.name(), definition.type(), telemetry);
    for (CommandBinding<S, ?, E> binding : definition.commands()) {
      endpoints.add(Endpoints.command(shared, core, binding, publisher));
    }
    endpoints.add(Endpoints.query(shared, core));
  }

  // ------------------------------------------------------------------ lifecycle

  /** The connection the service uses. */
  public Connection connection() {
    return connection;
  }

  /** The event store the service writes to. */
  public EventStore eventStore() {
    return store;
  }

  /** The port of the HTTP health endpoint, or -1 when it is not enabled. */
  public int httpHealthPort() {
    return httpHealth == null ? -1 : httpHealth.port();
  }

  /** The micro service id (as in {@code $SRV.INFO}). */
  public String id() {
    return discovery.id();
  }

  /** Whether {@link #close()} has finished. */
  public boolean isClosed() {
    return closedLatch.getCount() == 0;
  }

  /** Waits until the service is closed, at most {@code timeout}; {@code true} when it is. */
  public boolean awaitClosed(Duration timeout) throws InterruptedException {
    return closedLatch.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** Waits until the service is closed. */
  public void awaitClosed() throws InterruptedException {
    closedLatch.await();
  }

  /**
   * Stops gracefully: refuses new requests ({@code UNAVAILABLE}), answers requests still waiting
   * for a worker with {@code UNAVAILABLE}, drains every subscription (one failing drain does not
   * stop the others), lets running requests finish within the drain timeout, stops the micro
   * service and closes the connection if the service opened it. Safe to call more than once.
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      try {
        closedLatch.await(settings.shutdown().drainTimeout().toMillis() * 3, TimeUnit.MILLISECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      return;
    }
    Duration timeout = settings.shutdown().drainTimeout();
    LOG.info("service {} shutting down", descriptor.name());
    if (httpHealth != null) {
      // probes see a service that is going away, not checks of one half stopped
      httpHealth.stop();
    }
    try {
      pipeline.stopAccepting();

      List<CompletableFuture<Boolean>> drains = new ArrayList<>();
      for (Dispatcher dispatcher : dispatchers) {
        try {
          drains.add(dispatcher.drain(timeout));
        } catch (Exception e) {
          LOG.warn("could not drain a subscription of {}", descriptor.name(), e);
        }
      }
      for (CompletableFuture<Boolean> drain : drains) {
        try {
          drain.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
          LOG.warn("a subscription of {} did not drain in {}", descriptor.name(), timeout, e);
        }
      }

      pipeline.awaitRunning(timeout);
      health.close();

      discovery.stop();
      try {
        connection.flush(timeout);
      } catch (Exception e) {
        LOG.debug("flush on shutdown failed", e);
      }
      if (ownsStore) {
        store.close();
      }
      if (ownsConnection) {
        closeQuietly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      pipeline.stopNow();
    } finally {
      closedLatch.countDown();
      LOG.info("service {} stopped", descriptor.name());
    }
  }

  private void closeQuietly() {
    try {
      connection.close();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (RuntimeException e) {
      LOG.debug("closing the connection failed", e);
    }
  }
}
