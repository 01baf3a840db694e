package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The SPI's promises, and what is the in-memory store's own: its window, its checks, its wire forms. */
class InMemoryEventStoreTest extends EventStoreContract {
  private static final AggregateId ID = new AggregateId("counter", "c-1");

  /** A clock the test moves by hand. */
  static final class ManualClock extends Clock {
    final AtomicLong millis = new AtomicLong(1_000_000);

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis.get());
    }
  }

  @Override
  protected EventStore newStore() {
    return new InMemoryEventStore();
  }

  private static List<RecordedEvent<?>> events(AggregateId id, long after, int count, String messageId) {
    List<RecordedEvent<?>> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(new RecordedEvent<>(messageId + "-" + i, id, "added", after + i, Instant.EPOCH, new Added(i),
          new EventMetadata("c", messageId, null)));
    }
    return events;
  }

  @Test
  void refusesEventsWhoseRevisionsDoNotFollowTheExpectedOne() {
    InMemoryEventStore store = new InMemoryEventStore();
    assertThrows(IllegalArgumentException.class, () -> store.append(COUNTER, ID, 0, "m", events(ID, 1, 1, "m")));
    assertThrows(IllegalArgumentException.class, () -> store.append(COUNTER, ID, 0, "m", List.of()));
    assertThrows(IllegalArgumentException.class,
        () -> store.append(COUNTER, ID, 0, "m", events(new AggregateId("counter", "x"), 0, 1, "m")));
  }

  @Test
  void forgetsMessageIdsAfterTheWindow() {
    ManualClock clock = new ManualClock();
    InMemoryEventStore store = new InMemoryEventStore(Duration.ofSeconds(10), 1000, clock);
    store.append(COUNTER, ID, 0, "m1", events(ID, 0, 1, "m1"));
    clock.millis.addAndGet(9_999);
    assertInstanceOf(AppendResult.Duplicate.class, store.append(COUNTER, ID, 1, "m1", events(ID, 1, 1, "m1")));
    clock.millis.addAndGet(1);
    assertEquals(Optional.empty(), store.recorded("m1"));
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, ID, 1, "m1", events(ID, 1, 1, "m1")));
  }

  @Test
  void remembersAtMostTheConfiguredNumberOfIds() {
    InMemoryEventStore store = new InMemoryEventStore(Duration.ofHours(1), 3, new ManualClock());
    for (int i = 0; i < 5; i++) {
      store.append(COUNTER, ID, i, "m" + i, events(ID, i, 1, "m" + i));
    }
    assertEquals(Optional.empty(), store.recorded("m0"));
    assertEquals(Optional.empty(), store.recorded("m1"));
    assertTrue(store.recorded("m2").isPresent());
    assertTrue(store.recorded("m4").isPresent());
  }

  @Test
  void readsBackEveryEventAcrossManyPagesAndAnEventLargerThanAPage() {
    InMemoryEventStore store = new InMemoryEventStore();
    List<AggregateId> ids = List.of(new AggregateId("counter", "a"), new AggregateId("counter", "b"));
    List<List<RecordedEvent<?>>> appended = List.of(new ArrayList<>(), new ArrayList<>());
    // 6,000 events of about 300 bytes: more than the first few pages, which start small
    for (int i = 0; i < 6_000; i++) {
      int which = i % 2;
      AggregateId id = ids.get(which);
      long revision = appended.get(which).size();
      List<RecordedEvent<?>> one = events(id, revision, 1, "m" + i);
      assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, id, revision, "m" + i, one));
      appended.get(which).addAll(one);
    }
    // a wire form of 300 KB (an unknown field the codecs skip) gets a page of its own
    AggregateId a = ids.get(0);
    List<RecordedEvent<?>> large = events(a, 3_000, 1, "large");
    byte[] wireForm = new String(RecordedEvents.encodeRecordedEvent(COUNTER, large.get(0)), StandardCharsets.UTF_8)
        .replace("\"amount\":1", "\"amount\":1,\"padding\":\"" + "x".repeat(300_000) + "\"")
        .getBytes(StandardCharsets.UTF_8);
    store.append(COUNTER, a, 3_000, "large", large, new byte[][] {wireForm});
    store.append(COUNTER, a, 3_001, "after", events(a, 3_001, 1, "after"));

    assertEquals(appended.get(1), store.load(COUNTER, ids.get(1), 0));
    List<RecordedEvent<?>> loaded = store.load(COUNTER, a, 0);
    assertEquals(3_002, loaded.size());
    assertEquals(appended.get(0), loaded.subList(0, 3_000));
    assertEquals(large, loaded.subList(3_000, 3_001));
    assertEquals(events(a, 3_001, 1, "after"), loaded.subList(3_001, 3_002));
    assertEquals(loaded.subList(2_990, 3_002), store.load(COUNTER, a, 2_990));
    assertEquals(List.of(), store.load(COUNTER, a, 3_002));
    assertEquals(large, store.recorded("large").orElseThrow());
    assertEquals(appended.get(1).subList(0, 1), store.recorded("m1").orElseThrow());
  }

  @Test
  void answersAMessageIdReusedForAnotherAggregateWithWhatItRecordedFirst() {
    InMemoryEventStore store = new InMemoryEventStore();
    AggregateId other = new AggregateId("counter", "c-2");
    String ulid = "01JF0Z5Y8N3K7QH2RSVW4XTB6D";
    List<RecordedEvent<?>> first = events(ID, 0, 2, ulid);
    store.append(COUNTER, ID, 0, ulid, first);

    AppendResult again = store.append(COUNTER, other, 0, ulid, events(other, 0, 1, ulid));

    assertEquals(new AppendResult.Duplicate(first), again);
    assertEquals(0, store.revision(COUNTER, other));
    // ids are compared as strings: the same ULID in lower case is another command
    assertInstanceOf(AppendResult.Appended.class,
        store.append(COUNTER, other, 0, ulid.toLowerCase(), events(other, 0, 1, ulid.toLowerCase())));
  }

  @Test
  void namesEveryInvalidSetting() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new InMemoryEventStore(Duration.ZERO, 0, null));
    assertTrue(error.getMessage().contains("window"), error.getMessage());
    assertTrue(error.getMessage().contains("maxRemembered"), error.getMessage());
    assertTrue(error.getMessage().contains("clock"), error.getMessage());
  }

  @Test
  void keepsEventsInTheirWireFormAndReadsThemBackThroughTheCodecs() {
    InMemoryEventStore store = new InMemoryEventStore();
    List<RecordedEvent<?>> first = events(ID, 0, 1, "m1");
    store.append(COUNTER, ID, 0, "m1", first);

    RecordedEvent<?> loaded = store.load(COUNTER, ID, 0).get(0);
    assertEquals(first.get(0), loaded);
    assertNotSame(first.get(0).data(), loaded.data(), "read back from bytes, not the object appended");
    assertEquals(first, store.recorded("m1").orElseThrow());
  }

  @Test
  void keepsTheWireFormTheServiceHandsOver() {
    InMemoryEventStore store = new InMemoryEventStore();
    List<RecordedEvent<?>> first = events(ID, 0, 1, "m1");
    // the service's own bytes are kept as they are: here they say 41, not the 1 of the object
    byte[] wireForm = new String(RecordedEvents.encodeRecordedEvent(COUNTER, first.get(0)), StandardCharsets.UTF_8)
        .replace("\"amount\":1", "\"amount\":41").getBytes(StandardCharsets.UTF_8);

    assertEquals(new AppendResult.Appended(first, 1), store.append(COUNTER, ID, 0, "m1", first, new byte[][] {wireForm}));

    assertEquals(new Added(41), store.load(COUNTER, ID, 0).get(0).data());
    assertThrows(IllegalArgumentException.class,
        () -> store.append(COUNTER, ID, 1, "m2", events(ID, 1, 2, "m2"), new byte[][] {wireForm}));
    assertEquals(1, store.revision(COUNTER, ID), "a refused append leaves nothing behind");
  }
}
