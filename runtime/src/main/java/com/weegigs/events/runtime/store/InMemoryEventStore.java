package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.store.BytePages;
import com.weegigs.events.runtime.internal.store.RememberedIds;
import com.weegigs.events.runtime.internal.store.WireFormAppend;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The embedded default {@link EventStore}: every event in memory, lost when the process ends.
 * Good for tests, demos and services whose events need not outlive them.
 *
 * <p><b>Bytes, as a real store keeps them.</b> Each event is kept in its wire form (the recorded
 * event JSON of the wire contract, as published) and decoded when loaded, as a JetStream store
 * would: events go through the codecs in tests exactly as in production. When the service hands
 * over the wire form it has already written for its reply, the store keeps that; otherwise it
 * encodes the events with the aggregate type's codecs.
 *
 * <p><b>Few objects for the garbage collector.</b> What a store keeps for every command would
 * otherwise be what the garbage collector copies and marks again and again in a busy service. The
 * wire forms are copied into a few large pages, an aggregate keeps one array of references into
 * them, and the remembered {@code messageId}s are kept in arrays: appending creates no object that
 * outlives the command.
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
  private final int maxRemembered;
  private final ConcurrentHashMap<AggregateId, Stream> streams = new ConcurrentHashMap<>();
  private final BytePages pages = new BytePages();
  private final RememberedIds<Stream> rememberedIds;

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
    this.maxRemembered = maxRemembered;
    this.rememberedIds = new RememberedIds<>(maxRemembered, Math.max(1, window.toMillis()), clock);
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
    long[] newer;
    synchronized (stream) {
      if (afterRevision >= stream.size) {
        return List.of();
      }
      newer = Arrays.copyOfRange(stream.events, (int) Math.max(0, afterRevision), stream.size);
    }
    return decode(type, newer, 0, newer.length);
  }

  @Override
  public long revision(AggregateType<?, ?> type, AggregateId id) {
    Stream stream = streams.get(id);
    if (stream == null) {
      return 0;
    }
    synchronized (stream) {
      return stream.size;
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
    Stream stream = streams.computeIfAbsent(id, key -> new Stream(type));
    synchronized (stream) {
      RememberedIds.Recorded<Stream> earlier = messageId == null ? null : rememberedIds.find(messageId);
      if (earlier != null) {
        return new AppendResult.Duplicate(recordedBy(earlier));
      }
      int actual = stream.size;
      if (actual != expectedRevision) {
        return new AppendResult.Conflict(actual);
      }
      for (byte[] event : encoded) {
        stream.add(pages.add(event));
      }
      if (messageId != null) {
        rememberedIds.remember(messageId, stream, actual, encoded.length);
      }
      return new AppendResult.Appended(events, actual + encoded.length);
    }
  }

  @Override
  public Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    RememberedIds.Recorded<Stream> earlier = messageId == null ? null : rememberedIds.find(messageId);
    return earlier == null ? Optional.empty() : Optional.of(recordedBy(earlier));
  }

  /**
   * The events a remembered {@code messageId} recorded. The stream may be another aggregate's, whose
   * lock this thread must not take while it holds its own: a stream's events never change once
   * appended, and {@link Stream#events} is published safely, so they are read without its lock.
   */
  private List<RecordedEvent<?>> recordedBy(RememberedIds.Recorded<Stream> earlier) {
    Stream stream = earlier.owner();
    return decode(stream.type, stream.events, (int) earlier.first(), earlier.count());
  }

  /**
   * Reads stored events back: {@code count} of the references in {@code references}, from {@code from}.
   *
   * @throws IllegalStateException when a stored event cannot be read with {@code type}'s codecs
   *     (the aggregate type's codecs changed, or were never able to read what they wrote)
   */
  private List<RecordedEvent<?>> decode(AggregateType<?, ?> type, long[] references, int from, int count) {
    RecordedEvent<?>[] events = new RecordedEvent<?>[count];
    for (int i = 0; i < count; i++) {
      long reference = references[from + i];
      byte[] page = pages.page(reference);
      try {
        events[i] = RecordedEvents.decodeRecordedEvent(
            page, BytePages.offset(reference), BytePages.length(reference, page), type);
      } catch (RuntimeException e) {
        throw new IllegalStateException("a stored event of " + type.name() + " cannot be read back: " + e.getMessage(), e);
      }
    }
    return List.of(events);
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

  /**
   * One aggregate's events, each a reference into the store's pages; index {@code i} holds
   * revision {@code i + 1}. Appended under the stream's lock; {@link #events} is volatile so that a
   * reader without the lock who knows a revision was appended (through the remembered ids) never
   * reads an array copied for a later append before its contents.
   */
  private static final class Stream {
    final AggregateType<?, ?> type;
    volatile long[] events = new long[4];
    int size;

    Stream(AggregateType<?, ?> type) {
      this.type = type;
    }

    void add(long reference) {
      long[] kept = events;
      if (size == kept.length) {
        kept = Arrays.copyOf(kept, kept.length * 2);
        events = kept;
      }
      // a reader without the lock learns of this revision through the remembered ids, whose lock
      // orders this write before its read
      kept[size++] = reference;
    }
  }

  /** Always reachable: the events are in this process. */
  @Override
  public String checkHealth() {
    return "in memory";
  }
}
