package com.weegigs.events.runtime.internal.telemetry;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.service.SpanDetail;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.metrics.DoubleHistogram;
import io.opentelemetry.api.metrics.LongCounter;
import io.opentelemetry.api.metrics.Meter;
import io.opentelemetry.api.metrics.MeterProvider;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanBuilder;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.api.trace.TracerProvider;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.context.propagation.TextMapPropagator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.slf4j.MDC;

/**
 * The runtime's one door to OpenTelemetry: its tracer, meter and propagator, the span and
 * attribute names (the OpenTelemetry messaging semantic conventions, {@code messaging.system =
 * nats}), the trace context in NATS headers, and the log correlation keys. The command core uses
 * only its transport-free part ({@link #startSpan}, {@link #aggregate}); the NATS side reads and
 * writes headers through it.
 *
 * <p>The lean path of the wire contract: a message carries a trace header only when there is a
 * trace to continue, that is when the context has a valid span that is sampled or was itself
 * continued from a caller, or baggage. With no SDK the tracer makes no spans, a caller's
 * {@code traceparent} is still continued (the W3C propagators are used when the configured ones
 * are no-ops), and nothing is added when there was none.
 */
public final class Telemetry {
  /** The instrumentation scope name of the runtime's spans and metrics. */
  public static final String SCOPE = "com.weegigs.events.runtime";
  /** The MDC key of the current trace id while a request or an event is handled. */
  public static final String MDC_TRACE_ID = "trace_id";
  /** The MDC key of the current span id while a request or an event is handled. */
  public static final String MDC_SPAN_ID = "span_id";

  public static final AttributeKey<String> MESSAGING_SYSTEM = AttributeKey.stringKey("messaging.system");
  public static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
  public static final AttributeKey<String> OPERATION_TYPE = AttributeKey.stringKey("messaging.operation.type");
  public static final AttributeKey<String> OPERATION_NAME = AttributeKey.stringKey("messaging.operation.name");
  public static final AttributeKey<Long> BODY_SIZE = AttributeKey.longKey("messaging.message.body.size");
  public static final AttributeKey<String> MESSAGE_ID = AttributeKey.stringKey("messaging.message.id");
  public static final AttributeKey<String> CONSUMER_GROUP = AttributeKey.stringKey("messaging.consumer.group.name");
  public static final AttributeKey<Long> BATCH_COUNT = AttributeKey.longKey("messaging.batch.message_count");
  public static final AttributeKey<String> ERROR_TYPE = AttributeKey.stringKey("error.type");
  public static final AttributeKey<Long> WIRE_CODE = AttributeKey.longKey("wee.error.code");
  public static final AttributeKey<String> SERVICE = AttributeKey.stringKey("wee.service");
  public static final AttributeKey<String> ENDPOINT = AttributeKey.stringKey("wee.endpoint");
  public static final AttributeKey<String> AGGREGATE = AttributeKey.stringKey("wee.aggregate");
  public static final AttributeKey<String> AGGREGATE_KEY = AttributeKey.stringKey("wee.aggregate.key");
  public static final AttributeKey<String> COMMAND = AttributeKey.stringKey("wee.command");
  public static final AttributeKey<String> EVENT_TYPE = AttributeKey.stringKey("wee.event.type");
  public static final AttributeKey<Long> REVISION = AttributeKey.longKey("wee.revision");
  public static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("wee.outcome");
  public static final AttributeKey<String> LOAD_SOURCE = AttributeKey.stringKey("wee.load.source");
  public static final AttributeKey<Long> EVENTS_REPLAYED = AttributeKey.longKey("wee.events.replayed");
  public static final AttributeKey<Long> EVENTS_APPENDED = AttributeKey.longKey("wee.events.appended");
  public static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("wee.attempt");
  public static final AttributeKey<String> CACHE_RESULT = AttributeKey.stringKey("wee.cache.result");
  public static final AttributeKey<Long> DELIVERY_COUNT = AttributeKey.longKey("wee.delivery.count");
  public static final AttributeKey<Long> STREAM_SEQUENCE = AttributeKey.longKey("wee.stream.sequence");
  public static final AttributeKey<String> RATE_LIMIT_SCOPE = AttributeKey.stringKey("wee.rate_limit.scope");
  public static final AttributeKey<String> CIRCUIT_BREAKER = AttributeKey.stringKey("wee.circuit_breaker");
  public static final AttributeKey<String> BREAKER_FROM = AttributeKey.stringKey("wee.circuit_breaker.from");
  public static final AttributeKey<String> BREAKER_STATE = AttributeKey.stringKey("wee.circuit_breaker.state");

