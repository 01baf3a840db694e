package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.Principal;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.auth.AccessRules;
import com.weegigs.events.runtime.internal.auth.Authenticator;
import com.weegigs.events.runtime.internal.command.Answer;
import com.weegigs.events.runtime.internal.command.Deadline;
import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.store.StoreCircuitOpenException;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.service.EndpointKind;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.service.RequestInterceptor;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicIntegerFieldUpdater;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every request goes through, in this order, and the one place that order is written down.
 *
 * <p>On the endpoint's dispatcher thread ({@link #accept}):
 * <ol>
 *   <li><b>shutdown</b>: a service that is stopping answers {@code UNAVAILABLE};
 *   <li><b>payload limit</b>: a body over {@code LimitsConfig.maxPayloadBytes} is {@code PAYLOAD_TOO_LARGE};
 *   <li><b>admission</b>: no permit left ({@code maxInFlight + maxQueued}) is {@code UNAVAILABLE} at once;
 *       then the request runs inline (an endpoint that has proved fast) or is handed to a worker.
 * </ol>
 * On the thread that runs it ({@link Work#run}):
 * <ol start="4">
 *   <li><b>trace</b>: the service's span of the request, a child of the caller's W3C context when it
 *       sent one (which the reply and the events then carry on); current while the request runs, with
 *       its ids in the logging MDC;
 *   <li><b>deadline</b>: a malformed {@code Wee-Deadline} is {@code INVALID_REQUEST}, a passed one {@code TIMEOUT};
 *   <li><b>decode</b>: a body that is not the endpoint's request is {@code INVALID_REQUEST};
 *   <li><b>authentication</b> (commands and queries, when the service has an {@link Authenticator}): a
 *       missing or invalid bearer token is {@code UNAUTHENTICATED}; the verified {@link Principal} is
 *       the request's from here on (in the {@link RequestInterceptor}s' context, the command's
 *       {@code CommandContext} and its events' {@code userId});
 *   <li><b>rate limit</b>: a command or query over its caller's (the verified subject, else the
 *       connection), its command's or the service's limit
 *       ({@link com.weegigs.events.runtime.service.RateLimitConfig}) is {@code RATE_LIMITED} with
 *       {@code details.retryAfterMs} ({@link RateLimits});
 *   <li><b>roles</b> (the same requests): the command's or the aggregate's query {@code Access} rule,
 *       {@code FORBIDDEN} for a caller it does not allow, before the body is validated or the handler runs;
 *       when the service does not authenticate requests, a restricted command or query is
 *       {@code UNAUTHENTICATED} for every caller (nobody's role can be verified);
 *   <li><b>interceptors</b>: the user's {@link RequestInterceptor}s, in the order registered (further
 *       checks of their own); a {@link ServiceException} refuses the request with its error;
 *   <li><b>validation</b>: a command's constraints, {@code VALIDATION_FAILED} (in a span of its own);
 *   <li><b>execute</b>: the {@link com.weegigs.events.runtime.internal.command.CommandCore} runs the command
 *       (messageId de-duplication, lock, load, handler, append, retries) or the query; health answers;
 *   <li><b>reply</b>, then <b>publish</b> the events the command stored.
 * </ol>
 * Any other exception is logged and answered {@code INTERNAL} without its text; an unreachable
 * event store is {@code UNAVAILABLE}.
 *
 * <p>Where later features plug in: a store (JetStream) behind the
 * {@link com.weegigs.events.runtime.store.EventStore} SPI, reached only from the command core
 * (through its circuit breaker, {@link com.weegigs.events.runtime.internal.store.GuardedEventStore});
 * the built-in checks of the caller (authentication, rate limit, roles) as stages after decode;
 * further checks as interceptors; telemetry around {@link Work#run}, where
 * the span starts (stage 4), and in {@link Endpoint#respond}, where the reply is counted and sent.
 */
final class RequestPipeline {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");

  private final RequestInterceptor[] interceptors;
  /** The service's rate limits, or {@code null} when it has none. */
  private final RateLimits rateLimits;
  /** Verifies bearer tokens; {@code null} when the service does not authenticate requests. */
  private final Authenticator authenticator;
  private final Telemetry telemetry;
  private final Clock clock;
  private final int maxPayload;
  private final int maxQueued;
  private final Semaphore admission;
  /** Every admission permit: shutdown takes them all back once every admitted request has its reply. */
  private final int permits;
  private final ThreadPoolExecutor workers;
  private final Reply shuttingDown;
  private final Reply atCapacity;
  /** The service's name, for the answer to a restricted request when it does not authenticate requests. */
  private final String service;
  private volatile boolean accepting = true;
  private final AutoCloseable queueDepth;

  RequestPipeline(ServiceSettings settings, Telemetry telemetry, Authenticator authenticator) {
    this.interceptors = settings.interceptors().toArray(new RequestInterceptor[0]);
    this.rateLimits = RateLimits.of(settings.descriptor().name(), settings.rateLimit(), telemetry);
    this.authenticator = authenticator;
    this.telemetry = telemetry;
    this.clock = settings.clock();
    this.maxPayload = settings.limits().maxPayloadBytes();
    this.maxQueued = settings.concurrency().maxQueued();
    this.permits = settings.concurrency().maxInFlight() + settings.concurrency().maxQueued();
    this.admission = new Semaphore(permits);
    this.workers = workers(settings.descriptor().name(), settings.concurrency().maxInFlight());
    String service = settings.descriptor().name();
    this.shuttingDown = Reply.error(ErrorCode.UNAVAILABLE, "service " + service + " is shutting down");
    this.atCapacity = Reply.error(ErrorCode.UNAVAILABLE, "service " + service + " is at capacity; try again shortly");
    this.service = service;
    this.queueDepth = telemetry.queueDepth(service, () -> workers.getQueue().size());
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

  /** Stages 1 to 3, on the endpoint's dispatcher thread: the cheap checks, then run inline or hand to a worker. */
  void accept(Endpoint<?> endpoint, Message message) {
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
    Work work = new Work(endpoint, message, clock.millis(), receivedNanos);
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
   * Stops taking requests: new ones are refused, those still waiting for a worker are answered
   * {@code UNAVAILABLE}, and the worker pool finishes the running ones.
   */
  void stopAccepting() {
    accepting = false;
    closeQuietly(queueDepth);
    List<Runnable> waiting = new ArrayList<>();
    workers.getQueue().drainTo(waiting);
    for (Runnable work : waiting) {
      ((Work) work).unavailable();
    }
    workers.shutdown();
  }

  /**
   * Waits for running requests to finish, interrupting them after {@code timeout}, then for the
   * commands whose append was still under way when their thread let go (each holds its permit
   * until it is answered).
   */
  void awaitRunning(Duration timeout) throws InterruptedException {
    if (!workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("requests still running after {}; interrupting them", timeout);
      workers.shutdownNow();
      workers.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }
    if (!admission.tryAcquire(permits, timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      LOG.warn("commands still waiting for the event store after {}", timeout);
    }
  }

  /**
   * The request queue's health: {@code down} while shutting down, {@code degraded} while at
   * capacity (new requests are refused), else {@code ok}; the message says how many run and wait.
   */
  HealthCheck.Result queueHealth() {
    if (!accepting) {
      return HealthCheck.Result.down("shutting down");
    }
    String load = workers.getActiveCount() + " running, " + workers.getQueue().size() + " waiting for a worker, room for "
        + admission.availablePermits() + " more";
    return admission.availablePermits() == 0
        ? HealthCheck.Result.degraded("at capacity, new requests are refused: " + load)
        : HealthCheck.Result.ok(load);
  }

  /** Interrupts every running request at once (startup failed, or shutdown was interrupted). */
  void stopNow() {
    closeQuietly(queueDepth);
    workers.shutdownNow();
  }

  private static void closeQuietly(AutoCloseable gauge) {
    try {
      gauge.close();
    } catch (Exception e) {
      LOG.debug("closing the queue depth gauge failed", e);
    }
  }

  private static final AtomicIntegerFieldUpdater<Work> RELEASED =
      AtomicIntegerFieldUpdater.newUpdater(Work.class, "released");

  /**
   * One admitted request, and the {@link Answer} of the command it carries. It holds an admission
   * permit from the moment the dispatcher accepts it until its reply is about to be sent (or it
   * ends without one), so a caller that sends its next request as soon as it has the reply never
   * finds the permit still taken.
   */
  final class Work implements Runnable, Answer {
    final Endpoint<?> endpoint;
    final Message message;
    final long receivedAtMillis;
    final long receivedNanos;
    RequestTrace trace;
    /** The verified caller, once authenticated; {@code null} when the service does not authenticate. */
    Principal principal;
    volatile int released;
    /** Whether the command goes on after {@link #run} returns, and answers from another thread. */
    volatile boolean later;

    Work(Endpoint<?> endpoint, Message message, long receivedAtMillis, long receivedNanos) {
      this.endpoint = endpoint;
      this.message = message;
      this.receivedAtMillis = receivedAtMillis;
      this.receivedNanos = receivedNanos;
    }

    /** Answers this work's request (the first run of its command, or a repeat that waited for it). */
    @Override
    public void reply(Reply reply) {
      release();
      endpoint.respond(message, reply, trace, receivedNanos);
    }

    @Override
    public void publish(List<RecordedEvent<?>> events, byte[][] wireForms) {
      endpoint.publish(events, wireForms, trace);
    }

    @Override
    public void later() {
      later = true;
    }

    private void release() {
      if (RELEASED.compareAndSet(this, 0, 1)) {
        admission.release();
      }
    }

    /** Stages 4 to the reply. */
    @Override
    public void run() {
      long started = System.nanoTime();
      Context parent = telemetry.extract(message.getHeaders());
      byte[] data = message.getData();
      Span span = !telemetry.tracing() ? Span.getInvalid() : telemetry.span(endpoint.spanName, SpanKind.SERVER, parent)
          .setAttribute(Telemetry.DESTINATION, endpoint.subject)
          .setAttribute(Telemetry.OPERATION_TYPE, "process")
          .setAttribute(Telemetry.OPERATION_NAME, "process")
          .setAttribute(Telemetry.CONSUMER_GROUP, endpoint.queueGroup)
          .setAttribute(Telemetry.BODY_SIZE, data == null ? 0L : data.length)
          .setAttribute(Telemetry.SERVICE, endpoint.service)
          .startSpan();
      trace = new RequestTrace(telemetry, Telemetry.with(parent, span), span, Telemetry.carries(parent));
      try (Scope scope = Telemetry.activate(trace.context)) {
        stages(endpoint);
      } catch (ServiceException e) {
        reply(Reply.error(e));
      } catch (EventStoreUnavailableException e) {
        if (!(e instanceof StoreCircuitOpenException)) {
          LOG.warn("event store unavailable for a {} request on {}", endpoint.kindName(), endpoint.subject, e);
        }
        reply(Reply.storeUnavailable(e));
      } catch (RuntimeException | Error e) {
        LOG.error("{} request on {} failed unexpectedly", endpoint.kindName(), endpoint.subject, e);
        Telemetry.failed(span, e);
        reply(Reply.internalError(null));
      } finally {
        if (!later) {
          release();
        }
        endpoint.took(System.nanoTime() - started);
        span.end();
      }
    }

    private <R> void stages(Endpoint<R> endpoint) {
      Headers headers = message.getHeaders();
      Deadline deadline = Deadline.parse(headers == null ? null : headers.getFirst(WireHeaders.WEE_DEADLINE),
          WireHeaders.WEE_DEADLINE);
      deadline.check("before the request was started");
      R request = endpoint.decode(message.getData());
      if (authenticator != null && endpoint.kind != EndpointKind.HEALTH) {
        principal = authenticator.authenticate(
            headers == null ? null : headers.getIgnoreCase(WireHeaders.AUTHORIZATION));
      }
      if (rateLimits != null && endpoint.kind != EndpointKind.HEALTH) {
        rateLimits.check(endpoint.aggregateId(request).type(), endpoint.command(), message, principal);
      }
      if (principal != null) {
        AccessRules.check(endpoint.access(), principal, endpoint.accessName());
      } else if (authenticator == null) {
        AccessRules.checkUnauthenticated(endpoint.access(), service);
      }
      if (interceptors.length > 0) {
        NatsRequestContext context = new NatsRequestContext(endpoint, headers, endpoint.aggregateId(request), principal);
        for (RequestInterceptor interceptor : interceptors) {
          interceptor.intercept(context);
        }
      }
      if (endpoint.kind == EndpointKind.COMMAND) {
        validate(endpoint, request);
      }
      endpoint.execute(request, this, deadline);
    }

    private <R> void validate(Endpoint<R> endpoint, R request) {
      Span span = telemetry.startSpan("validate", endpoint.command());
      try (Scope scope = Telemetry.current(span)) {
        endpoint.validate(request);
      } catch (ServiceException e) {
        Telemetry.failed(span, e.code(), e.getMessage());
        throw e;
      } finally {
        span.end();
      }
    }

    void unavailable() {
      release();
      endpoint.respond(message, shuttingDown, null, receivedNanos);
    }
  }
}
