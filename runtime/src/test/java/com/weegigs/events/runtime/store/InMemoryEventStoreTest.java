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

class InMemoryEventStoreTest {
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

  private static List<RecordedEvent<?>> events(AggregateId id, long after, int count, String messageId) {
    List<RecordedEvent<?>> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(new RecordedEvent<>(messageId + "-" + i, id, "added", after + i, Instant.EPOCH, new Added(i),
          new EventMetadata("c", messageId, null)));
    }
    return events;
  }

  @Test
  void appendsAndLoadsAfterARevision() {
    InMemoryEventStore store = new InMemoryEventStore();
    assertEquals(0, store.revision(COUNTER, ID));
    assertEquals(List.of(), store.load(COUNTER, ID, 0));
    List<RecordedEvent<?>> first = events(ID, 0, 2, "m1");
    AppendResult result = store.append(COUNTER, ID, 0, "m1", first);
    assertEquals(new AppendResult.Appended(first, 2), result);
    List<RecordedEvent<?>> second = events(ID, 2, 1, "m2");
    assertEquals(new AppendResult.Appended(second, 3), store.append(COUNTER, ID, 2, "m2", second));
    assertEquals(3, store.revision(COUNTER, ID));
    assertEquals(List.of(first.get(0), first.get(1), second.get(0)), store.load(COUNTER, ID, 0));
    assertEquals(second, store.load(COUNTER, ID, 2));
    assertEquals(List.of(), store.load(COUNTER, ID, 3));
    assertEquals(0, store.revision(COUNTER, new AggregateId("counter", "other")));
  }

  @Test
  void enforcesTheExpectedRevision() {
    InMemoryEventStore store = new InMemoryEventStore();
    store.append(COUNTER, ID, 0, "m1", events(ID, 0, 1, "m1"));
    assertEquals(new AppendResult.Conflict(1), store.append(COUNTER, ID, 0, "m2", events(ID, 0, 1, "m2")));
    assertEquals(new AppendResult.Conflict(1), store.append(COUNTER, ID, 5, "m3", events(ID, 5, 1, "m3")));
    assertEquals(1, store.revision(COUNTER, ID));
    // a conflicting command is not remembered: it may be retried at the right revision
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, ID, 1, "m2", events(ID, 1, 1, "m2")));
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
  void theSameMessageIdIsAppendedOnceAndAnswersTheFirstEvents() {
    InMemoryEventStore store = new InMemoryEventStore();
    List<RecordedEvent<?>> first = events(ID, 0, 2, "m1");
    store.append(COUNTER, ID, 0, "m1", first);
    assertEquals(new AppendResult.Duplicate(first), store.append(COUNTER, ID, 2, "m1", events(ID, 2, 1, "again")));
    assertEquals(new AppendResult.Duplicate(first), store.append(COUNTER, ID, 0, "m1", events(ID, 0, 1, "again")));
    assertEquals(2, store.revision(COUNTER, ID));
    assertEquals(Optional.of(first), store.recorded("m1"));
    assertEquals(Optional.empty(), store.recorded("unknown"));
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
  void namesEveryInvalidSetting() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> new InMemoryEventStore(Duration.ZERO, 0, null));
    assertTrue(error.getMessage().contains("window"), error.getMessage());
    assertTrue(error.getMessage().contains("maxRemembered"), error.getMessage());
    assertTrue(error.getMessage().contains("clock"), error.getMessage());
  }

  @Test
  void concurrentWritersWithRetryLoseNoEventAndDuplicatesTakeEffectOnce() throws Exception {
    InMemoryEventStore store = new InMemoryEventStore();
    int writers = 8;
    int perWriter = 100;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<Integer>> futures = new ArrayList<>();
    for (int w = 0; w < writers; w++) {
      int writer = w;
      futures.add(pool.submit(() -> {
        start.await();
        int conflicts = 0;
        for (int i = 0; i < perWriter; i++) {
          // every command is sent by two writers: only one of them may take effect
          String messageId = "m-" + (writer / 2) + "-" + i;
          while (true) {
            long revision = store.revision(COUNTER, ID);
            AppendResult result = store.append(COUNTER, ID, revision, messageId, events(ID, revision, 1, messageId));
            if (!(result instanceof AppendResult.Conflict)) {
              break;
            }
            conflicts++;
          }
        }
        return conflicts;
      }));
    }
    start.countDown();
    for (Future<Integer> future : futures) {
      future.get(30, TimeUnit.SECONDS);
    }
    pool.shutdown();
    assertEquals(writers / 2 * perWriter, store.revision(COUNTER, ID));
    List<RecordedEvent<?>> all = store.load(COUNTER, ID, 0);
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).revision());
    }
    assertEquals(all.size(), all.stream().map(e -> e.metadata().causationId()).distinct().count());
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

    assertEquals(new AppendResult.Appended(first, 1), store.append(COUNTER, ID, 0, "m1", first, List.of(wireForm)));

    assertEquals(new Added(41), store.load(COUNTER, ID, 0).get(0).data());
    assertThrows(IllegalArgumentException.class,
        () -> store.append(COUNTER, ID, 1, "m2", events(ID, 1, 2, "m2"), List.of(wireForm)));
    assertEquals(1, store.revision(COUNTER, ID), "a refused append leaves nothing behind");
  }
}