  /** The outcome of a success, as {@code wee.outcome} says it. */
  public static final String OK = "OK";

  private static final TextMapPropagator W3C = TextMapPropagator.composite(
      W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance());
  private static final ErrorCode[] CODES = ErrorCode.values();

  /** Telemetry that records nothing (the OpenTelemetry no-op); a caller's trace context is still continued. */
  public static final Telemetry NOOP = new Telemetry(OpenTelemetry.noop(), SpanDetail.STEPS);

  private final Tracer tracer;
  /** Whether there is an SDK's tracer: without one no span is started at all. */
  private final boolean tracing;
  /** Whether a request's steps get spans of their own ({@link SpanDetail#STEPS}) or write to the request's. */
  private final boolean stepSpans;
  /** Whether spans or metrics go anywhere: without, a call takes the plain path. */
  private final boolean enabled;
  /** Whether measurements go anywhere: an SDK without a metric reader hands out no-op instruments. */
  private final boolean metrics;
  private final TextMapPropagator propagator;
  private final LongCounter serverRequests;
  private final DoubleHistogram serverDuration;
  private final LongCounter clientRequests;
  private final DoubleHistogram clientDuration;
  private final LongCounter conflicts;
  private final LongCounter retries;
  private final LongCounter replayed;
  private final DoubleHistogram rehydration;
  private final LongCounter cacheLookups;
  private final LongCounter redeliveries;
  private final LongCounter deadLetters;
  private final LongCounter rateLimited;
  private final LongCounter breakerTransitions;
  private final Map<String, Requests> clientCalls = new ConcurrentHashMap<>();
  /** The names of the runtime's own spans ({@code <operation> <name>}) by operation and name, made once. */
  private final Map<String, Map<String, String>> spanNames = new ConcurrentHashMap<>();
  private final Meter meter;

  private Telemetry(OpenTelemetry openTelemetry, SpanDetail spanDetail) {
    this.tracer = openTelemetry.getTracer(SCOPE);
    this.tracing = openTelemetry.getTracerProvider() != TracerProvider.noop();
    this.stepSpans = spanDetail == SpanDetail.STEPS;
    Meter meter = openTelemetry.getMeter(SCOPE);
    // an SDK's meter provider without a reader hands out the API's no-op meter
    this.metrics = openTelemetry.getMeterProvider() != MeterProvider.noop()
        && meter.getClass() != MeterProvider.noop().get(SCOPE).getClass();
    this.enabled = tracing || metrics;
    TextMapPropagator configured = openTelemetry.getPropagators().getTextMapPropagator();
    // without propagators (no SDK, or an SDK built without them) a caller's trace is still continued
    this.propagator = configured == TextMapPropagator.noop() ? W3C : configured;
    this.meter = meter;
    List<Double> buckets = List.of(0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0);
    this.serverRequests = meter.counterBuilder("wee.service.requests").setUnit("{request}")
        .setDescription("Requests a service answered, by endpoint and outcome").build();
    this.serverDuration = meter.histogramBuilder("wee.service.request.duration").setUnit("s")
        .setDescription("Time from a request's arrival to its reply, by endpoint and outcome")
        .setExplicitBucketBoundariesAdvice(buckets).build();
    this.clientRequests = meter.counterBuilder("wee.client.requests").setUnit("{request}")
        .setDescription("Requests a client sent and saw answered, by destination and outcome").build();
    this.clientDuration = meter.histogramBuilder("wee.client.request.duration").setUnit("s")
        .setDescription("Time from sending a request to its outcome, by destination and outcome")
        .setExplicitBucketBoundariesAdvice(buckets).build();
    this.conflicts = meter.counterBuilder("wee.command.conflicts").setUnit("{conflict}")
        .setDescription("Appends refused because another writer moved the aggregate on").build();
    this.retries = meter.counterBuilder("wee.command.retries").setUnit("{retry}")
        .setDescription("Commands run again after a conflict").build();
    this.replayed = meter.counterBuilder("wee.aggregate.events.replayed").setUnit("{event}")
        .setDescription("Events read from the store and folded into a state on load").build();
    this.rehydration = meter.histogramBuilder("wee.aggregate.rehydration.duration").setUnit("s")
        .setDescription("Time to rebuild a state from the store (snapshot and history), read and fold")
        .setExplicitBucketBoundariesAdvice(buckets).build();
    this.cacheLookups = meter.counterBuilder("wee.state_cache.lookups").setUnit("{lookup}")
        .setDescription("State cache lookups on load, by result (hit or miss)").build();
    this.redeliveries = meter.counterBuilder("wee.subscriber.redeliveries").setUnit("{delivery}")
        .setDescription("Stored commands a durable subscriber was delivered again (delivery count above 1)").build();
    this.deadLetters = meter.counterBuilder("wee.subscriber.dead_letters").setUnit("{message}")
        .setDescription("Stored commands a durable subscriber moved to its dead-letter subject").build();
    this.rateLimited = meter.counterBuilder("wee.service.rate_limited").setUnit("{request}")
        .setDescription("Requests refused with RATE_LIMITED, by the limit that refused them (caller, command, service)").build();
    this.breakerTransitions = meter.counterBuilder("wee.circuit_breaker.transitions").setUnit("{transition}")
        .setDescription("State changes of a circuit breaker, by breaker and the state it moved to").build();
  }

