package com.weegigs.events.runtime.internal.command;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateDefinition.CommandBinding;
import com.weegigs.events.runtime.definition.AggregateDefinition;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.store.CachedExpectations;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.ForwardingEventStore;
import com.weegigs.events.runtime.store.MapEventStore;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The command core on its own: no NATS, a map-backed store, and an answer that records what it is given. */
class CommandCoreTest {
  private static final AggregateId C1 = new AggregateId("counter", "c-1");
  private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-01T10:00:00Z"), ZoneOffset.UTC);
  private static final AggregateDefinition<Counter, Object> COUNTERS = Counters.counterDefinition();

  /** What the core answered: replies and publications, in order. */
  private static final class Recorded implements Answer {
    final List<Reply> replies = new ArrayList<>();
    final List<List<RecordedEvent<?>>> published = new ArrayList<>();
    final List<byte[][]> wireForms = new ArrayList<>();

    @Override
    public void reply(Reply reply) {
      replies.add(reply);
    }

    @Override
    public void publish(List<RecordedEvent<?>> events, byte[][] forms) {
      published.add(events);
      wireForms.add(forms);
    }

    Reply only() {
      assertEquals(1, replies.size());
      return replies.get(0);
    }
  }

  private static CommandCore<Counter, Object> core(EventStore store) {
    return new CommandCore<>(COUNTERS, store, 100, CLOCK, 3, new ReplyCache(100, Duration.ofMinutes(1)));
  }

  @SuppressWarnings("unchecked")
  private static <C> Recorded run(CommandCore<Counter, Object> core, String command, C body, String messageId,
      Long expectedRevision) {
    CommandBinding<Counter, C, Object> binding = (CommandBinding<Counter, C, Object>) COUNTERS.command(command);
    CommandMetadata metadata = CommandCore.metadata(
        new CommandMetadata(messageId, "corr-1", null, null, null, expectedRevision), null, CLOCK.millis());
    Recorded answer = new Recorded();
    core.validate(binding, body);
    core.execute(binding, C1, body, metadata, Deadline.NONE, answer);
    return answer;
  }

  private static CommandResult<Counter, Object> entity(Reply reply) {
    assertNull(reply.error(), () -> reply.error() + ": " + reply.errorText());
    return EntityReplies.decodeEntity(reply.body(), COUNTER);
  }

  @Test
  void runsACommandStoresItsEventsAndHandsThemOverForPublication() {
    MapEventStore store = new MapEventStore();
    Recorded answer = run(core(store), "add", new Add(5), "m-1", null);

    CommandResult<Counter, Object> result = entity(answer.only());
    assertTrue(answer.only().recorded());
    assertEquals(new Counter("c-1", 5), result.entity().state());
    List<RecordedEvent<?>> stored = store.load(COUNTER, C1, 0);
    assertEquals(stored, result.events());
    assertEquals(List.of(stored), answer.published);
    assertEquals(stored.get(0), RecordedEvents.decodeRecordedEvent(answer.wireForms.get(0)[0], COUNTER));
    assertEquals(new EventMetadata("corr-1", "m-1", null), stored.get(0).metadata());
    assertEquals(CLOCK.instant(), stored.get(0).timestamp());
  }

  @Test
  void aRepeatedMessageIdIsAnsweredFromTheStoreAndPublishesNothing() {
    MapEventStore store = new MapEventStore();
    CommandCore<Counter, Object> core = core(store);
    Recorded first = run(core, "add", new Add(5), "m-1", null);
    Recorded repeat = run(core, "add", new Add(5), "m-1", null);

    assertArrayEquals(first.only().body(), repeat.only().body());
    assertEquals(List.of(), repeat.published);
    assertEquals(1, store.revision(COUNTER, C1));
  }

  @Test
  void aConcurrentWriterIsRetriedAgainstTheNewRevision() {
    MapEventStore store = new MapEventStore();
    // another instance appends just before this one's first append
    EventStore contended = new ForwardingEventStore(store) {
      private boolean interfered;

      @Override
      public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
          List<RecordedEvent<?>> events) {
        if (!interfered) {
          interfered = true;
          store.append(type, id, 0, "other", List.of(new RecordedEvent<>("other-1", id, "added", 1, CLOCK.instant(),
              new Added(100), new EventMetadata("c", "other", null))));
        }
        return super.append(type, id, expectedRevision, messageId, events);
      }
    };

    CommandCore<Counter, Object> core = core(contended);
    Recorded answer = run(core, "add", new Add(5), "m-1", null);

