package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.Names;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A named durable subscription to the events a service stores in JetStream: one durable pull
 * consumer on the service's stream, which survives restarts and which every instance of the
 * subscriber pulls from, sharing the work. Events are delivered at least once, acknowledged after
 * the listener returns, delivered again after {@link #backoff()} when it throws, and after
 * {@link #maxDeliveries()} moved to the dead-letter subject {@code wee-dead.{service}.{durable}}
 * ({@code docs/wire-contract.md}, "Notes on this implementation").
 *
 * <pre>{@code
 * receipts.onItemAdded(DurableSubscriptionConfig.named("stock"), (event, delivery) -> stock.take(event.data()));
 * }</pre>
 *
 * <p><b>Order.</b> With {@link #maxAckPending()} 1 (the default) the consumer hands out one stored
 * command at a time, across all instances, in stream order: every aggregate's events arrive in
 * order, including while a failing command is retried (later commands wait for it). A higher
 * value lets instances work side by side and is faster, but then two commands of one aggregate can
 * be handled at once or out of order (by two instances, or when the earlier one is retried). Even
 * with 1, an instance that loses its connection in the middle of a command may still be finishing
 * it when the server, after the ack wait, hands it to another: at least once means that, too.
 *
 * @param durableName the consumer's name in the service's stream: the {@link Names} grammar
 *     (lower-case letters, digits and {@code -}); one name is one subscriber of one aggregate type
 * @param start where a new consumer starts: the beginning (default), a time or a stream sequence;
 *     a consumer that already exists goes on from where it was
 * @param maxDeliveries deliveries of a stored command before it is dead-lettered: 1 to 10000, default 5
 * @param backoff how long to wait before delivering again after the listener threw: the n-th
 *     failure waits the n-th entry (the last one for later failures); 1 to 100 positive durations
 *     of at most a day, default 1 s, 5 s, 30 s
 * @param ackWait how long a delivery may go without word from its instance before the server
 *     delivers it again (the instance stopped, or lost its connection): 100 ms to 1 day, default
 *     30 s. A listener may take longer: while it runs, the server is told every half ack wait
 * @param batchSize how many messages one pull asks for: 1 to 1000 and at most {@code maxAckPending}, default 1
 * @param maxAckPending how many delivered messages may be unacknowledged at once, across all
 *     instances: 1 (default, in order) to 100000
 * @param store the stream and subjects the service stores in, when it was configured with other
 *     than {@link JetStreamStoreConfig#forService(String)}; {@code null} for those defaults
 */
public record DurableSubscriptionConfig(
    String durableName,
    StartPosition start,
    int maxDeliveries,
    List<Duration> backoff,
    Duration ackWait,
    int batchSize,
    int maxAckPending,
    JetStreamStoreConfig store) {

  /** Default deliveries before a command is dead-lettered. */
  public static final int DEFAULT_MAX_DELIVERIES = 5;
  /** Default delays before delivering again after a failure. */
  public static final List<Duration> DEFAULT_BACKOFF = List.of(Duration.ofSeconds(1), Duration.ofSeconds(5), Duration.ofSeconds(30));
  /** Default time a delivery may stay unacknowledged. */
  public static final Duration DEFAULT_ACK_WAIT = Duration.ofSeconds(30);

  /**
   * Where a new durable consumer starts reading the stream.
   *
   * @param time the first event recorded at or after this instant, or {@code null}
   * @param sequence the first stored message at or after this stream sequence (1 or more), or 0
   */
  public record StartPosition(Instant time, long sequence) {
    /** From the first stored event: the default. */
    public static final StartPosition BEGINNING = new StartPosition(null, 0);

    /** @throws IllegalArgumentException when the sequence is negative, or both a time and a sequence are given */
    public StartPosition {
      if (sequence < 0) {
        throw new IllegalArgumentException("a start sequence must be 1 or more, was " + sequence);
      }
      if (time != null && sequence > 0) {
        throw new IllegalArgumentException("start at a time or at a sequence, not both");
      }
    }

    /** From the first command stored at or after {@code time}. */
    public static StartPosition at(Instant time) {
      if (time == null) {
        throw new IllegalArgumentException("a start time must not be null");
      }
      return new StartPosition(time, 0);
    }

    /** From the stored message with stream sequence {@code sequence} (1 or more) on. */
    public static StartPosition atSequence(long sequence) {
      if (sequence < 1) {
        throw new IllegalArgumentException("a start sequence must be 1 or more, was " + sequence);
      }
      return new StartPosition(null, sequence);
    }
  }

  /** @throws IllegalArgumentException naming every invalid value */
  public DurableSubscriptionConfig {
    List<String> problems = new ArrayList<>();
    if (!Names.isValidName(durableName)) {
      problems.add("durableName must be " + Names.NAME_RULE + ", was " + (durableName == null ? "null" : "'" + durableName + "'"));
    }
    if (start == null) {
      problems.add("start must not be null (StartPosition.BEGINNING for the beginning)");
    }
    if (maxDeliveries < 1 || maxDeliveries > 10_000) {
      problems.add("maxDeliveries must be between 1 and 10000, was " + maxDeliveries);
    }
    if (backoff == null || backoff.isEmpty() || backoff.size() > 100) {
      problems.add("backoff must have 1 to 100 durations, was " + backoff);
    } else if (backoff.stream().anyMatch(d -> d == null || d.isNegative() || d.isZero() || d.compareTo(Duration.ofDays(1)) > 0)) {
      problems.add("every backoff must be positive and at most 1 day, was " + backoff);
    }
    if (ackWait == null || ackWait.compareTo(Duration.ofMillis(100)) < 0 || ackWait.compareTo(Duration.ofDays(1)) > 0) {
      problems.add("ackWait must be between 100 ms and 1 day, was " + ackWait);
    }
    if (maxAckPending < 1 || maxAckPending > 100_000) {
      problems.add("maxAckPending must be between 1 and 100000, was " + maxAckPending);
    }
    if (batchSize < 1 || batchSize > 1000 || batchSize > Math.max(1, maxAckPending)) {
      problems.add("batchSize must be between 1 and 1000 and at most maxAckPending (" + maxAckPending + "), was " + batchSize);
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid DurableSubscriptionConfig: " + String.join("; ", problems));
    }
    backoff = List.copyOf(backoff);
  }

  /**
   * The defaults for the subscriber {@code durableName}: from the beginning, 5 deliveries, backoff
   * 1 s, 5 s, 30 s, a 30-second ack wait, one command at a time, the service's default stream.
   *
   * @throws IllegalArgumentException when {@code durableName} does not follow the name grammar
   */
  public static DurableSubscriptionConfig named(String durableName) {
    return new DurableSubscriptionConfig(durableName, StartPosition.BEGINNING, DEFAULT_MAX_DELIVERIES, DEFAULT_BACKOFF,
        DEFAULT_ACK_WAIT, 1, 1, null);
  }

  /** Starting, when the consumer is new, at {@code position}. */
  public DurableSubscriptionConfig withStart(StartPosition position) {
    return new DurableSubscriptionConfig(durableName, position, maxDeliveries, backoff, ackWait, batchSize, maxAckPending, store);
  }

  /** With at most {@code count} deliveries before a command is dead-lettered. */
  public DurableSubscriptionConfig withMaxDeliveries(int count) {
    return new DurableSubscriptionConfig(durableName, start, count, backoff, ackWait, batchSize, maxAckPending, store);
  }

  /** With these delays before delivering again after the 1st, 2nd, ... failure (the last for every later one). */
  public DurableSubscriptionConfig withBackoff(Duration... delays) {
    return new DurableSubscriptionConfig(durableName, start, maxDeliveries, delays == null ? null : Arrays.asList(delays),
        ackWait, batchSize, maxAckPending, store);
  }

  /** With another ack wait. */
  public DurableSubscriptionConfig withAckWait(Duration wait) {
    return new DurableSubscriptionConfig(durableName, start, maxDeliveries, backoff, wait, batchSize, maxAckPending, store);
  }

  /**
   * With up to {@code pending} unacknowledged deliveries at once, pulled {@code batch} at a time:
   * faster, but without per-aggregate order when {@code pending} is above 1 (see the class comment).
   */
  public DurableSubscriptionConfig withMaxAckPending(int pending, int batch) {
    return new DurableSubscriptionConfig(durableName, start, maxDeliveries, backoff, ackWait, batch, pending, store);
  }

  /** Reading the stream and subjects of {@code config}: the service's own store configuration. */
  public DurableSubscriptionConfig withStore(JetStreamStoreConfig config) {
    return new DurableSubscriptionConfig(durableName, start, maxDeliveries, backoff, ackWait, batchSize, maxAckPending, config);
  }

  /** The delay before the next delivery after the {@code failures}-th failure (1 or more). */
  public Duration backoffAfter(long failures) {
    return backoff.get((int) Math.min(backoff.size(), Math.max(1, failures)) - 1);
  }
}