  /** The telemetry of {@code openTelemetry}, a span for each step; {@link #NOOP} for {@code null}. */
  public static Telemetry of(OpenTelemetry openTelemetry) {
    return of(openTelemetry, SpanDetail.STEPS);
  }

  /** The telemetry of {@code openTelemetry} with {@code spanDetail}; {@link #NOOP} for {@code null}. */
  public static Telemetry of(OpenTelemetry openTelemetry, SpanDetail spanDetail) {
    return openTelemetry == null ? NOOP : new Telemetry(openTelemetry, spanDetail);
  }

  // ------------------------------------------------------------------ trace context

  /** The context a received message carries (its parent span and baggage), or the root context. */
  public Context extract(Headers headers) {
    if (headers == null || headers.isEmpty()) {
      return Context.root();
    }
    return propagator.extract(Context.root(), headers, NatsHeaders.GETTER);
  }

  /** The context of a W3C {@code traceparent} given as a string, as if it had come in a header. */
  public Context fromTraceparent(String traceparent) {
    return W3C.extract(Context.root(), traceparent, (carrier, key) -> "traceparent".equals(key) ? carrier : null);
  }

  /** Whether {@code context} has a trace or baggage a caller sent (and so expects continued). */
  public static boolean carries(Context context) {
    return Span.fromContext(context).getSpanContext().isValid() || !Baggage.fromContext(context).isEmpty();
  }

