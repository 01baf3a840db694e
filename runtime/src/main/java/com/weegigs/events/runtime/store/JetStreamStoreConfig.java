package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.Names;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Where and how a {@link JetStreamEventStore} keeps a service's events: the stream, its subjects,
 * the key-value buckets of recent outcomes and snapshots, and how long a JetStream call may take.
 * The stored format is documented in {@code docs/wire-contract.md} ("Durable events on JetStream").
 *
 * <pre>{@code
 * NatsService.builder(ReceiptsService.DESCRIPTOR)
 *     .withEventStore(JetStreamStoreConfig.forService("receipts").withReplicas(3))
 *     ...
 * }</pre>
 *
 * @param streamName the stream; default {@code wee-events-{service}}
 * @param subjectPrefix the prefix of the store subjects, {@code {prefix}.{aggregate-type}.{key-token}};
 *     default {@code wee-store.{service}}; the stream's subjects are {@code {prefix}.>}
 * @param replicas copies of the stream and buckets: 1, or 3 on a cluster
 * @param storage file (survives a server restart; the default) or memory
 * @param duplicateWindow how long JetStream de-duplicates a command's {@code messageId}; 1 s to 1 day
 * @param snapshotInterval a snapshot every this many events of an aggregate; 0 for none
 * @param outcomesBucket the key-value bucket of recent outcomes (by {@code messageId});
 *     default {@code wee-outcomes-{service}}
 * @param outcomesTtl how long an outcome is remembered; at least the duplicate window, default 24 h
 * @param snapshotsBucket the key-value bucket of snapshots; default {@code wee-snapshots-{service}}
 * @param requestTimeout the longest a JetStream call may take before the store answers
 *     {@link EventStoreUnavailableException}; 10 ms to 1 min
 */