    CommandResult<Counter, Object> result = entity(answer.only());
    assertEquals(2, result.entity().revision());
    assertEquals(new Counter("c-1", 105), result.entity().state());
    CommandCounters.Snapshot counts = core.counters().snapshot();
    assertEquals(1, counts.conflicts());
    assertEquals(1, counts.retries());
    // the retry found no cached state (the conflict dropped it) and rebuilt it from the store
    assertEquals(2, counts.cacheMisses());
    assertEquals(2, counts.rehydrations());
  }

  @Test
  void countsCacheHitsMissesAndRehydrations() {
    CommandCore<Counter, Object> core = core(new MapEventStore());
    run(core, "add", new Add(1), "m-1", null);
    run(core, "add", new Add(1), "m-2", null);
    core.query(C1);

    CommandCounters.Snapshot counts = core.counters().snapshot();
    assertEquals(1, counts.cacheMisses());
    assertEquals(2, counts.cacheHits());
    assertEquals(1, counts.rehydrations());
    assertTrue(counts.rehydrationNanos() >= 0);
    assertEquals(0, counts.conflicts());
    assertEquals(0, counts.retries());
  }

  @Test
  void outcomesAreCountedByCodeEveryOneListed() {
    CommandCounters counters = new CommandCounters();
    counters.answered(null);
    counters.answered(null);
    counters.answered(ErrorCode.REJECTED);

    Map<String, Long> commands = counters.snapshot().commands();
    assertEquals(ErrorCode.values().length + 1, commands.size());
    assertEquals("OK", commands.keySet().iterator().next());
    assertEquals(2L, commands.get("OK"));
    assertEquals(1L, commands.get("REJECTED"));
    assertEquals(0L, commands.get("TIMEOUT"));
  }

  @Test
  void anExpectedRevisionThatDoesNotMatchIsAConflictThatStoresNothing() {
    MapEventStore store = new MapEventStore();
    Recorded answer = run(core(store), "add", new Add(5), "m-1", 3L);

    assertEquals(ErrorCode.CONFLICT, answer.only().error());
    assertEquals("counter 'c-1' is at revision 0, not 3", answer.only().errorText());
    assertEquals(List.of(), answer.published);
    assertEquals(0, store.revision(COUNTER, C1));
  }

  @Test
  void aHandlerThatFailsUnexpectedlyIsInternalAndNamesOnlyTheCorrelationId() {
    Recorded answer = run(core(new MapEventStore()), "fail", new Counters.Fail(), "m-1", null);

    Reply reply = answer.only();
    assertEquals(ErrorCode.INTERNAL, reply.error());
    String wire = new String(reply.body(), StandardCharsets.UTF_8) + reply.errorText();
    assertTrue(wire.contains("corr-1"), wire);
    assertFalse(wire.contains("secret"), wire);
  }

  /**
   * A store that declares it refuses stale expectations on append (as JetStream does), counting
   * reads; {@code appendCatchesRepeat} says yes for ids starting with {@code fresh-}.
   */
  private static final class TrustingStore extends ForwardingEventStore implements CachedExpectations {
    int loads;
    int lookups;

    TrustingStore(EventStore delegate) {
      super(delegate);
    }

    @Override
    public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
      loads++;
      return super.load(type, id, afterRevision);
    }

    @Override
    public java.util.Optional<List<RecordedEvent<?>>> recorded(String messageId) {
      lookups++;
      return super.recorded(messageId);
    }

    @Override
    public java.util.Optional<List<RecordedEvent<?>>> recorded(AggregateType<?, ?> type, AggregateId id, String messageId) {
      return recorded(messageId);
    }

    @Override
    public void serves(AggregateType<?, ?> type) {}

    @Override
    public boolean appendCatchesRepeat(String messageId) {
      return messageId.startsWith("fresh-");
    }
  }

  @Test
  void aWarmCommandOnAStoreThatRefusesStaleExpectationsReadsNothing() {
    MapEventStore map = new MapEventStore();
    TrustingStore store = new TrustingStore(map);
    CommandCore<Counter, Object> core = core(store);
    run(core, "add", new Add(1), "fresh-1", null);
    int loadsAfterFirst = store.loads;
    Recorded second = run(core, "add", new Add(2), "fresh-2", null);

    assertEquals(3, entity(second.only()).entity().state().value());
    assertEquals(loadsAfterFirst, store.loads, "a warm command read the store");
    assertEquals(0, store.lookups, "a fresh messageId was looked up");
    run(core, "add", new Add(2), "old-3", null);
    assertEquals(1, store.lookups);
  }

  @Test
  void aStaleCacheOnSuchAStoreCostsAConflictAndAReloadNeverAWrongState() {
    MapEventStore map = new MapEventStore();
    TrustingStore store = new TrustingStore(map);
    CommandCore<Counter, Object> core = core(store);
    run(core, "add", new Add(1), "fresh-1", null);
    // another instance writes behind this one's cache
    map.append(COUNTER, C1, 1, "other", List.of(new RecordedEvent<>("other-1", C1, "added", 2, CLOCK.instant(),
        new Added(100), new EventMetadata("c", "other", null))));
    Recorded answer = run(core, "add", new Add(5), "fresh-2", null);

    CommandResult<Counter, Object> result = entity(answer.only());
    assertEquals(3, result.entity().revision());
    assertEquals(106, result.entity().state().value());
    assertEquals(1, core.counters().snapshot().conflicts());
  }

  @Test
  void aFreshRepeatThatIsRefusedOnSuchAStoreIsAnsweredFromTheRecord() {
    MapEventStore map = new MapEventStore();
    TrustingStore store = new TrustingStore(map);
    Recorded first = run(core(store), "add", new Add(1), "fresh-1", null);
    // another instance, whose handler now refuses the command: the record answers instead
    CommandCore<Counter, Object> other = core(store);
    Recorded repeat = run(other, "reject", new Counters.Reject(), "fresh-1", null);

    assertArrayEquals(first.only().body(), repeat.only().body());
    assertEquals(1, store.lookups);
  }
}
