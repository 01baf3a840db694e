package com.weegigs.events.benchmarks.client;

import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import java.io.IOException;
import java.util.List;

/**
 * The JetStream store's stream and buckets, as a benchmark needs them: deleted before a scenario
 * starts (an earlier run's events must not meet its keys), purged before a measured run.
 */
final class JetStreamStreams {
  private JetStreamStreams() {}

  /** Deletes the store's stream and both buckets' streams; a missing one is no error. */
  static void delete(Connection connection, JetStreamStoreConfig config) throws IOException {
    JetStreamManagement jsm = connection.jetStreamManagement();
    for (String stream : streams(config)) {
      try {
        jsm.deleteStream(stream);
      } catch (JetStreamApiException e) {
        // there was none
      }
    }
  }

  /** Empties the store's stream and both buckets' streams. */
  static void purge(Connection connection, JetStreamStoreConfig config) throws IOException, JetStreamApiException {
    JetStreamManagement jsm = connection.jetStreamManagement();
    for (String stream : streams(config)) {
      jsm.purgeStream(stream);
    }
  }

  /** The stream of the events and those of the buckets (a bucket {@code b} is the stream {@code KV_b}). */
  private static List<String> streams(JetStreamStoreConfig config) {
    return List.of(config.streamName(), "KV_" + config.outcomesBucket(), "KV_" + config.snapshotsBucket());
  }
}
