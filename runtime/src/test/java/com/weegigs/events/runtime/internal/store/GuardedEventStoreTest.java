package com.weegigs.events.runtime.internal.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CircuitBreakerConfig;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.resilience.Breaker;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.EventStoreContract;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import com.weegigs.events.runtime.store.ForwardingEventStore;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The event store behind its circuit breaker: still an event store by the SPI's promises, with the
 * capabilities of the store behind it; only an unreachable store counts as a failure.
 */
class GuardedEventStoreTest extends EventStoreContract {
  private static final AggregateId ID = new AggregateId("counter", "c-9");
  private static final CircuitBreakerConfig SMALL = CircuitBreakerConfig.defaults().withWindow(4, 2)
      .withWaitInOpenState(Duration.ofMinutes(1));

  @Override
  protected EventStore newStore() {
    return GuardedEventStore.of(new InMemoryEventStore(), Breaker.of("event-store", SMALL, Telemetry.NOOP));
  }

  @Test
  void itKeepsTheCapabilitiesOfTheStoreBehindIt() {
    EventStore memory = new InMemoryEventStore();
    EventStore guarded = GuardedEventStore.of(memory, Breaker.of("event-store", SMALL, Telemetry.NOOP));
    assertInstanceOf(WireFormAppend.class, guarded);
    assertFalse(guarded instanceof CachedExpectations);
    assertEquals(0, ((SnapshotKeeping) guarded).snapshotInterval());
    assertSame(memory, GuardedEventStore.of(memory, Breaker.of("event-store", CircuitBreakerConfig.disabled(), Telemetry.NOOP)));
  }

  @Test
  void unreachableOpensItAndThenCallsFailAtOnceWithoutReachingTheStore() {
    Breaker breaker = Breaker.of("event-store", SMALL, Telemetry.NOOP);
    Flaky flaky = new Flaky(new InMemoryEventStore());
    EventStore guarded = GuardedEventStore.of(flaky, breaker);

    // conflicts are answers, not failures
    assertInstanceOf(AppendResult.Appended.class, guarded.append(COUNTER, ID, 0, "m1", added(ID, 0, 1, "m1")));
    for (int i = 0; i < 4; i++) {
      assertInstanceOf(AppendResult.Conflict.class, guarded.append(COUNTER, ID, 0, "x" + i, added(ID, 0, 1, "x" + i)));
    }
    assertEquals("closed", breaker.state());

    flaky.down = true;
    for (int i = 0; i < 4 && !"open".equals(breaker.state()); i++) {
      assertThrows(EventStoreUnavailableException.class, () -> guarded.revision(COUNTER, ID));
    }
    assertEquals("open", breaker.state());
    int reached = flaky.calls;
    EventStoreUnavailableException open = assertThrows(EventStoreUnavailableException.class, () -> guarded.load(COUNTER, ID, 0));
    assertTrue(open.getMessage().contains("circuit breaker is open"), open.getMessage());
    assertEquals(reached, flaky.calls);
    HealthCheck.Result health = breaker.health();
    assertEquals(HealthCheck.Status.DOWN, health.status());
  }

  /** A store that is unreachable while {@code down}, and counts the calls that reach it. */
  private static final class Flaky extends ForwardingEventStore {
    volatile boolean down;
    volatile int calls;

    Flaky(EventStore delegate) {
      super(delegate);
    }

    @Override
    public long revision(AggregateType<?, ?> type, AggregateId id) {
      calls++;
      if (down) {
        throw new EventStoreUnavailableException("down", null);
      }
      return super.revision(type, id);
    }

    @Override
    public List<com.weegigs.events.runtime.RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long after) {
      calls++;
      if (down) {
        throw new EventStoreUnavailableException("down", null);
      }
      return super.load(type, id, after);
    }
  }
}
