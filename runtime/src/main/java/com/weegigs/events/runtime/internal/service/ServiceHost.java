package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateDefinition.CommandBinding;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.service.RequestGuard.EndpointInfo;
import com.weegigs.events.runtime.internal.wire.HealthReports;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.Subjects;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running service: a NATS micro service with one endpoint per command, one query endpoint per
 * aggregate and the health endpoint, a bounded worker pool, and the aggregates' runtimes.
 *
 * <p>Each endpoint has its own dispatcher thread, which checks the size and admits the request
 * (a semaphore of {@code maxInFlight + maxQueued} permits; none left means {@code UNAVAILABLE} at
 * once). Requests of an endpoint whose requests have recently been fast (a moving average below
 * {@code ConcurrencyConfig.inlineBelow}, measured once a few have finished on the worker pool) run
 * right there on the dispatcher thread, saving a
 * thread hand-off, the way a plain jnats responder works; for them, requests waiting in the
 * dispatcher beyond {@code maxQueued} are refused. Slower endpoints hand requests to the bounded
 * worker pool. Either way the request is decoded, run and answered by one thread, and replies are
 * encoded straight to bytes.
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
  private final ThreadPoolExecutor workers;
  private final ReplyCache replies;
  private final List<EndpointHandler> endpoints = new ArrayList<>();
  private final List<Dispatcher> dispatchers = new ArrayList<>();
  private final MicroDiscovery discovery;
  private final int maxPayload;
  private final byte[] health;
  private final Reply shuttingDown;
  private final Reply atCapacity;
  private final Semaphore admission;
  private final int maxQueued;
  private final long inlineBelowNanos;
  private volatile boolean accepting = true;
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
    this.maxPayload = settings.limits().maxPayloadBytes();
    this.replies = new ReplyCache(settings.idempotency().maxReplies(), settings.idempotency().window());
    this.shuttingDown = Reply.error(ErrorCode.UNAVAILABLE, "service " + descriptor.name() + " is shutting down");
    this.atCapacity = Reply.error(ErrorCode.UNAVAILABLE, "service " + descriptor.name() + " is at capacity; try again shortly");
    this.admission = new Semaphore(settings.concurrency().maxInFlight() + settings.concurrency().maxQueued());
    this.maxQueued = settings.concurrency().maxQueued();
    this.inlineBelowNanos = settings.concurrency().inlineBelow().toNanos();
    List<String> aggregateNames = new ArrayList<>();
    for (AggregateDefinition<?, ?> definition : settings.aggregates()) {
      aggregateNames.add(definition.type().name());
    }
    this.health = HealthReports.encodeHealth("ok", descriptor.name(), descriptor.version(), aggregateNames);

    if (settings.connection() != null) {
      this.connection = settings.connection();
      this.ownsConnection = false;
    } else {
      this.connection = connect(settings.natsUrl(), descriptor);
      this.ownsConnection = true;
    }
    this.workers = workers(descriptor.name(), settings.concurrency().maxInFlight());
    MicroDiscovery started = null;
    try {
      List<MicroEndpoint> micro = register();
      started = new MicroDiscovery(connection, descriptor.name(), descriptor.version(), descriptor.title(),
          Map.of("wee.wire", "1"), micro);
      started.start();
      // make sure the server knows every subscription before callers are told the service is up
      connection.flush(settings.shutdown().drainTimeout());
    } catch (RuntimeException | java.util.concurrent.TimeoutException | InterruptedException e) {
      workers.shutdownNow();
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
    LOG.info("service {} {} serving {} on {} (queue group {})", descriptor.name(), descriptor.version(),
        aggregateNames, connection.getConnectedUrl(), settings.queueGroup().name());
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

  private static Connection connect(String url, ServiceDescriptor descriptor) {
    Options options = new Options.Builder()
        .server(url)
        .connectionName(descriptor.name() + " " + descriptor.version())
        .connectionTimeout(Duration.ofSeconds(5))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(250))
        .build();
    try {
      return Nats.connect(options);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while connecting to NATS at " + url, e);
    } catch (Exception e) {
      throw new IllegalStateException("cannot connect to NATS at " + url + ": " + e.getMessage(), e);
    }
  }

  /** The worker pool; its queue is unbounded because admission (a semaphore) bounds it. */
  private static ThreadPoolExecutor workers(String service, int threads) {
    BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
    AtomicInteger count = new AtomicInteger();
    ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 60, TimeUnit.SECONDS, queue, runnable -> {
      Thread thread = new Thread(runnable, service + "-worker-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }, new ThreadPoolExecutor.AbortPolicy());
    pool.allowCoreThreadTimeOut(true);
    return pool;
  }

  // ------------------------------------------------------------------ endpoints

  /** Builds every endpoint and subscribes it, each on a dispatcher of its own; returns what discovery lists. */
  private List<MicroEndpoint> register() {
    String queueGroup = settings.queueGroup().name();
    String name = descriptor.name();
    for (AggregateDefinition<?, ?> definition : settings.aggregates()) {
      AggregateRuntime<?, ?> runtime = runtime(definition);
      String aggregate = definition.type().name();
      for (CommandBinding<?, ?, ?> binding : definition.commands()) {
        String command = binding.type().name();
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("wee.kind", "command");
        metadata.put("wee.aggregate", aggregate);
        metadata.put("wee.command", command);
        metadata.put("wee.schema", binding.type().schema());
        EndpointInfo info = new EndpointInfo("command", aggregate, command, Subjects.command(name, aggregate, command));
        endpoints.add(new EndpointHandler("command_" + aggregate + "_" + command, info, queueGroup, metadata) {
          @Override
          void handle(Work work, Deadline deadline) {
            runCommand(runtime, binding, work.message, work.receivedAtMillis, deadline, work.trace, work::reply);
          }
        });
      }
      Map<String, String> metadata = new LinkedHashMap<>();
      metadata.put("wee.kind", "query");
      metadata.put("wee.aggregate", aggregate);
      metadata.put("wee.schema", Requests.QUERY_REQUEST_SCHEMA);
      EndpointInfo info = new EndpointInfo("query", aggregate, null, Subjects.query(name, aggregate));
      endpoints.add(new EndpointHandler("query_" + aggregate + "_get", info, queueGroup, metadata) {
        @Override
        void handle(Work work, Deadline deadline) {
          work.reply(work.message, runtime.query(work.message));
        }
      });
    }
    Map<String, String> healthMetadata = new LinkedHashMap<>();
    healthMetadata.put("wee.kind", "health");
    healthMetadata.put("wee.schema", HealthReports.HEALTH_REQUEST_SCHEMA);
    EndpointInfo healthInfo = new EndpointInfo("health", null, null, Subjects.health(name));
    endpoints.add(new EndpointHandler("health", healthInfo, queueGroup, healthMetadata) {
      @Override
      void handle(Work work, Deadline deadline) {
        work.reply(work.message, Reply.success(health));
      }
    });

    List<MicroEndpoint> micro = new ArrayList<>();
    for (EndpointHandler handler : endpoints) {
      Dispatcher dispatcher = connection.createDispatcher();
      dispatchers.add(dispatcher);
      handler.dispatcher = dispatcher;
      dispatcher.subscribe(handler.info.subject(), queueGroup, message -> accept(handler, message));
      micro.add(handler.micro);
    }
    return micro;
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private AggregateRuntime<?, ?> runtime(AggregateDefinition<?, ?> definition) {
    return new AggregateRuntime(descriptor.name(), definition, settings.eventStore(),
        settings.stateCache().maxAggregates(), settings.clock(), settings.concurrency().conflictRetries(), connection, replies);
  }

  @SuppressWarnings({"unchecked", "rawtypes"})
  private static void runCommand(AggregateRuntime runtime, CommandBinding binding, Message message,
      long receivedAtMillis, Deadline deadline, TraceContext trace, Responder responder) {
    runtime.command(binding, message, receivedAtMillis, deadline, trace, responder);
  }

  /** On the endpoint's dispatcher thread: the cheap checks, then a hand-off to a worker. */
  private void accept(EndpointHandler endpoint, Message message) {
    long receivedNanos = System.nanoTime();
    endpoint.micro.received();
    if (!accepting) {
      endpoint.respond(message, shuttingDown, null, receivedNanos);
      return;
    }
    byte[] data = message.getData();
    int size = data == null ? 0 : data.length;
    if (size > maxPayload) {
      endpoint.respond(message, Reply.error(new ServiceException(ErrorCode.PAYLOAD_TOO_LARGE,
          "request body is " + size + " bytes; the limit is " + maxPayload,
          Map.of("limit", maxPayload, "size", size))), null, receivedNanos);
      return;
    }
    boolean inline = endpoint.fast();
    // requests waiting in the dispatcher count as queued when they will run inline
    if ((inline && endpoint.dispatcher.getPendingMessageCount() > maxQueued) || !admission.tryAcquire()) {
      endpoint.respond(message, atCapacity, null, receivedNanos);
      return;
    }
    Work work = new Work(endpoint, message, settings.clock().millis(), receivedNanos);
    if (inline) {
      work.run();
      return;
    }
    try {
      workers.execute(work);
    } catch (RejectedExecutionException e) {
      admission.release();
      endpoint.respond(message, shuttingDown, null, receivedNanos);
    }
  }

  /**
   * One admitted request. It holds an admission permit from the moment the dispatcher accepts it
   * until its reply is about to be sent (or it ends without one), so a caller that sends its next
   * request as soon as it has the reply never finds the permit still taken.
   */
  private static final AtomicIntegerFieldUpdater<Work> RELEASED =
      AtomicIntegerFieldUpdater.newUpdater(Work.class, "released");

  private final class Work implements Runnable {
    final EndpointHandler endpoint;
    final Message message;
    final long receivedAtMillis;
    final long receivedNanos;
    TraceContext trace;
    volatile int released;

    Work(EndpointHandler endpoint, Message message, long receivedAtMillis, long receivedNanos) {
      this.endpoint = endpoint;
      this.message = message;
      this.receivedAtMillis = receivedAtMillis;
      this.receivedNanos = receivedNanos;
    }

    /** Answers {@code request} (this work's message, or a repeat that waited for it). */
    void reply(Message request, Reply reply) {
      release();
      endpoint.respond(request, reply, trace, receivedNanos);
    }

    private void release() {
      if (RELEASED.compareAndSet(this, 0, 1)) {
        admission.release();
      }
    }

    @Override
    public void run() {
      long started = System.nanoTime();
      trace = TraceContext.of(message.getHeaders());
      try {
        Deadline deadline = Deadline.of(message.getHeaders());
        deadline.check("before the request was started");
        for (RequestGuard guard : settings.guards()) {
          guard.check(endpoint.info, message);
        }
        endpoint.handle(this, deadline);
      } catch (ServiceException e) {
        reply(message, Reply.error(e));
      } catch (EventStoreUnavailableException e) {
        LOG.warn("event store unavailable for a {} request on {}", endpoint.info.kind(), endpoint.info.subject(), e);
        reply(message, Reply.error(ErrorCode.UNAVAILABLE, "the event store is unavailable; try again later"));
      } catch (RuntimeException | Error e) {
        LOG.error("{} request on {} failed unexpectedly (traceparent={})", endpoint.info.kind(), endpoint.info.subject(),
            trace.traceparent, e);
        reply(message, AggregateRuntime.internalError(null));
      } finally {
        release();
        endpoint.took(System.nanoTime() - started);
      }
    }

    void unavailable() {
      release();
      endpoint.respond(message, shuttingDown, null, receivedNanos);
    }
  }

  /** One micro endpoint: what it serves, its ADR-32 counts, and how its requests are run. */
  private abstract class EndpointHandler {
    static final int WARM_UP = 8;

    final EndpointInfo info;
    final MicroEndpoint micro;
    Dispatcher dispatcher;
    /** Moving average of how long a request takes here, once {@value #WARM_UP} requests have finished. */
    private volatile long averageNanos;
    private volatile int finished;

    /**
     * Whether requests here are fast enough to run on the dispatcher thread. A new endpoint uses
     * the worker pool until {@value #WARM_UP} requests have finished and shown how long they take,
     * so a handler that blocks from the start never holds up its dispatcher.
     */
    boolean fast() {
      return finished >= WARM_UP && averageNanos < inlineBelowNanos;
    }

    void took(long nanos) {
      int count = finished;
      long average = averageNanos;
      // an exponential moving average (1/8 weight); races between threads only blur it slightly
      averageNanos = count == 0 ? nanos : average + ((nanos - average) >> 3);
      if (count < WARM_UP) {
        finished = count + 1;
      }
    }

    EndpointHandler(String name, EndpointInfo info, String queueGroup, Map<String, String> metadata) {
      this.info = info;
      this.micro = new MicroEndpoint(name, info.subject(), queueGroup, metadata);
    }

    /** Runs the request and answers it through {@link Work#reply}. */
    abstract void handle(Work work, Deadline deadline);

    /**
     * Counts the request's time and outcome for {@code $SRV.STATS} (before the reply leaves, so a
     * caller that asks for the stats after the reply finds it counted), then sends {@code reply}
     * with the request's trace context ({@code null}: taken from the request).
     */
    void respond(Message message, Reply reply, TraceContext trace, long receivedNanos) {
      micro.answered(System.nanoTime() - receivedNanos,
          reply.error() == null ? null : reply.error().number() + " " + reply.error().name() + ": "
              + reply.headers().getFirst(WireHeaders.SERVICE_ERROR));
      String replyTo = message.getReplyTo();
      if (replyTo == null) {
        return;
      }
      try {
        TraceContext context = trace != null ? trace : TraceContext.of(message.getHeaders());
        connection.publish(replyTo, context.replyHeaders(reply), reply.body());
      } catch (RuntimeException e) {
        LOG.debug("could not reply on {}", info.subject(), e);
      }
    }
  }

  // ------------------------------------------------------------------ lifecycle

  /** The connection the service uses. */
  public Connection connection() {
    return connection;
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
    try {
      accepting = false;
      List<Runnable> waiting = new ArrayList<>();
      workers.getQueue().drainTo(waiting);
      for (Runnable work : waiting) {
        ((Work) work).unavailable();
      }
      workers.shutdown();

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

      if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        LOG.warn("requests still running after {}; interrupting them", timeout);
        workers.shutdownNow();
        workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
      }

      discovery.stop();
      try {
        connection.flush(timeout);
      } catch (Exception e) {
        LOG.debug("flush on shutdown failed", e);
      }
      if (ownsConnection) {
        closeQuietly();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      workers.shutdownNow();
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
