package com.weegigs.events.runtime.store;

import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;

/** The SPI's promises, kept by the JetStream store on a real nats-server (a new stream per test). */
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
}
