package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsTest
class EventSubscriptionTest {
  private static final String ADDED_SUBJECT = "counters.events.counter.added";

  private Connection publisher;
  private ServiceClient client;
  private AggregateClient<Counter, Object> counters;

  @BeforeEach
  void connect(NatsServer server) {
    publisher = server.connect();
    client = ServiceClient.create(server.connect(), "counters");
    counters = new AggregateClient<>(client, Counters.COUNTER);
  }

  @AfterEach
  void close() {
    client.close();
  }

  @Test
  void deliversTypedEventsPublishedOnTheEventSubject() throws Exception {
    BlockingQueue<RecordedEvent<Added>> received = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, received::add);

    publish("c-1", 1, 5);

    RecordedEvent<Added> event = next(received);
    assertEquals(new Added(5), event.data());
    assertEquals(new AggregateId("counter", "c-1"), event.aggregate());
    assertEquals(1, event.revision());
    assertEquals("cause-1", event.metadata().causationId());
  }

  @Test
  void aListenerThatThrowsIsLoggedAndTheSubscriptionGoesOn() throws Exception {
    BlockingQueue<RecordedEvent<Added>> received = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, event -> {
      received.add(event);
      if (event.revision() == 1) {
        throw new IllegalStateException("listener bug");
      }
    });

    publish("c-1", 1, 1);
    publish("c-1", 2, 2);

    assertEquals(1, next(received).revision());
    assertEquals(2, next(received).revision());
  }

  @Test
  void aMessageThatIsNotAnEventIsSkippedAndTheSubscriptionGoesOn() throws Exception {
    BlockingQueue<RecordedEvent<Added>> received = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, received::add);

    publisher.publish(ADDED_SUBJECT, "not json".getBytes(StandardCharsets.UTF_8));
    publish("c-1", 7, 1);

    assertEquals(7, next(received).revision());
  }

  @Test
  void subscribeAllReceivesEveryEventOfTheAggregateTypeAndNoOther() throws Exception {
    BlockingQueue<RecordedEvent<Object>> received = new LinkedBlockingQueue<>();
    counters.subscribeAll(received::add);

    RecordedEvent<Counters.Opened> opened = new RecordedEvent<>("e-o", new AggregateId("account", "a-1"), "opened", 1,
        Instant.now(), new Counters.Opened("ann"), new EventMetadata(null, null, null));
    publisher.publish("counters.events.account.opened", RecordedEvents.encodeRecordedEvent(Counters.ACCOUNT, opened));
    publish("c-2", 4, 3);

    RecordedEvent<Object> event = next(received);
    assertEquals(new Added(3), event.data());
    assertEquals(4, event.revision());
    // One publisher's messages arrive in order: the account's event, sent first, would have come first.
    assertTrue(received.isEmpty(), "nothing but the counter's event: " + received);
  }

  @Test
  void closeDeliversWhatWasReceivedThenStops() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    BlockingQueue<Long> handled = new LinkedBlockingQueue<>();
    EventSubscription subscription = counters.subscribe(Counters.ADDED, event -> {
      release.await(10, TimeUnit.SECONDS);
      handled.add(event.revision());
    });
    for (long revision = 1; revision <= 3; revision++) {
      publish("c-3", revision, 1);
    }
    publisher.flush(Duration.ofSeconds(5));

    Thread closer = new Thread(subscription::close);
    closer.start();
    // Release the listener only once close has begun, so the events still queued must be drained.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while (subscription.isActive() && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertFalse(subscription.isActive());
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(20));

    assertFalse(closer.isAlive());
    assertEquals(List.of(1L, 2L, 3L), List.copyOf(handled));
    handled.clear();
    // A later subscription on the same connection receiving the next event shows it reached the
    // client: the closed subscription, whose dispatcher is gone, must not have handled it.
    BlockingQueue<RecordedEvent<Added>> later = new LinkedBlockingQueue<>();
    counters.subscribe(Counters.ADDED, later::add);
    publish("c-3", 4, 1);
    assertEquals(4, next(later).revision());
    assertTrue(handled.isEmpty(), "the closed subscription handled " + handled);
  }

  /** Closing the client drains its subscriptions side by side: one slow listener does not hold up the others. */
  @Test
  void closingTheClientStartsEveryDrainAtOnce() throws Exception {
    CountDownLatch release = new CountDownLatch(1);
    CountDownLatch entered = new CountDownLatch(2);
    EventListener<Added> blocking = event -> {
      entered.countDown();
      release.await(10, TimeUnit.SECONDS);
    };
    EventSubscription first = counters.subscribe(Counters.ADDED, blocking);
    EventSubscription second = counters.subscribe(Counters.ADDED, blocking);
    publish("c-5", 1, 1);
    assertTrue(entered.await(10, TimeUnit.SECONDS), "both listeners got the event");

    Thread closer = new Thread(client::close);
    closer.start();
    // Both listeners are still blocked: a close that drained one subscription after the other
    // would not even have begun with the second.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
    while ((first.isActive() || second.isActive()) && System.nanoTime() < deadline) {
      Thread.sleep(5);
    }
    assertFalse(first.isActive());
    assertFalse(second.isActive());
    release.countDown();
    closer.join(TimeUnit.SECONDS.toMillis(20));
    assertFalse(closer.isAlive());
  }

  @Test
  void aSubscriptionMadeAsTheClientClosesIsClosedWithIt() {
    client.close();
    assertFalse(client.subscriptions().track(new EventSubscription() {
      @Override
      public String subject() {
        return ADDED_SUBJECT;
      }

      @Override
      public boolean isActive() {
        return true;
      }

      @Override
      public void close() {}
    }), "a closed client tells the subscription to close itself");
    assertThrows(IllegalStateException.class, () -> counters.subscribe(Counters.ADDED, event -> {}));
  }

  @Test
  void anEventOfAnotherAggregateIsAProgrammingError() {
    assertThrows(IllegalArgumentException.class, () -> counters.subscribe(Counters.OPENED, event -> {}));
  }

  private void publish(String key, long revision, long amount) {
    RecordedEvent<Added> event = new RecordedEvent<>("e-" + key + "-" + revision, new AggregateId("counter", key), "added",
        revision, Instant.now(), new Added(amount), new EventMetadata("corr-1", "cause-1", null));
    publisher.publish(ADDED_SUBJECT, RecordedEvents.encodeRecordedEvent(Counters.COUNTER, event));
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(10, TimeUnit.SECONDS);
    assertNotNull(item, "no event arrived");
    return item;
  }
}
