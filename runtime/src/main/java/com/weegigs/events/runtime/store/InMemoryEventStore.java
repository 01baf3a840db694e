package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.store.WireFormAppend;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The embedded default {@link EventStore}: every event in memory, lost when the process ends.
 * Good for tests, demos and services whose events need not outlive them.
 *
 * <p><b>Bytes, as a real store keeps them.</b> Each event is kept in its wire form (the recorded
 * event JSON of the wire contract, as published) and decoded when loaded, as a JetStream store
 * would: events go through the codecs in tests exactly as in production, and a busy service keeps
 * one byte array per event instead of a graph of a dozen objects, which the garbage collector
 * otherwise copies and marks again and again. When the service hands over the wire form it has
 * already written for its reply, the store keeps that; otherwise it encodes the events with the
 * aggregate type's codecs.
 *
 * <p>Thread-safe. {@link #append} enforces the expected revision: an append whose expected
 * revision is not the aggregate's revision appends nothing and answers
 * {@link AppendResult.Conflict}.
 *
 * <p><b>De-duplication window.</b> The store remembers the {@code messageId} of each appended
 * command for {@code window} (default {@value #DEFAULT_WINDOW_SECONDS} s, like JetStream's
 * default duplicate window) and at most {@code maxRemembered} ids (default
 * {@value #DEFAULT_MAX_REMEMBERED}); the oldest are forgotten first. Within the window, appending
 * the same {@code messageId} again appends nothing and answers {@link AppendResult.Duplicate}
 * with the events recorded the first time. Duplicates are detected exactly for appends to the
 * same aggregate, which are serialized; a {@code messageId} is a command's identity, so reusing one
 * for another aggregate is a caller's error that this store does not guard against concurrently.
 */
public final class InMemoryEventStore implements EventStore, WireFormAppend {
  /** Default de-duplication window, in seconds. */
  public static final long DEFAULT_WINDOW_SECONDS = 120;

  /** Default number of {@code messageId}s remembered. */
  public static final int DEFAULT_MAX_REMEMBERED = 100_000;

  private final Duration window;
  private final long windowMillis;
  private final int maxRemembered;
  private final Clock clock;
  private final ConcurrentHashMap<AggregateId, Stream> streams = new ConcurrentHashMap<>();
  private final ConcurrentHashMap<String, Remembered> byMessageId = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Remembered> rememberedInOrder = new ConcurrentLinkedQueue<>();
  private final AtomicInteger rememberedCount = new AtomicInteger();
  private final ReentrantLock evicting = new ReentrantLock();

  /** A store with the default window ({@value #DEFAULT_WINDOW_SECONDS} s, {@value #DEFAULT_MAX_REMEMBERED} ids). */
  public InMemoryEventStore() {
    this(Duration.ofSeconds(DEFAULT_WINDOW_SECONDS), DEFAULT_MAX_REMEMBERED, Clock.systemUTC());
  }

  /**
   * A store with its own de-duplication window.
   *
   * @param window how long a {@code messageId} is remembered; positive
   * @param maxRemembered how many {@code messageId}s are remembered at most; positive
   * @param clock the clock the window is measured with
   * @throws IllegalArgumentException naming every invalid argument
   */
  public InMemoryEventStore(Duration window, int maxRemembered, Clock clock) {
    List<String> problems = new ArrayList<>();
    if (window == null || window.isNegative() || window.isZero()) {
      problems.add("window must be a positive duration, was " + window);
    }
    if (maxRemembered < 1) {
      problems.add("maxRemembered must be at least 1, was " + maxRemembered);
    }
    if (clock == null) {
      problems.add("clock must not be null");
    }
    if (!problems.isEmpty()) {
      throw new IllegalArgumentException("invalid InMemoryEventStore: " + String.join("; ", problems));
    }
    this.window = window;
    this.windowMillis = window.toMillis();
    this.maxRemembered = maxRemembered;
    this.clock = clock;
  }

  /** How long a {@code messageId} is remembered. */
  public Duration window() {
    return window;
  }

  /** How many {@code messageId}s are remembered at most. */
  public int maxRemembered() {
    return maxRemembered;
  }

  @Override
  public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
    Stream stream = streams.get(id);
    if (stream == null) {
      return List.of();
    }
    byte[][] newer;
    synchronized (stream) {
      int size = stream.events.size();
      if (afterRevision >= size) {
        return List.of();
      }
      newer = stream.events.subList((int) Math.max(0, afterRevision), size).toArray(new byte[0][]);
    }
    return decode(type, newer);
  }

  @Override
  public long revision(AggregateType<?, ?> type, AggregateId id) {
    Stream stream = streams.get(id);
    if (stream == null) {
      return 0;
    }
    synchronized (stream) {
      return stream.events.size();
    }
  }

  @Override
  public AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events) {
    checkAppend(type, id, expectedRevision, events);
    byte[][] encoded = new byte[events.size()][];
    for (int i = 0; i < encoded.length; i++) {
      encoded[i] = RecordedEvents.encodeRecordedEvent(type, events.get(i));
    }
    return appendEncoded(type, id, expectedRevision, messageId, events, encoded);
  }

  /**
   * Keeps {@code wireForms}, the service's own encoding of {@code events}, instead of encoding them
   * again. For the service only (through an internal interface); not part of the store's API.
   */
  @Override
  public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, byte[][] wireForms) {
    checkAppend(type, id, expectedRevision, events);
    if (wireForms == null || wireForms.length != events.size()) {
      throw new IllegalArgumentException("append needs one wire form per event, got "
          + (wireForms == null ? "none" : wireForms.length) + " for " + events.size() + " events");
    }
    return appendEncoded(type, id, expectedRevision, messageId, events, wireForms);
  }

  private AppendResult appendEncoded(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, byte[][] encoded) {
    Stream stream = streams.computeIfAbsent(id, key -> new Stream());
    AppendResult result;
    synchronized (stream) {
      Remembered earlier = messageId == null ? null : remembered(messageId);
      if (earlier != null) {
        return new AppendResult.Duplicate(decode(earlier.type, earlier.events));
      }
      int actual = stream.events.size();
      if (actual != expectedRevision) {
        return new AppendResult.Conflict(actual);
      }
      for (byte[] event : encoded) {
        stream.events.add(event);
      }
      if (messageId != null) {
        remember(new Remembered(messageId, clock.millis(), type, encoded));
      }
      result = new AppendResult.Appended(events, actual + encoded.length);
    }
    forgetOld();
    return result;
  }

  @Override
  public Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    Remembered earlier = messageId == null ? null : remembered(messageId);
    return earlier == null ? Optional.empty() : Optional.of(decode(earlier.type, earlier.events));
  }

  /**
   * Reads stored events back.
   *
   * @throws IllegalStateException when a stored event cannot be read with {@code type}'s codecs
   *     (the aggregate type's codecs changed, or were never able to read what they wrote)
   */
  private static List<RecordedEvent<?>> decode(AggregateType<?, ?> type, byte[][] stored) {
    List<RecordedEvent<?>> events = new ArrayList<>(stored.length);
    for (byte[] bytes : stored) {
      try {
        events.add(RecordedEvents.decodeRecordedEvent(bytes, type));
      } catch (RuntimeException e) {
        throw new IllegalStateException("a stored event of " + type.name() + " cannot be read back: " + e.getMessage(), e);
      }
    }
    return List.copyOf(events);
  }

  /** The SPI's preconditions of an append, shared by the stores of this package. */
  static void checkAppend(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, List<RecordedEvent<?>> events) {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(id, "id");
    if (events == null || events.isEmpty()) {
      throw new IllegalArgumentException("append needs at least one event");
    }
    if (expectedRevision < 0) {
      throw new IllegalArgumentException("expectedRevision must be >= 0, was " + expectedRevision);
    }
    for (int i = 0; i < events.size(); i++) {
      RecordedEvent<?> event = events.get(i);
      if (!event.aggregate().equals(id)) {
        throw new IllegalArgumentException("event " + event.id() + " belongs to " + event.aggregate() + ", not " + id);
      }
      if (event.revision() != expectedRevision + 1 + i) {
        throw new IllegalArgumentException(
            "event " + event.id() + " has revision " + event.revision() + ", expected " + (expectedRevision + 1 + i));
      }
    }
  }

  private Remembered remembered(String messageId) {
    Remembered earlier = byMessageId.get(messageId);
    if (earlier == null || clock.millis() - earlier.atMillis >= windowMillis) {
      return null;
    }
    return earlier;
  }

  private void remember(Remembered entry) {
    Remembered replaced = byMessageId.put(entry.messageId, entry);
    if (replaced == null) {
      rememberedCount.incrementAndGet();
    }
    rememberedInOrder.add(entry);
  }

  /** Forgets ids past the window or over the count; one thread at a time, others skip. */
  private void forgetOld() {
    // most appends have nothing to forget: look before taking the lock
    Remembered first = rememberedInOrder.peek();
    if (first == null
        || (rememberedCount.get() <= maxRemembered && clock.millis() - first.atMillis < windowMillis)
        || !evicting.tryLock()) {
      return;
    }
    try {
      long now = clock.millis();
      Remembered oldest;
      while ((oldest = rememberedInOrder.peek()) != null
          && (rememberedCount.get() > maxRemembered || now - oldest.atMillis >= windowMillis)) {
        rememberedInOrder.poll();
        if (byMessageId.remove(oldest.messageId, oldest)) {
          rememberedCount.decrementAndGet();
        }
      }
    } finally {
      evicting.unlock();
    }
  }

  /** One aggregate's events, each in its wire form; index {@code i} holds revision {@code i + 1}. */
  private static final class Stream {
    final ArrayList<byte[]> events = new ArrayList<>();
  }

  private static final class Remembered {
    final String messageId;
    final long atMillis;
    final AggregateType<?, ?> type;
    final byte[][] events;

    Remembered(String messageId, long atMillis, AggregateType<?, ?> type, byte[][] events) {
      this.messageId = messageId;
      this.atMillis = atMillis;
      this.type = type;
      this.events = events;
    }
  }

  /** Always reachable: the events are in this process. */
  @Override
  public String checkHealth() {
    return "in memory";
  }
}
