package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.ACCOUNT;
import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Deposited;
import com.weegigs.events.runtime.fixtures.Counters.Opened;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The promises of the {@link EventStore} SPI, as tests every store implementation runs: extend
 * this class, return a new empty store from {@link #newStore()}, and the store is checked for
 * revisions, expected-revision conflicts, atomic appends, {@code messageId} de-duplication, reads
 * after a revision, recorded outcomes and concurrent appenders. The runtime's test jar carries it
 * (with the {@code counters} fixtures it appends events of) for stores in other modules.
 */
public abstract class EventStoreContract {
  private static final AggregateId C1 = new AggregateId("counter", "c-1");
  private static final AggregateId C2 = new AggregateId("counter", "c-2");
  private static final AggregateId A1 = new AggregateId("account", "a-1");
  /** Millisecond precision: what the wire contract's timestamps keep. */
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");

  /** The store under test; a new, empty one for each test. */
  protected EventStore store;

  /** A new, empty store. */
  protected abstract EventStore newStore();

  /**
   * Whether the store looks commands up by {@code messageId} ({@link EventStore#recorded}); a store
   * that does not answers {@link Optional#empty()} and still de-duplicates appends.
   */
  protected boolean looksUpRecordedCommands() {
    return true;
  }

  @BeforeEach
  void openStore() {
    store = newStore();
  }

  @AfterEach
  void closeStore() {
    store.close();
  }

  /** {@code count} {@code added} events of {@code id} for the command {@code messageId}, after {@code revision}. */
  protected static List<RecordedEvent<?>> added(AggregateId id, long revision, int count, String messageId) {
    List<RecordedEvent<?>> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(new RecordedEvent<>(messageId + "-" + i, id, "added", revision + i, AT, new Added(revision + i),
          new EventMetadata("corr-" + messageId, messageId, "user-1")));
    }
    return List.copyOf(events);
  }

  @Test
  void anAggregateWithoutEventsIsAtRevisionZeroAndReadsEmpty() {
    assertEquals(0, store.revision(COUNTER, C1));
    assertEquals(List.of(), store.load(COUNTER, C1, 0));
  }

  @Test
  void appendsAtTheExpectedRevisionAndNumbersRevisionsFromOne() {
    List<RecordedEvent<?>> first = added(C1, 0, 2, "m1");
    AppendResult result = store.append(COUNTER, C1, 0, "m1", first);

    AppendResult.Appended appended = assertInstanceOf(AppendResult.Appended.class, result);
    assertEquals(2, appended.revision());
    assertEquals(first, appended.events());
    assertEquals(2, store.revision(COUNTER, C1));
    List<RecordedEvent<?>> second = added(C1, 2, 1, "m2");
    assertEquals(new AppendResult.Appended(second, 3), store.append(COUNTER, C1, 2, "m2", second));
    List<Long> revisions = store.load(COUNTER, C1, 0).stream().map(RecordedEvent::revision).toList();
    assertEquals(List.of(1L, 2L, 3L), revisions);
  }

  @Test
  void eventsReadBackEqualTheEventsAppended() {
    List<RecordedEvent<?>> events = List.of(
        new RecordedEvent<>("e-1", A1, "opened", 1, AT, new Opened("ada"), new EventMetadata("corr", "m1", "user-1")),
        new RecordedEvent<>("e-2", A1, "deposited", 2, AT, new Deposited(42), new EventMetadata("corr", "m1", null)));
    store.append(ACCOUNT, A1, 0, "m1", events);

    assertEquals(events, store.load(ACCOUNT, A1, 0));
  }

  @Test
  void aWrongExpectedRevisionIsAConflictAndAppendsNothing() {
    store.append(COUNTER, C1, 0, "m1", added(C1, 0, 1, "m1"));

    assertEquals(new AppendResult.Conflict(1), store.append(COUNTER, C1, 0, "m2", added(C1, 0, 1, "m2")));
    assertEquals(new AppendResult.Conflict(1), store.append(COUNTER, C1, 5, "m3", added(C1, 5, 1, "m3")));
    assertEquals(1, store.revision(COUNTER, C1));
    assertEquals(1, store.load(COUNTER, C1, 0).size());
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 1, "m2", added(C1, 1, 1, "m2")));
  }

  @Test
  void theEventsOfOneCommandAreAppendedAllOrNone() {
    store.append(COUNTER, C1, 0, "m1", added(C1, 0, 1, "m1"));

    // three events at a stale revision: none of them may land
    assertInstanceOf(AppendResult.Conflict.class, store.append(COUNTER, C1, 0, "m2", added(C1, 0, 3, "m2")));
    assertEquals(1, store.revision(COUNTER, C1));
    List<RecordedEvent<?>> three = added(C1, 1, 3, "m3");
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 1, "m3", three));
    assertEquals(three, store.load(COUNTER, C1, 1));
  }

  @Test
  void aRepeatedMessageIdAppendsNothingAndAnswersTheFirstEvents() {
    List<RecordedEvent<?>> first = added(C1, 0, 2, "m1");
    store.append(COUNTER, C1, 0, "m1", first);

    // a duplicate is reported before the revision is checked: the repeat expected revision 0 again
    assertEquals(new AppendResult.Duplicate(first), store.append(COUNTER, C1, 0, "m1", added(C1, 0, 1, "again")));
    assertEquals(new AppendResult.Duplicate(first), store.append(COUNTER, C1, 2, "m1", added(C1, 2, 1, "again")));
    assertEquals(2, store.revision(COUNTER, C1));
  }

  @Test
  void readsOnlyTheEventsAfterARevision() {
    List<RecordedEvent<?>> events = added(C1, 0, 4, "m1");
    store.append(COUNTER, C1, 0, "m1", events);

    assertEquals(events, store.load(COUNTER, C1, 0));
    assertEquals(events.subList(2, 4), store.load(COUNTER, C1, 2));
    assertEquals(List.of(), store.load(COUNTER, C1, 4));
    assertEquals(List.of(), store.load(COUNTER, C1, 10));
  }

  @Test
  void aggregatesHaveTheirOwnRevisions() {
    store.append(COUNTER, C1, 0, "m1", added(C1, 0, 3, "m1"));
    List<RecordedEvent<?>> other = added(C2, 0, 1, "m2");

    assertEquals(new AppendResult.Appended(other, 1), store.append(COUNTER, C2, 0, "m2", other));
    assertEquals(3, store.revision(COUNTER, C1));
    assertEquals(other, store.load(COUNTER, C2, 0));
  }

  @Test
  void remembersWhatACommandRecordedByItsMessageId() {
    List<RecordedEvent<?>> first = added(C1, 0, 2, "m1");
    store.append(COUNTER, C1, 0, "m1", first);

    Optional<List<RecordedEvent<?>>> recorded = store.recorded("m1");
    if (looksUpRecordedCommands()) {
      assertEquals(Optional.of(first), recorded);
    } else {
      assertEquals(Optional.empty(), recorded);
    }
    assertEquals(Optional.empty(), store.recorded("never-sent"));
  }

  @Test
  void concurrentAppendersLoseNoEventAndEachCommandTakesEffectOnce() throws Exception {
    int writers = 8;
    int perWriter = 50;
    ExecutorService pool = Executors.newFixedThreadPool(writers);
    try {
      CountDownLatch start = new CountDownLatch(1);
      List<Future<?>> futures = new ArrayList<>();
      for (int w = 0; w < writers; w++) {
        int writer = w;
        futures.add(pool.submit(() -> {
          start.await();
          for (int i = 0; i < perWriter; i++) {
            // every command is sent by two writers: only one of them may take effect
            String messageId = "m-" + (writer / 2) + "-" + i;
            AppendResult result;
            do {
              long revision = store.revision(COUNTER, C1);
              result = store.append(COUNTER, C1, revision, messageId, added(C1, revision, 2, messageId));
            } while (result instanceof AppendResult.Conflict);
          }
          return null;
        }));
      }
      start.countDown();
      for (Future<?> future : futures) {
        future.get(60, TimeUnit.SECONDS);
      }
    } finally {
      pool.shutdownNow();
    }

    int commands = writers / 2 * perWriter;
    assertEquals(2L * commands, store.revision(COUNTER, C1));
    List<RecordedEvent<?>> all = store.load(COUNTER, C1, 0);
    assertEquals(2 * commands, all.size());
    Set<String> messageIds = new HashSet<>();
    for (int i = 0; i < all.size(); i++) {
      assertEquals(i + 1, all.get(i).revision());
      if (i % 2 == 0) {
        // a command's two events are next to each other
        assertEquals(all.get(i).metadata().causationId(), all.get(i + 1).metadata().causationId());
        assertTrue(messageIds.add(all.get(i).metadata().causationId()), "a command took effect twice");
      }
    }
  }
}
