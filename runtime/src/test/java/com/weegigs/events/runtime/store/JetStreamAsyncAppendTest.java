package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.store.JetStreamStoreFailuresTest.added;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The store's asynchronous append, which the service uses: the same answers as the synchronous
 * one, whether the acknowledgement settles it or the store's slower steps do.
 */
@NatsTest
class JetStreamAsyncAppendTest {
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private static final AggregateId C1 = new AggregateId("counter", "c-1");
  private static NatsServer server;
  private static Connection connection;

  @BeforeAll
  static void connect(NatsServer natsServer) {
    server = natsServer;
    connection = natsServer.connect();
  }

  private static JetStreamStoreConfig fresh() {
    return JetStreamStoreConfig.forService("async-" + STREAMS.incrementAndGet())
        .withStorage(JetStreamStoreConfig.Storage.MEMORY);
  }

  private static AppendResult appendAsync(JetStreamEventStore store, long expected, String messageId,
      List<RecordedEvent<?>> events) throws Exception {
    return store.appendAsync(COUNTER, C1, expected, messageId, events, CommandMessages.wireForms(COUNTER, events))
        .get(10, TimeUnit.SECONDS);
  }

  @Test
  void aWarmAppendIsStoredAndReadBackByAnotherInstance() throws Exception {
    JetStreamStoreConfig config = fresh();
    JetStreamEventStore store = JetStreamEventStore.open(connection, config);
    assertEquals(List.of(), store.load(COUNTER, C1, 0));

    List<RecordedEvent<?>> first = added(0, 2, "m-1");
    assertEquals(new AppendResult.Appended(first, 2), appendAsync(store, 0, "m-1", first));
    List<RecordedEvent<?>> second = added(2, 1, "m-2");
    assertEquals(new AppendResult.Appended(second, 3), appendAsync(store, 2, "m-2", second));

    JetStreamEventStore other = JetStreamEventStore.open(connection, config);
    assertEquals(List.of(1L, 2L, 3L), other.load(COUNTER, C1, 0).stream().map(RecordedEvent::revision).toList());
    assertEquals(first, other.recorded("m-1").orElseThrow());
  }

  @Test
  void anAppendThatAnotherWriterOvertookIsAConflictAtItsRevision() throws Exception {
    JetStreamStoreConfig config = fresh();
    JetStreamEventStore store = JetStreamEventStore.open(connection, config);
    assertEquals(List.of(), store.load(COUNTER, C1, 0));
    JetStreamEventStore other = JetStreamEventStore.open(connection, config);
    other.append(COUNTER, C1, 0, "theirs", added(0, 3, "theirs"));

    // the store still expects the empty subject it read: JetStream refuses the publish
    assertEquals(new AppendResult.Conflict(3), appendAsync(store, 0, "mine", added(0, 1, "mine")));
    assertEquals(3, store.revision(COUNTER, C1));
  }

  @Test
  void aRepeatThatAnotherInstanceStoredIsAnsweredFromTheDuplicateAcknowledgement() throws Exception {
    JetStreamStoreConfig config = fresh();
    JetStreamEventStore store = JetStreamEventStore.open(connection, config);
    List<RecordedEvent<?>> first = added(0, 2, "m-1");
    store.append(COUNTER, C1, 0, "m-1", first);
    long messages = connection.jetStreamManagement().getStreamInfo(config.streamName()).getStreamState().getMsgCount();

    // another instance that knows the aggregate at its revision runs the repeat as a new command:
    // JetStream de-duplicates its messageId and names the first message, whose events answer it
    JetStreamEventStore other = JetStreamEventStore.open(connection, config);
    assertEquals(2, other.load(COUNTER, C1, 0).size());
    assertEquals(new AppendResult.Duplicate(first), appendAsync(other, 2, "m-1", added(2, 1, "m-1")));
    assertEquals(messages,
        connection.jetStreamManagement().getStreamInfo(config.streamName()).getStreamState().getMsgCount());
  }

  @Test
  void anAppendWithoutAConnectionIsUnavailableAtOnce() throws Exception {
    Connection closing = server.connect();
    JetStreamEventStore store = JetStreamEventStore.open(closing, fresh());
    assertEquals(List.of(), store.load(COUNTER, C1, 0));
    closing.close();

    List<RecordedEvent<?>> events = added(0, 1, "m-1");
    assertThrows(EventStoreUnavailableException.class,
        () -> store.appendAsync(COUNTER, C1, 0, "m-1", events, CommandMessages.wireForms(COUNTER, events)));
  }
}
