package com.weegigs.events.runtime.internal.store.jetstream;

import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.KeyValueManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.KeyValueConfiguration;
import io.nats.client.api.RetentionPolicy;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.api.StreamInfo;
import io.nats.client.api.ServerInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Makes sure the store's stream and buckets exist as the configuration says: creates what is
 * missing, and refuses an existing stream whose configuration would break the store (naming every
 * difference), or a server without JetStream (saying how to enable it).
 */
final class StreamSetup {
  /** JetStream's error code for a stream that does not exist. */
  static final int STREAM_NOT_FOUND = 10059;

  private StreamSetup() {}

  /** The stream configuration the store creates. */
  static StreamConfiguration desired(JetStreamStoreConfig config) {
    return StreamConfiguration.builder()
        .name(config.streamName())
        .description("wee-events store: one message per command, see docs/wire-contract.md")
        .subjects(config.subjectPrefix() + ".>")
        .retentionPolicy(RetentionPolicy.Limits)
        .discardPolicy(DiscardPolicy.New)
        .storageType(storageType(config))
        .replicas(config.replicas())
        .duplicateWindow(config.duplicateWindow())
        .allowDirect(true)
        .build();
  }

  static StorageType storageType(JetStreamStoreConfig config) {
    return config.storage() == JetStreamStoreConfig.Storage.MEMORY ? StorageType.Memory : StorageType.File;
  }

  /**
   * Creates the stream and buckets when missing; checks an existing stream.
   *
   * @throws IllegalStateException when the server has no JetStream, or the stream is incompatible
   */
  static void ensure(Connection connection, JetStreamManagement jsm, KeyValueManagement kvm,
      JetStreamStoreConfig config) throws IOException, JetStreamApiException {
    ServerInfo server = connection.getServerInfo();
    if (server != null && !server.isJetStreamAvailable()) {
      throw noJetStream(connection);
    }
    StreamInfo existing;
    try {
      existing = jsm.getStreamInfo(config.streamName());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
      existing = null;
    }
    if (existing == null) {
      try {
        jsm.addStream(desired(config));
      } catch (JetStreamApiException e) {
        String description = e.getErrorDescription() == null ? e.getMessage() : e.getErrorDescription();
        throw new IllegalStateException("cannot create the event store stream '" + config.streamName()
            + "' for subjects '" + config.subjectPrefix() + ".>': " + description
            + (description != null && description.contains("overlap")
                ? " (another stream already holds these subjects: configure another subject prefix)" : ""), e);
      }
    } else {
      List<String> differences = differences(existing.getConfiguration(), config);
      if (!differences.isEmpty()) {
        throw new IllegalStateException("the existing stream '" + config.streamName()
            + "' cannot be the event store: " + String.join("; ", differences)
            + ". Change or delete the stream, or configure another stream name");
      }
    }
    ensureBuckets(kvm, config);
  }

  /** Creates the outcomes and snapshots buckets when missing. */
  static void ensureBuckets(KeyValueManagement kvm, JetStreamStoreConfig config) throws IOException, JetStreamApiException {
    ensureBucket(kvm, KeyValueConfiguration.builder()
        .name(config.outcomesBucket())
        .description("wee-events: recent command outcomes by messageId")
        .maxHistoryPerKey(1)
        .ttl(config.outcomesTtl())
        .storageType(storageType(config))
        .replicas(config.replicas())
        .build());
    ensureBucket(kvm, KeyValueConfiguration.builder()
        .name(config.snapshotsBucket())
        .description("wee-events: latest snapshot of each aggregate")
        .maxHistoryPerKey(1)
        .storageType(storageType(config))
        .replicas(config.replicas())
        .build());
  }

  /** Every way {@code actual} differs from what the store needs, each named; empty when compatible. */
  static List<String> differences(StreamConfiguration actual, JetStreamStoreConfig config) {
    List<String> differences = new ArrayList<>();
    String subjects = config.subjectPrefix() + ".>";
    if (!actual.getSubjects().contains(subjects)) {
      differences.add("subjects are " + actual.getSubjects() + ", not [" + subjects + "]");
    }
    if (actual.getRetentionPolicy() != RetentionPolicy.Limits) {
      differences.add("retention is " + actual.getRetentionPolicy().name() + ", not Limits (events must stay after they are read)");
    }
    if (actual.getDiscardPolicy() != DiscardPolicy.New) {
      differences.add("discard policy is " + actual.getDiscardPolicy().name() + ", not New (a full store must refuse writes, not drop history)");
    }
    if (actual.getMaxAge() != null && !actual.getMaxAge().isZero()) {
      differences.add("max age is " + actual.getMaxAge() + ", not unlimited (events must not expire)");
    }
    if (actual.getMaxMsgsPerSubject() > 0) {
      differences.add("max messages per subject is " + actual.getMaxMsgsPerSubject() + ", not unlimited");
    }
    if (actual.getStorageType() != storageType(config)) {
      differences.add("storage is " + actual.getStorageType().name() + ", not " + storageType(config).name());
    }
    if (actual.getReplicas() != config.replicas()) {
      differences.add("replicas are " + actual.getReplicas() + ", not " + config.replicas());
    }
    if (actual.getDuplicateWindow() != null && !actual.getDuplicateWindow().equals(config.duplicateWindow())) {
      differences.add("duplicate window is " + actual.getDuplicateWindow() + ", not " + config.duplicateWindow());
    }
    if (actual.getSealed()) {
      differences.add("the stream is sealed");
    }
    if (actual.getMirror() != null) {
      differences.add("the stream is a mirror (it cannot be written to)");
    }
    return differences;
  }

  private static void ensureBucket(KeyValueManagement kvm, KeyValueConfiguration bucket)
      throws IOException, JetStreamApiException {
    try {
      kvm.getStatus(bucket.getBucketName());
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() != STREAM_NOT_FOUND) {
        throw e;
      }
      kvm.create(bucket);
    }
  }

  static IllegalStateException noJetStream(Connection connection) {
    return new IllegalStateException("the NATS server at " + connection.getConnectedUrl()
        + " has no JetStream, which the event store needs: start nats-server with -js, or add"
        + " 'jetstream {}' to its configuration");
  }
}
