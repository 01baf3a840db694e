package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@NatsTest
class ReconnectTest {

  @Test
  void aClientBuiltFromAUrlReconnectsAfterTheServerRestartsAndKeepsItsSubscriptions(NatsServer server) throws Exception {
    Connection serviceSide = server.connect();
    Responder.answering(serviceSide, "counters.query.counter.get", request -> {
      AggregateId id = Requests.decodeQueryRequest(request.getData(), "counter");
      return Responder.ok(EntityReplies.encodeEntity(Counters.COUNTER, new Entity<>(id, 1, new Counter(id.key(), 1)), null));
    });
    try (ServiceClient client = ServiceClient.builder("counters").url(server.url()).build()) {
      AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
      BlockingQueue<RecordedEvent<Added>> received = new LinkedBlockingQueue<>();
      counters.subscribe(Counters.ADDED, received::add);
      assertEquals(1, AggregateClient.await(counters.get("c-1", CallOptions.DEFAULT)).revision());

      server.restart();
      awaitConnected(serviceSide);
      awaitConnected(client.connection());

      CallOptions patient = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(20));
      Entity<Counter> entity = AggregateClient.await(counters.get("c-2", patient));
      assertEquals(new Counter("c-2", 1), entity.state());
      RecordedEvent<Added> event = new RecordedEvent<>("e-1", new AggregateId("counter", "c-2"), "added", 2,
          Instant.now(), new Added(1), new EventMetadata(null, null, null));
      serviceSide.publish("counters.events.counter.added", RecordedEvents.encodeRecordedEvent(Counters.COUNTER, event));
      RecordedEvent<Added> delivered = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(delivered, "the subscription did not survive the restart");
      assertEquals("e-1", delivered.id());
    }
  }

  @Test
  void aCallThatTimesOutWhileTheServerIsDownIsUnavailable(NatsServer server) {
    try (ServiceClient client = ServiceClient.builder("counters").url(server.url()).build()) {
      AggregateClient<Counter, Object> counters = new AggregateClient<>(client, Counters.COUNTER);
      server.stop();

      UnavailableException failure = assertThrows(UnavailableException.class, () -> AggregateClient.await(
          counters.get("c-1", CallOptions.DEFAULT.withTimeout(Duration.ofMillis(500)))));

      assertTrue(failure.getMessage().contains("connection is"), failure.getMessage());
    }
  }

  @Test
  void buildingAClientForAnAddressWhereNothingListensIsUnavailable(NatsServer server) {
    String url = server.url();
    server.stop();

    UnavailableException failure = assertThrows(UnavailableException.class,
        () -> ServiceClient.builder("counters").url(url).build());

    assertTrue(failure.getMessage().contains(url), failure.getMessage());
  }

  private static void awaitConnected(Connection connection) throws InterruptedException {
    // Bounded: jnats retries every 100-250 ms; 30 s allows for a very slow machine.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (connection.getStatus() != Connection.Status.CONNECTED && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(Connection.Status.CONNECTED, connection.getStatus());
  }
}