public record JetStreamStoreConfig(
    String streamName,
    String subjectPrefix,
    int replicas,
    Storage storage,
    Duration duplicateWindow,
    int snapshotInterval,
    String outcomesBucket,
    Duration outcomesTtl,
    String snapshotsBucket,
    Duration requestTimeout) {

  /** Where the stream keeps its messages. */
  public enum Storage {
    /** On disk: survives a server restart. */
    FILE,
    /** In memory: lost when the server stops. */
    MEMORY
  }

  /** Default duplicate window. */
  public static final Duration DEFAULT_DUPLICATE_WINDOW = Duration.ofMinutes(2);
  /** Default snapshot interval, in events. */
  public static final int DEFAULT_SNAPSHOT_INTERVAL = 100;
  /** Default time an outcome is remembered. */
  public static final Duration DEFAULT_OUTCOMES_TTL = Duration.ofHours(24);
  /** Default longest JetStream call. */
  public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofSeconds(2);

  /** @throws IllegalArgumentException naming every invalid value */
  public JetStreamStoreConfig {
    List<String> problems = new ArrayList<>();
    checkName(problems, "streamName", streamName);
    checkName(problems, "outcomesBucket", outcomesBucket);
    checkName(problems, "snapshotsBucket", snapshotsBucket);
    if (outcomesBucket != null && outcomesBucket.equals(snapshotsBucket)) {
      problems.add("outcomesBucket and snapshotsBucket must differ, both were '" + outcomesBucket + "'");
    }
    if (subjectPrefix == null || !validPrefix(subjectPrefix)) {
      problems.add("subjectPrefix must be one or more dot-separated tokens without wildcards or spaces, was "
          + quoted(subjectPrefix));
    }
    if (replicas != 1 && replicas != 3) {
      problems.add("replicas must be 1 or 3, was " + replicas);
    }
    if (storage == null) {
      problems.add("storage must be FILE or MEMORY, was null");
    }
    if (duplicateWindow == null || duplicateWindow.compareTo(Duration.ofSeconds(1)) < 0
        || duplicateWindow.compareTo(Duration.ofDays(1)) > 0) {
      problems.add("duplicateWindow must be between 1 second and 1 day, was " + duplicateWindow);
    }
    if (snapshotInterval < 0 || snapshotInterval > 1_000_000) {
      problems.add("snapshotInterval must be between 0 (none) and 1000000 events, was " + snapshotInterval);
    }
    if (outcomesTtl == null || outcomesTtl.isNegative() || outcomesTtl.isZero()
        || (duplicateWindow != null && outcomesTtl.compareTo(duplicateWindow) < 0)) {
      problems.add("outcomesTtl must be positive and at least the duplicate window, was " + outcomesTtl);
    }
    if (requestTimeout == null || requestTimeout.compareTo(Duration.ofMillis(10)) < 0
        || requestTimeout.compareTo(Duration.ofMinutes(1)) > 0) {
      problems.add("requestTimeout must be between 10 ms and 1 minute, was " + requestTimeout);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid JetStreamStoreConfig: " + String.join("; ", problems));
    }
  }

  /**
   * The defaults for {@code service}: stream {@code wee-events-{service}}, subjects
   * {@code wee-store.{service}.>}, one replica, file storage, a 2-minute duplicate window, a
   * snapshot every 100 events, buckets {@code wee-outcomes-{service}} (24 h) and
   * {@code wee-snapshots-{service}}, 2-second calls.
   *
   * @param service the service's wire name
   * @throws IllegalArgumentException when {@code service} is not a valid service name
   */
  public static JetStreamStoreConfig forService(String service) {
    if (service == null || !Names.isValidName(service)) {
      throw new IllegalArgumentException("service name " + quoted(service) + " is not a valid name: " + Names.NAME_RULE);
    }
    return new JetStreamStoreConfig("wee-events-" + service, "wee-store." + service, 1, Storage.FILE,
        DEFAULT_DUPLICATE_WINDOW, DEFAULT_SNAPSHOT_INTERVAL, "wee-outcomes-" + service, DEFAULT_OUTCOMES_TTL,
        "wee-snapshots-" + service, DEFAULT_REQUEST_TIMEOUT);
  }

  /** With another stream name. */
  public JetStreamStoreConfig withStreamName(String name) {
    return new JetStreamStoreConfig(name, subjectPrefix, replicas, storage, duplicateWindow, snapshotInterval,
        outcomesBucket, outcomesTtl, snapshotsBucket, requestTimeout);
  }

  /** With another subject prefix. */
  public JetStreamStoreConfig withSubjectPrefix(String prefix) {
    return new JetStreamStoreConfig(streamName, prefix, replicas, storage, duplicateWindow, snapshotInterval,
        outcomesBucket, outcomesTtl, snapshotsBucket, requestTimeout);
  }

  /** With {@code count} replicas (1 or 3). */
  public JetStreamStoreConfig withReplicas(int count) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, count, storage, duplicateWindow, snapshotInterval,
        outcomesBucket, outcomesTtl, snapshotsBucket, requestTimeout);
  }

  /** With another storage. */
  public JetStreamStoreConfig withStorage(Storage kind) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, replicas, kind, duplicateWindow, snapshotInterval,
        outcomesBucket, outcomesTtl, snapshotsBucket, requestTimeout);
  }

  /** With another duplicate window. */
  public JetStreamStoreConfig withDuplicateWindow(Duration window) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, replicas, storage, window, snapshotInterval,
        outcomesBucket, outcomesTtl, snapshotsBucket, requestTimeout);
  }

  /** With a snapshot every {@code events} events (0: none). */
  public JetStreamStoreConfig withSnapshotInterval(int events) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, replicas, storage, duplicateWindow, events,
        outcomesBucket, outcomesTtl, snapshotsBucket, requestTimeout);
  }

  /** With other bucket names. */
  public JetStreamStoreConfig withBuckets(String outcomes, String snapshots) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, replicas, storage, duplicateWindow, snapshotInterval,
        outcomes, outcomesTtl, snapshots, requestTimeout);
  }

  /** With another time outcomes are remembered. */
  public JetStreamStoreConfig withOutcomesTtl(Duration ttl) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, replicas, storage, duplicateWindow, snapshotInterval,
        outcomesBucket, ttl, snapshotsBucket, requestTimeout);
  }

  /** With another longest JetStream call. */
  public JetStreamStoreConfig withRequestTimeout(Duration timeout) {
    return new JetStreamStoreConfig(streamName, subjectPrefix, replicas, storage, duplicateWindow, snapshotInterval,
        outcomesBucket, outcomesTtl, snapshotsBucket, timeout);
  }

  /** Stream and bucket names: letters, digits, {@code -} and {@code _}, as JetStream and key-value buckets allow. */
  private static void checkName(List<String> problems, String field, String name) {
    if (name == null || name.isEmpty() || name.length() > 200 || !name.chars().allMatch(JetStreamStoreConfig::nameChar)) {
      problems.add(field + " must be 1 to 200 letters, digits, '-' or '_', was " + quoted(name));
    }
  }

  private static boolean nameChar(int c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
  }

  private static boolean validPrefix(String prefix) {
    if (prefix.isEmpty() || prefix.length() > 200) {
      return false;
    }
    for (String token : prefix.split("\\.", -1)) {
      if (token.isEmpty()) {
        return false;
      }
      for (int i = 0; i < token.length(); i++) {
        char c = token.charAt(i);
        if (c <= ' ' || c >= 127 || c == '*' || c == '>') {
          return false;
        }
      }
    }
    return true;
  }

  private static String quoted(String value) {
    return value == null ? "null" : "'" + value + "'";
  }
}
