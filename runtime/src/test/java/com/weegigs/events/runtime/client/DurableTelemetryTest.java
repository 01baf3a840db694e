package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.runtime.service.SpanDetail;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.api.MessageInfo;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import io.opentelemetry.sdk.trace.data.SpanData;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.slf4j.MDC;

/**
 * The trace context stored with every command on JetStream, the durable subscriber's spans that
 * continue it, and the subscriber's metrics, over a real nats-server with the SDK's in-memory
 * exporters.
 */
@NatsTest
class DurableTelemetryTest {
  private static final Duration WAIT = ServiceHarness.TIMEOUT;
  private static final AtomicInteger STREAMS = new AtomicInteger();

  private final NatsServer server;
  private final ServiceHarness harness;
  private final JetStreamStoreConfig store;
  private final List<AutoCloseable> closing = new ArrayList<>();

  DurableTelemetryTest(NatsServer server) {
    this.server = server;
    this.harness = new ServiceHarness(server);
    int n = STREAMS.incrementAndGet();
    this.store = JetStreamStoreConfig.forService("counters")
        .withStreamName("traced-" + n)
        .withSubjectPrefix("wee-store.traced-" + n)
        .withBuckets("traced-outcomes-" + n, "traced-snapshots-" + n)
        .withStorage(JetStreamStoreConfig.Storage.MEMORY);
  }

  @AfterEach
  void stop() throws Exception {
    for (AutoCloseable closeable : closing) {
      closeable.close();
    }
    harness.close();
  }

  private AggregateClient<Counter, Object> counters(OpenTelemetry openTelemetry) {
    ServiceClient client = ServiceClient.builder("counters").url(server.url()).withOpenTelemetry(openTelemetry).build();
    closing.add(0, client);
    return new AggregateClient<>(client, Counters.COUNTER);
  }

  private MessageInfo storedCommand(String key) throws Exception {
    Connection connection = server.connect();
    try {
      return connection.jetStreamManagement()
          .getLastMessage(store.streamName(), store.subjectPrefix() + ".counter." + key);
    } finally {
      connection.close();
    }
  }

