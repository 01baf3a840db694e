package com.weegigs.events.testing;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Opens connections for a server or cluster and closes them all when it is closed. */
final class ConnectionTracker {
  private final List<Connection> connections = new CopyOnWriteArrayList<>();

  /** Default options for tests: reconnect forever, quickly, so connections survive restarts. */
  static Options.Builder defaultOptions() {
    return new Options.Builder()
        .connectionTimeout(Duration.ofSeconds(5))
        .maxReconnects(-1)
        .reconnectWait(Duration.ofMillis(100));
  }

  Connection connect(Options.Builder builder, List<String> urls, String description) {
    builder.servers(urls.toArray(String[]::new));
    try {
      Connection connection = Nats.connect(builder.build());
      connections.add(connection);
      return connection;
    } catch (IOException e) {
      throw new NatsServerException("cannot connect to " + description + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while connecting to " + description, e);
    }
  }

  void closeAll() {
    for (Connection connection : connections) {
      try {
        connection.close();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } catch (RuntimeException ignored) {
        // Closing the others matters more than one connection that will not close.
      }
    }
    connections.clear();
  }
}
