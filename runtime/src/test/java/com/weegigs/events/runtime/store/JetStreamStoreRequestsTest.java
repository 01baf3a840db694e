package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.store.JetStreamStoreFailuresTest.added;
import static com.weegigs.events.runtime.store.JetStreamStoreFailuresTest.awaitSnapshot;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.internal.store.SnapshotKeeping.History;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What loads and appends ask JetStream: the requests to its API, seen by a subscriber of
 * {@code $JS.API.>} on another connection (publishes are not requests to the API).
 */
@NatsTest
class JetStreamStoreRequestsTest {
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private static final AggregateId C1 = new AggregateId("counter", "c-1");
  private static Connection connection;
  private static Connection spyConnection;
  private Subscription spy;

  @BeforeAll
  static void connect(NatsServer server) {
    connection = server.connect();
    spyConnection = server.connect();
  }

  @BeforeEach
  void listen() throws Exception {
    spy = spyConnection.subscribe("$JS.API.>");
    spyConnection.flush(Duration.ofSeconds(5));
  }

  @AfterEach
  void stopListening() {
    spy.unsubscribe();
  }

  private static JetStreamStoreConfig fresh(int snapshotInterval) {
    int n = STREAMS.incrementAndGet();
    return JetStreamStoreConfig.forService("requests-" + n)
        .withStorage(JetStreamStoreConfig.Storage.MEMORY)
        .withSnapshotInterval(snapshotInterval);
  }

  /** The subjects of the API requests made since the last call. */
  private List<String> requests() throws Exception {
    // the requests were answered, so the server routed them to the spy before it answers this flush
    spyConnection.flush(Duration.ofSeconds(5));
    List<String> subjects = new ArrayList<>();
    for (long i = spy.getPendingMessageCount(); i > 0; i--) {
      Message message = spy.nextMessage(Duration.ofSeconds(5));
      subjects.add(message.getSubject());
    }
    return subjects;
  }

  private static long toBucket(List<String> requests, String bucket) {
    return requests.stream().filter(subject -> subject.contains("KV_" + bucket)).count();
  }

  @Test
  void aNewAggregatesCommandCostsOneReadAndItsPublish() throws Exception {
    JetStreamEventStore store = JetStreamEventStore.open(connection, fresh(100));
    requests();

    History<Counter> history = store.history(COUNTER, C1);
    assertNull(history.snapshot());
    assertEquals(List.of(), history.events());
    assertEquals(1, requests().size(), "one get of the subject's last message");

    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 0, "m-1", added(0, 1, "m-1")));
    assertEquals(List.of(), requests(), "the append expects sequence 0 without asking");
  }

  @Test
  void aWarmAsynchronousAppendIsItsPublishAlone() throws Exception {
    JetStreamEventStore store = JetStreamEventStore.open(connection, fresh(100));
    store.history(COUNTER, C1);
    store.append(COUNTER, C1, 0, "m-1", added(0, 1, "m-1"));
    requests();

    List<RecordedEvent<?>> events = added(1, 1, "m-2");
    assertInstanceOf(AppendResult.Appended.class, store.appendAsync(COUNTER, C1, 1, "m-2", events,
        CommandMessages.wireForms(COUNTER, events)).get(10, TimeUnit.SECONDS));
    assertEquals(List.of(), requests(), "the append expects the sequence the last one was acknowledged at");
  }

  @Test
  void anEmptyReadIsRememberedForTheAppend() throws Exception {
    JetStreamEventStore store = JetStreamEventStore.open(connection, fresh(0));
    assertEquals(List.of(), store.load(COUNTER, C1, 0));
    requests();

    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 0, "m-1", added(0, 1, "m-1")));
    assertEquals(List.of(), requests());
  }

  @Test
  void aColdLoadBelowTheSnapshotIntervalSkipsTheSnapshotsBucket() throws Exception {
    JetStreamStoreConfig config = fresh(10);
    JetStreamEventStore writer = JetStreamEventStore.open(connection, config);
    writer.append(COUNTER, C1, 0, "m-1", added(0, 2, "m-1"));
    writer.append(COUNTER, C1, 2, "m-2", added(2, 1, "m-2"));
    writer.append(COUNTER, C1, 3, "m-3", added(3, 4, "m-3"));
    JetStreamEventStore reader = JetStreamEventStore.open(connection, config);
    requests();

    History<Counter> history = reader.history(COUNTER, C1);
    assertNull(history.snapshot());
    assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L), history.events().stream().map(RecordedEvent::revision).toList());
    assertEquals(0, toBucket(requests(), config.snapshotsBucket()));
    assertInstanceOf(AppendResult.Appended.class, reader.append(COUNTER, C1, 7, "m-4", added(7, 1, "m-4")));
    assertEquals(List.of(), requests(), "the read left the position for the append");
  }

  @Test
  void aColdLoadAtTheSnapshotIntervalReadsTheSnapshotAndOnlyTheEventsAfterIt() throws Exception {
    JetStreamStoreConfig config = fresh(2);
    JetStreamEventStore writer = JetStreamEventStore.open(connection, config);
    writer.append(COUNTER, C1, 0, "m-1", added(0, 2, "m-1"));
    writer.offer(COUNTER, C1, 2, new Counter("c-1", 1000));
    writer.append(COUNTER, C1, 2, "m-2", added(2, 1, "m-2"));
    connection.flush(Duration.ofSeconds(5));
    awaitSnapshot(JetStreamEventStore.open(connection, config));
    JetStreamEventStore reader = JetStreamEventStore.open(connection, config);
    requests();

    History<Counter> history = reader.history(COUNTER, C1);
    assertNotNull(history.snapshot());
    assertEquals(2, history.snapshot().revision());
    assertEquals(1000, history.snapshot().state().value());
    assertEquals(List.of(3L), history.events().stream().map(RecordedEvent::revision).toList());
    assertEquals(1, toBucket(requests(), config.snapshotsBucket()));
  }
}
