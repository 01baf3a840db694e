package com.weegigs.events.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.AggregateClient;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters.Reject;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.fixtures.TestTelemetry;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.ForwardingEventStore;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.sdk.metrics.data.HistogramPointData;
import io.opentelemetry.sdk.metrics.data.LongPointData;
import io.opentelemetry.sdk.metrics.data.MetricData;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

/** The runtime's metrics through the OpenTelemetry API, read with the SDK's in-memory reader. */
@NatsTest
class MetricsTest {
  private static final String ADD = "counters.command.counter.add";

  @Test
  void requestsConflictsLoadsAndCacheUseAreCounted(NatsServer server) throws Exception {
    // another writer slips in before the first append of counter c-1: one conflict, one retry
    AtomicBoolean disturbed = new AtomicBoolean();
    InMemoryEventStore events = new InMemoryEventStore();
    ForwardingEventStore store = new ForwardingEventStore(events) {
      @Override
      public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
          List<RecordedEvent<?>> appended) {
        if (!disturbed.getAndSet(true)) {
          RecordedEvent<?> first = appended.get(0);
          events.append(type, id, expectedRevision, "other-" + messageId, List.of(new RecordedEvent<>("other-event",
              id, first.type(), first.revision(), first.timestamp(), first.data(), first.metadata())));
        }
        return super.append(type, id, expectedRevision, messageId, appended);
      }
    };
    try (TestTelemetry telemetry = new TestTelemetry(); ServiceHarness harness = new ServiceHarness(server)) {
      harness.start(builder -> builder.withOpenTelemetry(telemetry.sdk()).withEventStore(store));
      try (ServiceClient client = ServiceClient.builder("counters").url(server.url())
          .withOpenTelemetry(telemetry.sdk()).build()) {
        AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
        AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT));
        AggregateClient.await(counters.send(Counters.ADD, "c-1", new Add(1), CallOptions.DEFAULT));
        assertThrows(CompletionException.class,
            () -> counters.send(Counters.REJECT, "c-1", new Reject(), CallOptions.DEFAULT).join());
      }

      Attributes addOk = Attributes.builder().put("wee.service", "counters").put("wee.endpoint", "command_counter_add")
          .put("wee.outcome", "OK").build();
      Attributes rejected = Attributes.builder().put("wee.service", "counters")
          .put("wee.endpoint", "command_counter_reject").put("wee.outcome", "REJECTED").build();
      assertEquals(2, sum(telemetry, "wee.service.requests", addOk));
      assertEquals(1, sum(telemetry, "wee.service.requests", rejected));
      assertEquals(2, histogram(telemetry, "wee.service.request.duration", addOk).getCount());
      assertEquals("s", metric(telemetry, "wee.service.request.duration").getUnit());

      Attributes clientOk = Attributes.builder().put("messaging.destination.name", ADD).put("messaging.system", "nats")
          .put("wee.outcome", "OK").build();
      assertEquals(2, sum(telemetry, "wee.client.requests", clientOk));
      assertEquals(2, histogram(telemetry, "wee.client.request.duration", clientOk).getCount());

      Attributes counter = Attributes.builder().put("wee.service", "counters").put("wee.aggregate", "counter").build();
      assertEquals(1, sum(telemetry, "wee.command.conflicts", counter));
      assertEquals(1, sum(telemetry, "wee.command.retries", counter));
      // the retry reloads the other writer's event; the second command finds the state cached
      assertEquals(1, sum(telemetry, "wee.aggregate.events.replayed", counter));
      assertEquals(2, sum(telemetry, "wee.state_cache.lookups", counter.toBuilder().put("wee.cache.result", "miss").build()));
      assertTrue(sum(telemetry, "wee.state_cache.lookups", counter.toBuilder().put("wee.cache.result", "hit").build()) >= 1);
      assertEquals(2, histogram(telemetry, "wee.aggregate.rehydration.duration", counter).getCount());
      // every request has been answered: none waits for a worker
      assertEquals(List.of(0L), metric(telemetry, "wee.service.queue.depth").getLongGaugeData().getPoints().stream()
          .filter(point -> point.getAttributes().equals(Attributes.of(AttributeKey.stringKey("wee.service"), "counters")))
          .map(LongPointData::getValue).toList());
    }
  }

  private static MetricData metric(TestTelemetry telemetry, String name) {
    return telemetry.metrics().stream().filter(metric -> metric.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError("no metric " + name + " in " + telemetry.metrics()));
  }

  private static long sum(TestTelemetry telemetry, String name, Attributes attributes) {
    return metric(telemetry, name).getLongSumData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(attributes)).mapToLong(LongPointData::getValue).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " with " + attributes + " in "
            + metric(telemetry, name).getLongSumData().getPoints()));
  }

  private static HistogramPointData histogram(TestTelemetry telemetry, String name, Attributes attributes) {
    return metric(telemetry, name).getHistogramData().getPoints().stream()
        .filter(point -> point.getAttributes().equals(attributes)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " with " + attributes));
  }
}
