package com.weegigs.events.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.AggregateClient;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Account;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters.Open;
import com.weegigs.events.runtime.fixtures.Counters.Reject;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.service.SpanDetail;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.baggage.Baggage;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.data.LinkData;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import io.opentelemetry.sdk.trace.samplers.SamplingResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * Tracing end to end over a real nats-server, with the OpenTelemetry SDK's in-memory exporter: one
 * trace from a client call through the service to a live listener, calls made in a listener
 * continuing it, baggage, and the lean path (no header at all) without an SDK or when the sampler
 * drops the trace.
 */
@NatsTest
class TracingTest {
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final String ADD = "counters.command.counter.add";
  private static final String ADDED = "counters.events.counter.added";
  private static final String OPEN = "counters.command.account.open";
  private static final String OPENED = "counters.events.account.opened";

  private NatsServer server;
  private ServiceHarness harness;
  private final List<AutoCloseable> closing = new ArrayList<>();

  @BeforeEach
  void start(NatsServer server) {
    this.server = server;
    this.harness = new ServiceHarness(server);
  }

  @AfterEach
  void close() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
    harness.close();
  }

  private TestTelemetry telemetry(Sampler sampler) {
    TestTelemetry telemetry = new TestTelemetry(sampler);
    closing.add(0, telemetry);
    return telemetry;
  }

  private ServiceClient client(OpenTelemetry openTelemetry) {
    ServiceClient client = ServiceClient.builder("counters").url(server.url()).withOpenTelemetry(openTelemetry).build();
    closing.add(0, client);
    return client;
  }

  @Test
  void oneTraceGoesFromTheCallThroughTheServiceToALiveListener() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOn());
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()));
    AggregateClient<Counter, Object> counters = new AggregateClient<>(client(telemetry.sdk()), Counters.COUNTER);
    BlockingQueue<Map<String, String>> logged = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, event -> logged.add(Map.of(
        "trace_id", String.valueOf(MDC.get("trace_id")), "span_id", String.valueOf(MDC.get("span_id")))));

    Span caller = addUnderACallersSpan(telemetry, counters);

    SpanData listener = telemetry.awaitSpan("process " + ADDED, WAIT);
    SpanData send = telemetry.awaitSpan("send " + ADD, WAIT);
    SpanData process = telemetry.awaitSpan("process " + ADD, WAIT);
    SpanData publish = telemetry.awaitSpan("publish " + ADDED, WAIT);
    String trace = caller.getSpanContext().getTraceId();
    for (SpanData span : telemetry.spans()) {
      assertEquals(trace, span.getTraceId(), span.getName() + " is in the caller's trace");
    }

    assertEquals(SpanKind.CLIENT, send.getKind());
    assertEquals(caller.getSpanContext().getSpanId(), send.getParentSpanId());
    assertEquals("nats", attribute(send, "messaging.system"));
    assertEquals(ADD, attribute(send, "messaging.destination.name"));
    assertEquals("send", attribute(send, "messaging.operation.type"));

    assertEquals(SpanKind.SERVER, process.getKind());
    assertEquals(send.getSpanId(), process.getParentSpanId());
    assertEquals(ADD, attribute(process, "messaging.destination.name"));
    assertEquals("process", attribute(process, "messaging.operation.type"));
    assertEquals("q", attribute(process, "messaging.consumer.group.name"));
    assertEquals("m-1", attribute(process, "messaging.message.id"));
    assertTrue(process.getAttributes().get(AttributeKey.longKey("messaging.message.body.size")) > 0);

    for (String child : List.of("validate add", "load counter", "handle add", "append counter")) {
      SpanData span = telemetry.awaitSpan(child, WAIT);
      assertEquals(process.getSpanId(), span.getParentSpanId(), child + " is a child of the service's span");
      assertEquals(SpanKind.INTERNAL, span.getKind());
    }
    SpanData load = telemetry.awaitSpan("load counter", WAIT);
    assertEquals("history", attribute(load, "wee.load.source"));
    assertEquals(0L, load.getAttributes().get(AttributeKey.longKey("wee.events.replayed")));

    assertEquals(SpanKind.PRODUCER, publish.getKind());
    assertEquals(process.getSpanId(), publish.getParentSpanId());
    assertEquals(SpanKind.CONSUMER, listener.getKind());
    assertEquals(publish.getSpanId(), listener.getParentSpanId(), "the listener continues the trace of the command");
    assertEquals(attribute(publish, "messaging.message.id"), attribute(listener, "messaging.message.id"));

    Map<String, String> mdc = logged.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
    assertEquals(Map.of("trace_id", trace, "span_id", listener.getSpanId()), mdc, "the listener logs with the trace's ids");
  }

  @Test
  void withSpanDetailRequestTheServicesSpanCarriesItsStepsAndTheListenerContinuesIt() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOn());
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()).withSpanDetail(SpanDetail.REQUEST));
    AggregateClient<Counter, Object> counters = new AggregateClient<>(client(telemetry.sdk()), Counters.COUNTER);
    counters.subscribe(Counters.ADDED, event -> {});

    Span caller = addUnderACallersSpan(telemetry, counters);

    SpanData send = telemetry.awaitSpan("send " + ADD, WAIT);
    SpanData process = telemetry.awaitSpan("process " + ADD, WAIT);
    SpanData listener = telemetry.awaitSpan("process " + ADDED, WAIT);
    assertEquals(caller.getSpanContext().getSpanId(), send.getParentSpanId());
    assertEquals(send.getSpanId(), process.getParentSpanId());
    assertEquals(process.getSpanId(), listener.getParentSpanId(), "the event carries the service's span on");
    assertEquals(List.of("caller", "process " + ADD, "process " + ADDED, "send " + ADD),
        telemetry.spans().stream().map(SpanData::getName).sorted().toList(), "no span for a step");

    assertEquals(SpanKind.SERVER, process.getKind());
    assertEquals("m-1", attribute(process, "messaging.message.id"));
    assertEquals("add", attribute(process, "wee.command"), "handle's attributes");
    assertEquals(0L, process.getAttributes().get(AttributeKey.longKey("wee.revision")));
    assertEquals("history", attribute(process, "wee.load.source"), "load's attributes");
    assertEquals(0L, process.getAttributes().get(AttributeKey.longKey("wee.events.replayed")));
    assertEquals(1L, process.getAttributes().get(AttributeKey.longKey("wee.attempt")), "append's attributes");
    assertEquals(1L, process.getAttributes().get(AttributeKey.longKey("wee.events.appended")));
    assertEquals("counter", attribute(process, "wee.aggregate"));
  }

  @Test
  void withSpanDetailRequestAStepsFailureIsTheServicesSpans() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOn());
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()).withSpanDetail(SpanDetail.REQUEST));
    AggregateClient<Counter, Object> counters = new AggregateClient<>(client(telemetry.sdk()), Counters.COUNTER);

    CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        () -> counters.send(Counters.REJECT, "c-1", new Reject(), CallOptions.DEFAULT).join());
    assertTrue(failure.getCause() instanceof RejectedException, failure.toString());

    SpanData process = telemetry.awaitSpan("process counters.command.counter.reject", WAIT);
    assertEquals(StatusCode.ERROR, process.getStatus().getStatusCode());
    assertEquals("REJECTED", attribute(process, "error.type"));
    assertEquals("reject", attribute(process, "wee.command"));
    telemetry.awaitSpan("send counters.command.counter.reject", WAIT);
    assertEquals(List.of("process counters.command.counter.reject", "send counters.command.counter.reject"),
        telemetry.spans().stream().map(SpanData::getName).sorted().toList());
  }

  @Test
  void aCallMadeInAListenerContinuesTheTraceAndBaggageArrives() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOn());
    Map<String, String> seenByService = new ConcurrentHashMap<>();
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()).withInterceptor(request -> {
      seenByService.put(request.subject(), String.valueOf(Baggage.current().getEntryValue("tenant")));
      seenByService.put(request.subject() + " trace_id", String.valueOf(MDC.get("trace_id")));
    }));
    ServiceClient client = client(telemetry.sdk());
    AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
    AggregateClient<Account, Object> accounts = new AggregateClient<>(client, Counters.ACCOUNT);
    BlockingQueue<String> baggageInListener = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, event -> {
      baggageInListener.add(String.valueOf(Baggage.current().getEntryValue("tenant")));
      AggregateClient.await(accounts.send(Counters.OPEN, "a-1", new Open("ann"), CallOptions.DEFAULT));
    });

    Context withBaggage = Context.root().with(Baggage.builder().put("tenant", "acme").build());
    try (Scope scope = withBaggage.makeCurrent()) {
      AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT));
    }

    SpanData listener = telemetry.awaitSpan("process " + ADDED, WAIT);
    SpanData nested = telemetry.awaitSpan("send " + OPEN, WAIT);
    SpanData opened = telemetry.awaitSpan("process " + OPEN, WAIT);
    assertEquals(listener.getTraceId(), nested.getTraceId());
    assertEquals(listener.getSpanId(), nested.getParentSpanId(), "the call in the listener is a child of its span");
    assertEquals(nested.getSpanId(), opened.getParentSpanId());
    assertEquals("acme", baggageInListener.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));
    assertEquals("acme", seenByService.get(ADD), "the service sees the caller's baggage");
    assertEquals("acme", seenByService.get(OPEN), "and so does the call made in the listener");
    assertEquals(listener.getTraceId(), seenByService.get(OPEN + " trace_id"), "the service logs with the trace's ids");
  }

  @Test
  void anErrorReplySetsTheStatusOfTheSpansWithTheWireCode() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOn());
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()));
    AggregateClient<Counter, Object> counters = new AggregateClient<>(client(telemetry.sdk()), Counters.COUNTER);

    CompletionException failure = org.junit.jupiter.api.Assertions.assertThrows(CompletionException.class,
        () -> counters.send(Counters.REJECT, "c-1", new Reject(), CallOptions.DEFAULT).join());
    assertTrue(failure.getCause() instanceof RejectedException, failure.toString());

    for (String name : List.of("send counters.command.counter.reject", "process counters.command.counter.reject",
        "handle reject")) {
      SpanData span = telemetry.awaitSpan(name, WAIT);
      assertEquals(StatusCode.ERROR, span.getStatus().getStatusCode(), name);
      assertEquals("REJECTED", attribute(span, "error.type"), name);
      assertEquals(422L, span.getAttributes().get(AttributeKey.longKey("wee.error.code")), name);
    }
  }

  @Test
  void aVersionOneCallersTraceparentIsContinuedByTheServicesSpan() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOn());
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()));
    String traceId = "0af7651916cd43dd8448eb211c80319c";

    Message reply = harness.request(ADD, new Headers().put("traceparent", "00-" + traceId + "-b7ad6b7169203331-01"),
        ServiceHarness.utf8(ServiceHarness.command("counter", "c-1", "{\"amount\":1}", null)));

    SpanData process = telemetry.awaitSpan("process " + ADD, WAIT);
    assertEquals(traceId, process.getTraceId());
    assertEquals("b7ad6b7169203331", process.getParentSpanId());
    assertEquals("00-" + traceId + "-" + process.getSpanId() + "-01", reply.getHeaders().getFirst("traceparent"),
        "the reply carries the trace on, from the service's span");
  }

  @Test
  void withoutAnSdkNothingIsSentBeyondTheBodies() throws Exception {
    harness.start(builder -> builder.withOpenTelemetry(OpenTelemetry.noop()));
    assertNoTraceHeaders(client(OpenTelemetry.noop()));
  }

  @Test
  void whenTheSamplerDropsTheTraceNothingIsSentBeyondTheBodies() throws Exception {
    TestTelemetry telemetry = telemetry(Sampler.alwaysOff());
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()));
    assertNoTraceHeaders(client(telemetry.sdk()));
    assertEquals(List.of(), telemetry.spans(), "nothing sampled, nothing exported");
  }

  @Test
  void whenTheServicesSpanIsDroppedTheRuntimeMakesNoChildSpans() throws Exception {
    List<String> asked = new CopyOnWriteArrayList<>();
    Sampler dropAll = new Sampler() {
      @Override
      public SamplingResult shouldSample(Context parent, String traceId, String name, SpanKind kind,
          Attributes attributes, List<LinkData> links) {
        asked.add(name);
        return SamplingResult.drop();
      }

      @Override
      public String getDescription() {
        return "drops every span and notes its name";
      }
    };
    TestTelemetry telemetry = telemetry(dropAll);
    harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()));
    assertNoTraceHeaders(client(telemetry.sdk()));
    // the client's call, the service's handling and the live listener each decide for themselves;
    // validate, load, handle, append and publish would only be children of a dropped span
    assertEquals(List.of(), asked.stream().filter(name -> name.startsWith("validate ") || name.startsWith("load ")
        || name.startsWith("handle ") || name.startsWith("append ") || name.startsWith("publish ")).toList(),
        "spans asked about: " + asked);
    assertTrue(asked.contains("send " + ADD), "the client's call is sampled on its own: " + asked);
  }

  /** Sends a command and watches every message it causes: the request, the reply and the event carry no headers. */
  private void assertNoTraceHeaders(ServiceClient client) throws Exception {
    Connection tap = server.connect();
    closing.add(0, tap::close);
    Subscription all = tap.subscribe(">");
    tap.flush(WAIT);
    AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
    BlockingQueue<Added> events = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, event -> events.add(event.data()));

    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(3), CallOptions.DEFAULT));
    assertEquals(new Added(3), events.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS));

    Message request = null;
    Message reply = null;
    Message event = null;
    while (request == null || reply == null || event == null) {
      Message message = all.nextMessage(WAIT);
      assertNotNull(message, "the tap saw the request, the reply and the event");
      if (message.getSubject().equals(ADD)) {
        request = message;
      } else if (message.getSubject().equals(ADDED)) {
        event = message;
      } else if (message.getSubject().startsWith("_INBOX.")) {
        reply = message;
      }
    }
    for (Message message : List.of(request, reply, event)) {
      assertFalse(message.hasHeaders(), message.getSubject() + " has headers " + message.getHeaders());
    }
    assertNull(Baggage.current().getEntryValue("tenant"));
  }

  /** Adds 2 to counter {@code c-1} (message id {@code m-1}) inside a span of the test's own, {@code caller}, and returns it. */
  private static Span addUnderACallersSpan(TestTelemetry telemetry, AggregateClient<Counter, Object> counters) {
    Span caller = telemetry.sdk().getTracer("test").spanBuilder("caller").startSpan();
    try (Scope scope = caller.makeCurrent()) {
      AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(2), CallOptions.DEFAULT.withMessageId("m-1")));
    } finally {
      caller.end();
    }
    return caller;
  }

  private static String attribute(SpanData span, String key) {
    return span.getAttributes().get(AttributeKey.stringKey(key));
  }
}