  /**
   * Whether a message sent in {@code context} (whose parent was {@code parent}) carries trace
   * headers: when its span is sampled, or when it continues a trace or baggage it was given.
   */
  public static boolean propagates(Context context, Context parent) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    return (span.isValid() && span.isSampled()) || carries(parent);
  }

  /**
   * Adds the current trace context to the headers of a message the event store keeps
   * ({@code traceparent}, {@code tracestate}, {@code baggage}, always in the W3C form, whatever
   * propagators the service uses, since a subscriber may read it much later): when the current
   * span is sampled, or continues a caller's trace, or there is baggage. Nothing otherwise, so a
   * service without a trace stores no trace headers.
   */
  public static void store(Headers headers) {
    Context context = Context.current();
    SpanContext span = Span.fromContext(context).getSpanContext();
    if ((span.isValid() && (span.isSampled() || span.isRemote())) || !Baggage.fromContext(context).isEmpty()) {
      W3C.inject(context, headers, NatsHeaders.STORE_SETTER);
    }
  }

  /** The trace context a stored message keeps (see {@link #store}), or the root context. */
  public static Context stored(Headers headers) {
    if (headers == null || headers.isEmpty()) {
      return Context.root();
    }
    return W3C.extract(Context.root(), headers, NatsHeaders.GETTER);
  }

  /** Writes {@code context}'s trace headers into {@code headers} (open, not yet sealed); returns them. */
  public SealedHeaders inject(Context context, SealedHeaders headers) {
    propagator.inject(context, headers, NatsHeaders.SETTER);
    return headers;
  }

  // ------------------------------------------------------------------ spans

  /** Whether spans are made (an SDK's tracer); without, {@link #startSpan} gives the invalid span. */
  public boolean tracing() {
    return tracing;
  }

  /** Whether spans or metrics are recorded; without, callers may skip their telemetry altogether. */
  public boolean enabled() {
    return enabled;
  }

  /** Whether measurements are recorded (an SDK's meter provider with a reader); without, its instruments are no-ops. */
  public boolean metrics() {
    return metrics;
  }

  /** A span builder of the runtime's tracer. */
  public SpanBuilder span(String name, SpanKind kind, Context parent) {
    return tracer.spanBuilder(name).setSpanKind(kind).setParent(parent).setAttribute(MESSAGING_SYSTEM, "nats");
  }

  /**
   * Whether a span of a request's step made in {@code parent} by the runtime itself could be
   * recorded: only under a recording span, and only when steps get spans of their own
   * ({@link SpanDetail#STEPS}). The runtime's own spans (validate, load, handle, append, publish)
   * are children of the service's span, and a sampler that dropped that span drops its children
   * too (the SDK's default, parent-based); skipping them spares five spans per command when
   * nothing is sampled.
   */
  public boolean recordsUnder(Context parent) {
    return stepSpans && tracing && Span.fromContext(parent).isRecording();
  }

  /**
   * A span of the runtime's own work ({@code <operation> <name>}: load, handle, append, validate),
   * a child of the current span; the invalid span, costing nothing, without an SDK or when the
   * current span is not recorded. With {@link SpanDetail#REQUEST}, the current span itself, seen as
   * a step: what the step records goes onto it, and ending the step ends nothing.
   */
  public Span startSpan(String operation, String name) {
    if (!tracing) {
      return Span.getInvalid();
    }
    Span current = Span.current();
    if (!current.isRecording()) {
      return Span.getInvalid();
    }
    if (!stepSpans) {
      return new StepOnRequestSpan(current);
    }
    return tracer.spanBuilder(spanName(operation, name)).setSpanKind(SpanKind.INTERNAL).startSpan();
  }

  /** {@code <operation> <name>}, made once per pair rather than on every span. */
  private String spanName(String operation, String name) {
    if (name == null) {
      return operation + " null";
    }
    Map<String, String> names = spanNames.get(operation);
    if (names == null) {
      names = spanNames.computeIfAbsent(operation, o -> new ConcurrentHashMap<>());
    }
    String spanName = names.get(name);
    return spanName != null ? spanName : names.computeIfAbsent(name, n -> operation + " " + n);
  }

  /**
   * Makes {@code span} current; nothing to do for the invalid span, nor for a step recorded on the
   * request's span, which is current already.
   */
  public static Scope current(Span span) {
    return span == Span.getInvalid() || span instanceof StepOnRequestSpan ? Scope.noop() : span.makeCurrent();
  }

  /** The context of a span started in {@code parent}: {@code parent} itself when no span was started. */
  public static Context with(Context parent, Span span) {
    return span == Span.getInvalid() ? parent : parent.with(span);
  }

  /** Marks {@code span} failed with the wire contract's {@code code} and {@code message}. */
  public static void failed(Span span, ErrorCode code, String message) {
    span.setStatus(StatusCode.ERROR, message == null ? code.name() : message);
    span.setAttribute(ERROR_TYPE, code.name());
    span.setAttribute(WIRE_CODE, (long) code.number());
  }

  /** Marks {@code span} failed by an exception that is not a wire error. */
  public static void failed(Span span, Throwable error) {
    span.setStatus(StatusCode.ERROR, error.getClass().getSimpleName());
    span.setAttribute(ERROR_TYPE, error.getClass().getName());
    span.recordException(error);
  }

  /**
   * Makes {@code context} current and, when it has a valid span, puts its trace and span ids in the
   * SLF4J MDC ({@value #MDC_TRACE_ID}, {@value #MDC_SPAN_ID}) so every log line written meanwhile
   * correlates with the trace. Closing the scope restores what was there before.
   */
  public static Scope activate(Context context) {
    SpanContext span = Span.fromContext(context).getSpanContext();
    if (!span.isValid() && context == Context.current()) {
      // the common case without tracing: the root context on a thread that has none. OpenTelemetry's
      // thread-local storage would still store it and allocate a scope that puts back "none".
      return Scope.noop();
    }
    Scope scope = context.makeCurrent();
    if (!span.isValid()) {
      return scope;
    }
    String traceBefore = MDC.get(MDC_TRACE_ID);
    String spanBefore = MDC.get(MDC_SPAN_ID);
    MDC.put(MDC_TRACE_ID, span.getTraceId());
    MDC.put(MDC_SPAN_ID, span.getSpanId());
    return () -> {
      restore(MDC_TRACE_ID, traceBefore);
      restore(MDC_SPAN_ID, spanBefore);
      scope.close();
    };
  }

  private static void restore(String key, String value) {
    if (value == null) {
      MDC.remove(key);
    } else {
      MDC.put(key, value);
    }
  }

  // ------------------------------------------------------------------ metrics

  /** The request metrics of one service endpoint ({@code wee.service.*}). */
  public Requests serverRequests(String service, String endpoint) {
    return new Requests(serverRequests, serverDuration, Attributes.of(SERVICE, service, ENDPOINT, endpoint), null);
  }

  /** The request metrics of calls to {@code subject} ({@code wee.client.*}), kept per subject. */
  public Requests clientRequests(String subject) {
    return clientCalls.computeIfAbsent(subject,
        s -> new Requests(clientRequests, clientDuration, Attributes.of(DESTINATION, s, MESSAGING_SYSTEM, "nats"),
            "send " + s));
  }

  /**
   * Reports {@code waiting} as the gauge {@code wee.service.queue.depth} (requests admitted and
   * waiting for a worker) of {@code service}, read when metrics are collected.
   *
   * @return closes the gauge (when the service stops)
   */
  public AutoCloseable queueDepth(String service, LongSupplier waiting) {
    Attributes attributes = Attributes.of(SERVICE, service);
    return meter.gaugeBuilder("wee.service.queue.depth").ofLongs().setUnit("{request}")
        .setDescription("Requests admitted and waiting for a worker")
        .buildWithCallback(measurement -> measurement.record(waiting.getAsLong(), attributes));
  }

  /**
   * The metrics of one durable subscriber instance ({@code wee.subscriber.*}): redeliveries, dead
   * letters, and its lag as a gauge read from {@code pending} when metrics are collected.
   */
  public SubscriberMetrics subscriber(String service, String durable, String aggregate, LongSupplier pending) {
    Attributes attributes = Attributes.of(SERVICE, service, CONSUMER_GROUP, durable, AGGREGATE, aggregate);
    AutoCloseable lag = !enabled ? () -> { } : meter.gaugeBuilder("wee.subscriber.lag").ofLongs().setUnit("{message}")
        .setDescription("Stored commands the durable subscriber has not been delivered yet, as of its last delivery")
        .buildWithCallback(measurement -> measurement.record(pending.getAsLong(), attributes));
    return new SubscriberMetrics(this, attributes, lag);
  }

  /** The metrics of one aggregate type's commands and loads. */
  public AggregateMetrics aggregate(String service, String aggregate) {
    return new AggregateMetrics(this, Attributes.of(SERVICE, service, AGGREGATE, aggregate));
  }

  /** The rate-limit refusals of {@code service} ({@code wee.service.rate_limited}). */
  public RateLimitMetrics rateLimits(String service) {
    return new RateLimitMetrics(rateLimited, service);
  }

  /**
   * Records that circuit breaker {@code breaker} moved from state {@code from} to {@code to}: a
   * {@code circuit_breaker.state_change} event on the current span (the call whose outcome moved
   * it) and one count of {@code wee.circuit_breaker.transitions}.
   */
  public void breakerTransition(String breaker, String from, String to) {
    Attributes attributes = Attributes.of(CIRCUIT_BREAKER, breaker, BREAKER_STATE, to);
    breakerTransitions.add(1, attributes);
    Span.current().addEvent("circuit_breaker.state_change", attributes.toBuilder().put(BREAKER_FROM, from).build());
  }

  /** Counts the requests one service refused over a rate limit, by the limit's scope. */
  public static final class RateLimitMetrics {
    private final LongCounter count;
    private final Map<String, Attributes> byScope = new ConcurrentHashMap<>();
    private final String service;

    RateLimitMetrics(LongCounter count, String service) {
      this.count = count;
      this.service = service;
    }

    /** Counts one request refused by the {@code scope} limit ({@code caller}, {@code command}, {@code service}). */
    public void refused(String scope) {
      count.add(1, byScope.computeIfAbsent(scope, s -> Attributes.of(SERVICE, service, RATE_LIMIT_SCOPE, s)));
    }
  }

  /**
   * Counts and times requests of one destination by outcome; the attributes of every outcome are
   * built once, so recording allocates nothing.
   */
  public static final class Requests {
    private final LongCounter count;
    private final DoubleHistogram duration;
    private final Attributes[] byOutcome = new Attributes[CODES.length + 1];
    private final String spanName;

    Requests(LongCounter count, DoubleHistogram duration, Attributes base, String spanName) {
      this.spanName = spanName;
      this.count = count;
      this.duration = duration;
      byOutcome[0] = base.toBuilder().put(OUTCOME, OK).build();
      for (ErrorCode code : CODES) {
        byOutcome[code.ordinal() + 1] = base.toBuilder().put(OUTCOME, code.name()).build();
      }
    }

    /** The name of a client's span of a call here ({@code send <subject>}); {@code null} on the service side. */
    public String spanName() {
      return spanName;
    }

    /** Records one request answered with {@code error} ({@code null}: a success) after {@code nanos}. */
    public void record(ErrorCode error, long nanos) {
      Attributes attributes = byOutcome[error == null ? 0 : error.ordinal() + 1];
      count.add(1, attributes);
      duration.record(nanos / 1e9, attributes);
    }
  }

  /** The metrics of one aggregate type: conflicts, retries, events replayed, rehydration time, cache use. */
  public static final class AggregateMetrics {
    /** Records nothing: for a command core without telemetry. */
    public static final AggregateMetrics NONE = NOOP.aggregate("-", "-");

    private final Telemetry telemetry;
    private final Attributes attributes;
    private final Attributes hit;
    private final Attributes miss;

    AggregateMetrics(Telemetry telemetry, Attributes attributes) {
      this.telemetry = telemetry;
      this.attributes = attributes;
      this.hit = attributes.toBuilder().put(CACHE_RESULT, "hit").build();
      this.miss = attributes.toBuilder().put(CACHE_RESULT, "miss").build();
    }

    public void conflict() {
      telemetry.conflicts.add(1, attributes);
    }

    public void retry() {
      telemetry.retries.add(1, attributes);
    }

    public void replayed(int events) {
      if (events > 0) {
        telemetry.replayed.add(events, attributes);
      }
    }

    public void rehydrated(long nanos) {
      telemetry.rehydration.record(nanos / 1e9, attributes);
    }

    public void cache(boolean hitOrMiss) {
      telemetry.cacheLookups.add(1, hitOrMiss ? hit : miss);
    }
  }

  /** The metrics of one durable subscriber instance; closing it removes its lag gauge. */
  public static final class SubscriberMetrics implements AutoCloseable {
    private final Telemetry telemetry;
    private final Attributes attributes;
    private final AutoCloseable lag;

    SubscriberMetrics(Telemetry telemetry, Attributes attributes, AutoCloseable lag) {
      this.telemetry = telemetry;
      this.attributes = attributes;
      this.lag = lag;
    }

    public void redelivered() {
      telemetry.redeliveries.add(1, attributes);
    }

    public void deadLettered() {
      telemetry.deadLetters.add(1, attributes);
    }

    @Override
    public void close() {
      try {
        lag.close();
      } catch (Exception e) {
        // a gauge's close does not fail; nothing is left to undo if it did
      }
    }
  }
}