  @Test
  void withOneSpanPerRequestTheStoredCommandCarriesTheServicesSpanToADurableSubscriber() throws Exception {
    TestTelemetry telemetry = new TestTelemetry();
    closing.add(telemetry);
    harness.start(builder -> builder.withEventStore(store).withOpenTelemetry(telemetry.sdk())
        .withSpanDetail(SpanDetail.REQUEST));
    AggregateClient<Counter, Object> counters = counters(telemetry.sdk());

    AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(3), CallOptions.DEFAULT.withMessageId("m-1")));
    SpanData process = telemetry.awaitSpan("process counters.command.counter.add", WAIT);
    String traceparent = storedCommand("c-1").getHeaders().getFirst("traceparent");
    assertNotNull(traceparent, "the stored command keeps the trace context");
    assertTrue(traceparent.startsWith("00-" + process.getTraceId() + "-" + process.getSpanId() + "-"),
        "of the service's span, there being no append span: " + traceparent);

    counters.subscribeDurable(DurableSubscriptionConfig.named("audit").withStore(store), Counters.ADDED,
        (event, delivery) -> {});
    SpanData consumed = telemetry.awaitSpan("process " + store.subjectPrefix() + ".counter.*", WAIT);
    assertEquals(process.getSpanId(), consumed.getParentSpanId(), "the service's span is the subscriber's parent");
    assertEquals(process.getSpanId(), consumed.getLinks().get(0).getSpanContext().getSpanId(), "and its link");
    assertTrue(telemetry.spans().stream().noneMatch(span -> span.getName().startsWith("append ")),
        "no span for a step: " + telemetry.spans());
  }

  @Test
  void aDurableSubscriberContinuesTheTraceOfTheCommandStoredWithItsEvents() throws Exception {
    TestTelemetry telemetry = new TestTelemetry();
    closing.add(telemetry);
    harness.start(builder -> builder.withEventStore(store).withOpenTelemetry(telemetry.sdk()));
    AggregateClient<Counter, Object> counters = counters(telemetry.sdk());

    Span caller = telemetry.sdk().getTracer("test").spanBuilder("caller").startSpan();
    try (Scope scope = caller.makeCurrent()) {
      AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(3), CallOptions.DEFAULT.withMessageId("m-1")));
    } finally {
      caller.end();
    }
    SpanData append = telemetry.awaitSpan("append counter", WAIT);
    MessageInfo stored = storedCommand("c-1");
    String traceparent = stored.getHeaders().getFirst("traceparent");
    assertNotNull(traceparent, "the stored command keeps the append's trace context");
    assertTrue(traceparent.startsWith("00-" + append.getTraceId() + "-" + append.getSpanId() + "-"), traceparent);

    // the subscriber starts after the command: a replay, which the stored context still links to
    BlockingQueue<String> logged = new LinkedBlockingQueue<>();
    AtomicInteger calls = new AtomicInteger();
    counters.subscribeDurable(DurableSubscriptionConfig.named("audit").withStore(store)
        .withBackoff(Duration.ofMillis(10)), Counters.ADDED, (event, delivery) -> {
          if (calls.incrementAndGet() == 1) {
            throw new IllegalStateException("not yet");
          }
          logged.add(String.valueOf(MDC.get("trace_id")));
        });
    String name = "process " + store.subjectPrefix() + ".counter.*";
    SpanData failed = telemetry.awaitSpan(span -> span.getName().equals(name)
        && span.getAttributes().get(AttributeKey.longKey("wee.delivery.count")) == 1L, "first delivery", WAIT);
    SpanData processed = telemetry.awaitSpan(span -> span.getName().equals(name)
        && span.getAttributes().get(AttributeKey.longKey("wee.delivery.count")) == 2L, "second delivery", WAIT);

    assertEquals(StatusCode.ERROR, failed.getStatus().getStatusCode());
    assertEquals(StatusCode.UNSET, processed.getStatus().getStatusCode());
    for (SpanData span : List.of(failed, processed)) {
      assertEquals(SpanKind.CONSUMER, span.getKind());
      assertEquals(caller.getSpanContext().getTraceId(), span.getTraceId(), "the subscriber is in the caller's trace");
      assertEquals(append.getSpanId(), span.getParentSpanId(), "the command's append is its parent");
      assertEquals(1, span.getLinks().size());
      assertEquals(append.getSpanId(), span.getLinks().get(0).getSpanContext().getSpanId(), "and its link");
      Attributes attributes = span.getAttributes();
      assertEquals("nats", attributes.get(AttributeKey.stringKey("messaging.system")));
      assertEquals("process", attributes.get(AttributeKey.stringKey("messaging.operation.type")));
      assertEquals("audit", attributes.get(AttributeKey.stringKey("messaging.consumer.group.name")));
      assertEquals(store.subjectPrefix() + ".counter.c-1", attributes.get(AttributeKey.stringKey("messaging.destination.name")));
      assertEquals("m-1", attributes.get(AttributeKey.stringKey("messaging.message.id")));
      assertEquals(1L, attributes.get(AttributeKey.longKey("messaging.batch.message_count")));
    }
    assertEquals(caller.getSpanContext().getTraceId(), logged.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS),
        "the listener logs with the trace's ids");

    assertEquals(1L, sum(telemetry, "wee.subscriber.redeliveries"));
    assertTrue(reported(telemetry, "wee.subscriber.lag"));
    assertEquals(0L, sum(telemetry, "wee.subscriber.lag"), "nothing is left to deliver");
  }

  @Test
  void aDeadLetterIsCounted() throws Exception {
    TestTelemetry telemetry = new TestTelemetry();
    closing.add(telemetry);
    harness.start(builder -> builder.withEventStore(store).withOpenTelemetry(telemetry.sdk()));
    AggregateClient<Counter, Object> counters = counters(telemetry.sdk());
    AggregateClient.await(counters.send(Counters.ADD, "c-2", new Add(1), CallOptions.DEFAULT));

    counters.subscribeDurable(DurableSubscriptionConfig.named("broken").withStore(store).withMaxDeliveries(1),
        Counters.ADDED, (event, delivery) -> {
          throw new IllegalStateException("never");
        });
    // the span ends once the command is dead-lettered
    telemetry.awaitSpan("process " + store.subjectPrefix() + ".counter.*", WAIT);
    assertEquals(1L, sum(telemetry, "wee.subscriber.dead_letters"));
    assertEquals(0L, sum(telemetry, "wee.subscriber.redeliveries"));
  }

  @Test
  void withoutAnSdkTheStoredCommandHasNoTraceHeaders() throws Exception {
    harness.start(builder -> builder.withEventStore(store).withOpenTelemetry(OpenTelemetry.noop()));
    AggregateClient<Counter, Object> counters = counters(OpenTelemetry.noop());
    AggregateClient.await(counters.send(Counters.ADD, "c-3", new Add(1), CallOptions.DEFAULT));

    MessageInfo stored = storedCommand("c-3");
    assertNotNull(stored.getHeaders().getFirst("Wee-Revisions"));
    for (String header : ServiceHarness.TRACE_HEADERS) {
      assertNull(stored.getHeaders().get(header), header + " is not stored without a trace");
    }
  }

  private static boolean reported(TestTelemetry telemetry, String metric) {
    return telemetry.metrics().stream().anyMatch(data -> data.getName().equals(metric));
  }

  /** The sum of a metric's points; 0 when nothing was recorded. */
  private static long sum(TestTelemetry telemetry, String metric) {
    long total = 0;
    for (MetricData data : telemetry.metrics()) {
      if (data.getName().equals(metric)) {
        for (Object point : data.getData().getPoints()) {
          total += ((LongPointData) point).getValue();
        }
      }
    }
    return total;
  }
}
