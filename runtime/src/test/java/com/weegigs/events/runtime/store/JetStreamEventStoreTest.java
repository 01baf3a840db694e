package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The SPI's promises, kept by the JetStream store on a real nats-server (a new stream per test), and its own. */
@NatsTest
class JetStreamEventStoreTest extends EventStoreContract {
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private static Connection connection;

  @BeforeAll
  static void connect(NatsServer server) {
    connection = server.connect();
  }

  @Override
  protected EventStore newStore() {
    return JetStreamEventStore.open(connection, JetStreamStoreConfig.forService("contract-" + STREAMS.incrementAndGet())
        .withStorage(JetStreamStoreConfig.Storage.MEMORY));
  }

  @Test
  void aRepeatThatAnotherInstanceStoredIsCaughtByJetStreamAndStoresNothing() throws Exception {
    AggregateId id = new AggregateId("counter", "c-1");
    List<RecordedEvent<?>> first = added(id, 0, 2, "m1");
    store.append(COUNTER, id, 0, "m1", first);
    store.append(COUNTER, id, 2, "m2", added(id, 2, 1, "m2"));
    JetStreamStoreConfig config = ((JetStreamEventStore) store).config();
    long messages = connection.jetStreamManagement().getStreamInfo(config.streamName()).getStreamState().getMsgCount();

    // another instance knows nothing of m1; the aggregate has moved on from the revision the repeat expects
    JetStreamEventStore other = JetStreamEventStore.open(connection, config);
    assertEquals(new AppendResult.Duplicate(first), other.append(COUNTER, id, 0, "m1", added(id, 0, 1, "again")));
    assertEquals(new AppendResult.Duplicate(first), other.append(COUNTER, id, 3, "m1", added(id, 3, 1, "again")));
    assertEquals(messages,
        connection.jetStreamManagement().getStreamInfo(config.streamName()).getStreamState().getMsgCount());
    assertEquals(3, other.revision(COUNTER, id));
  }
}
