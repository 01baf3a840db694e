package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.internal.store.SnapshotKeeping;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Bad input and lost parts: incompatible streams, no JetStream, strangers' messages, deleted buckets, old snapshots. */
@NatsTest
class JetStreamStoreFailuresTest {
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final AggregateId C1 = new AggregateId("counter", "c-1");
  private static Connection connection;

  @BeforeAll
  static void connect(NatsServer server) {
    connection = server.connect();
  }

  private static JetStreamStoreConfig fresh() {
    int n = STREAMS.incrementAndGet();
    return JetStreamStoreConfig.forService("failures")
        .withStreamName("failures-" + n)
        .withSubjectPrefix("wee-store.failures-" + n)
        .withBuckets("failures-outcomes-" + n, "failures-snapshots-" + n)
        .withStorage(JetStreamStoreConfig.Storage.MEMORY);
  }

  /** {@code count} events of {@code c-1} after revision {@code after}, of command {@code messageId}. */
  static List<RecordedEvent<?>> added(long after, int count, String messageId) {
    List<RecordedEvent<?>> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(new RecordedEvent<>(messageId + "-" + i, C1, "added", after + i, AT, new Added(1),
          new EventMetadata("corr", messageId, null)));
    }
    return events;
  }

  @Test
  void anIncompatibleStreamIsRefusedNamingEachDifference() throws Exception {
    JetStreamStoreConfig config = fresh();
    connection.jetStreamManagement().addStream(StreamConfiguration.builder()
        .name(config.streamName())
        .subjects(config.subjectPrefix() + ".counter.>")
        .retentionPolicy(RetentionPolicy.Interest)
        .discardPolicy(DiscardPolicy.Old)
        .maxAge(Duration.ofHours(1))
        .storageType(StorageType.Memory)
        .build());
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> JetStreamEventStore.open(connection, config));
    String message = e.getMessage();
    for (String named : new String[] {config.streamName(), "subjects are [" + config.subjectPrefix() + ".counter.>]",
        "retention is Interest", "discard policy is Old", "max age is PT1H"}) {
      assertTrue(message.contains(named), () -> "'" + named + "' is not named in: " + message);
    }
  }

  @Test
  void aServerWithoutJetStreamIsNamedWithHowToEnableIt() {
    try (NatsServer plain = NatsServer.launchWithoutJetStream()) {
      Connection without = plain.connect();
      IllegalStateException e = assertThrows(IllegalStateException.class,
          () -> JetStreamEventStore.open(without, fresh()));
      assertTrue(e.getMessage().contains("has no JetStream") && e.getMessage().contains("-js")
          && e.getMessage().contains("jetstream {}"), e.getMessage());
      // a service told to store in JetStream refuses to start, with the same words
      IllegalStateException refused = assertThrows(IllegalStateException.class, () -> NatsService.builder(Counters.SERVICE)
          .natsUrl(plain.url())
          .aggregate(Counters.counterDefinition())
          .aggregate(Counters.accountDefinition())
          .withEventStore(JetStreamStoreConfig.forService("counters"))
          .start());
      assertTrue(refused.getMessage().contains("has no JetStream"), refused.getMessage());
    }
  }

  @Test
  void aStrangersMessageIsSkippedAndTheAggregateGoesOn() throws Exception {
    JetStreamStoreConfig config = fresh();
    JetStreamEventStore store = JetStreamEventStore.open(connection, config);
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 0, "m-1", added(0, 2, "m-1")));
    String subject = CommandMessages.subject(config.subjectPrefix(), C1);
    connection.jetStream().publish(subject, "garbage".getBytes(StandardCharsets.UTF_8));
    connection.jetStream().publish(subject, new Headers().put(CommandMessages.REVISIONS, "3-3"),
        "[{\"not\":\"an event\"}]".getBytes(StandardCharsets.UTF_8));

    // the store that wrote expects the old sequence, is refused, reads the subject and goes on
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 2, "m-2", added(2, 1, "m-2")));
    JetStreamEventStore other = JetStreamEventStore.open(connection, config);
    assertEquals(3, other.revision(COUNTER, C1));
    assertEquals(3, other.load(COUNTER, C1, 0).size());
    assertEquals(List.of(3L), other.load(COUNTER, C1, 2).stream().map(RecordedEvent::revision).toList());
    connection.jetStream().publish(subject, "more garbage".getBytes(StandardCharsets.UTF_8));
    assertEquals(3, other.revision(COUNTER, C1));
    assertInstanceOf(AppendResult.Conflict.class, other.append(COUNTER, C1, 2, "m-x", added(2, 1, "m-x")));
    assertInstanceOf(AppendResult.Appended.class, other.append(COUNTER, C1, 3, "m-3", added(3, 1, "m-3")));
    assertEquals(4, store.revision(COUNTER, C1));
  }

  @Test
  void deletedBucketsCostRepeatsAndSnapshotsButNeverEvents() throws Exception {
    JetStreamStoreConfig config = fresh().withSnapshotInterval(1);
    JetStreamEventStore store = JetStreamEventStore.open(connection, config);
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 0, "m-1", added(0, 1, "m-1")));
    connection.keyValueManagement().delete(config.outcomesBucket());
    connection.keyValueManagement().delete(config.snapshotsBucket());

    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 1, "m-2", added(1, 1, "m-2")));
    store.offer(COUNTER, C1, 2, new Counter("c-1", 2));
    assertEquals(2, store.revision(COUNTER, C1));
    assertNull(store.snapshot(COUNTER, C1));
    JetStreamEventStore other = JetStreamEventStore.open(connection, config.withStreamName(config.streamName()));
    // the other instance recreated the buckets; it knows no outcome of m-1, and still refuses it as a duplicate
    assertEquals(java.util.Optional.empty(), other.recorded("m-1"));
    assertInstanceOf(AppendResult.Duplicate.class, other.append(COUNTER, C1, 0, "m-1", added(0, 1, "m-1")));
  }

  @Test
  void aSnapshotOfAnotherShapeIsIgnoredAndOneOfThisShapeIsUsed() throws Exception {
    JetStreamStoreConfig config = fresh().withSnapshotInterval(2);
    JetStreamEventStore store = JetStreamEventStore.open(connection, config);
    store.append(COUNTER, C1, 0, "m-1", added(0, 2, "m-1"));
    store.offer(COUNTER, C1, 2, new Counter("c-1", 1000));
    connection.flush(Duration.ofSeconds(5));
    JetStreamEventStore reader = JetStreamEventStore.open(connection, config);
    SnapshotKeeping.Snapshot<Counter> snapshot = awaitSnapshot(reader);
    assertEquals(2, snapshot.revision());
    assertEquals(1000, snapshot.state().value());

    // the same snapshot read with another schema of the state: ignored
    var reshaped = com.weegigs.events.runtime.definition.AggregateType.<Counter, Object>builder(
            "counter", Counter.class, Counters.COUNTER_CODEC, "{\"type\":\"object\",\"required\":[\"id\",\"total\"]}")
        .event(Counters.ADDED)
        .build();
    assertNull(JetStreamEventStore.open(connection, config).snapshot(reshaped, C1));

    // what a snapshot holds that is not a snapshot: ignored too
    connection.keyValue(config.snapshotsBucket()).put("counter.c-1", "{\"revision\":2,\"state\":{}}".getBytes(StandardCharsets.UTF_8));
    assertNull(JetStreamEventStore.open(connection, config).snapshot(COUNTER, C1));
  }

  /** The snapshot of {@code c-1} once {@code store} reads one. */
  static SnapshotKeeping.Snapshot<Counter> awaitSnapshot(JetStreamEventStore store) throws InterruptedException {
    // the offer is published without waiting for its acknowledgement
    for (int i = 0; i < 200; i++) {
      SnapshotKeeping.Snapshot<Counter> snapshot = store.snapshot(COUNTER, C1);
      if (snapshot != null) {
        return snapshot;
      }
      Thread.sleep(10);
    }
    throw new AssertionError("the snapshot was never kept");
  }

  @Test
  void aServerThatIsDownMakesCallsUnavailableAtOnceAndServingResumes(NatsServer server) throws Exception {
    JetStreamStoreConfig config = fresh().withStorage(JetStreamStoreConfig.Storage.FILE);
    Connection own = server.connect();
    JetStreamEventStore store = JetStreamEventStore.open(own, config);
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 0, "m-1", added(0, 1, "m-1")));
    server.stop();
    try {
      awaitStatus(own, Connection.Status.CONNECTED, false);
      assertThrows(EventStoreUnavailableException.class, () -> store.append(COUNTER, C1, 1, "m-2", added(1, 1, "m-2")));
      assertThrows(EventStoreUnavailableException.class, () -> store.load(COUNTER, C1, 0));
      assertThrows(EventStoreUnavailableException.class, () -> store.revision(COUNTER, C1));
    } finally {
      server.start();
    }
    awaitStatus(own, Connection.Status.CONNECTED, true);
    JetStreamManagement jsm = own.jetStreamManagement();
    assertNotNull(awaitStream(jsm, config.streamName()));
    assertEquals(1, store.revision(COUNTER, C1));
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 1, "m-2", added(1, 1, "m-2")));
  }

  private static void awaitStatus(Connection connection, Connection.Status status, boolean is) throws InterruptedException {
    for (int i = 0; i < 1000 && (connection.getStatus() == status) != is; i++) {
      Thread.sleep(10);
    }
    assertEquals(is, connection.getStatus() == status, () -> "connection is " + connection.getStatus());
  }

  private static Object awaitStream(JetStreamManagement jsm, String stream) throws InterruptedException {
    // after a restart JetStream answers once it has recovered its streams
    for (int i = 0; i < 500; i++) {
      try {
        return jsm.getStreamInfo(stream);
      } catch (Exception notYet) {
        Thread.sleep(10);
      }
    }
    return null;
  }
}
