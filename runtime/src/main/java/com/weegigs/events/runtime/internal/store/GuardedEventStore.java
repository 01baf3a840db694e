package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.resilience.Breaker;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An event store behind a circuit breaker: every call that reaches the store (load, revision,
 * append, lookup by {@code messageId}, snapshot reads) asks the {@link Breaker} first, and while it
 * is open fails at once with {@link EventStoreUnavailableException} (the service answers
 * {@code UNAVAILABLE}) instead of waiting for a store that is down. Only
 * {@link EventStoreUnavailableException} counts as a failure; a conflict or a duplicate is an answer,
 * and any other exception says nothing of the store's reach and is not counted.
 *
 * <p>It keeps the store's own capabilities: it keeps wire forms when the store does ({@link
 * WireFormAppend}, else it appends the events alone), snapshots when the store does ({@link
 * SnapshotKeeping}, else an interval of 0: none), and {@link #of} returns the {@link Cached} kind
 * when the store lets commands trust their cached state ({@link CachedExpectations}), since that one
 * changes how the command core loads. The health check and {@link #close()} go straight to the store.
 */
public class GuardedEventStore implements EventStore, WireFormAppend, SnapshotKeeping {
  private final EventStore store;
  private final Breaker breaker;
  private final WireFormAppend wireForms;
  private final SnapshotKeeping snapshots;

  GuardedEventStore(EventStore store, Breaker breaker) {
    this.store = store;
    this.breaker = breaker;
    this.wireForms = store instanceof WireFormAppend keeps ? keeps : null;
    this.snapshots = store instanceof SnapshotKeeping keeping ? keeping : null;
  }

  /** {@code store} behind {@code breaker}; {@code store} itself when there is no breaker. */
  public static EventStore of(EventStore store, Breaker breaker) {
    if (breaker == null) {
      return store;
    }
    return store instanceof CachedExpectations ? new Cached(store, breaker) : new GuardedEventStore(store, breaker);
  }

  /** The store behind the breaker. */
  public EventStore store() {
    return store;
  }

  @Override
  public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
    return guarded(() -> store.load(type, id, afterRevision));
  }

  @Override
  public long revision(AggregateType<?, ?> type, AggregateId id) {
    return guarded(() -> store.revision(type, id));
  }

  @Override
  public AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events) {
    return guarded(() -> store.append(type, id, expectedRevision, messageId, events));
  }

  @Override
  public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, byte[][] forms) {
    return guarded(() -> wireForms != null
        ? wireForms.append(type, id, expectedRevision, messageId, events, forms)
        : store.append(type, id, expectedRevision, messageId, events));
  }

  @Override
  public Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    return guarded(() -> store.recorded(messageId));
  }

  @Override
  public int snapshotInterval() {
    return snapshots == null ? 0 : snapshots.snapshotInterval();
  }

  @Override
  public <S> History<S> history(AggregateType<S, ?> type, AggregateId id) {
    return snapshots == null ? new History<>(null, load(type, id, 0)) : guarded(() -> snapshots.history(type, id));
  }

  @Override
  public <S> Snapshot<S> snapshot(AggregateType<S, ?> type, AggregateId id) {
    return snapshots == null ? null : guarded(() -> snapshots.snapshot(type, id));
  }

  @Override
  public <S> void offer(AggregateType<S, ?> type, AggregateId id, long revision, S state) {
    if (snapshots != null) {
      snapshots.offer(type, id, revision, state);
    }
  }

  @Override
  public String checkHealth() throws Exception {
    return store.checkHealth();
  }

  @Override
  public void close() {
    store.close();
  }

  <T> T guarded(Supplier<T> call) {
    if (!breaker.permit()) {
      throw new StoreCircuitOpenException();
    }
    long started = System.nanoTime();
    T result;
    try {
      result = call.get();
    } catch (EventStoreUnavailableException e) {
      breaker.failed(System.nanoTime() - started, e);
      throw e;
    } catch (RuntimeException | Error e) {
      breaker.ignored();
      throw e;
    }
    breaker.succeeded(System.nanoTime() - started);
    return result;
  }

  @Override
  public String toString() {
    return store + " behind circuit breaker " + breaker.name();
  }

  /** A guarded store that lets commands trust their cached state, as the store behind it does. */
  static final class Cached extends GuardedEventStore implements CachedExpectations {
    private final CachedExpectations cached;

    Cached(EventStore store, Breaker breaker) {
      super(store, breaker);
      this.cached = (CachedExpectations) store;
    }

    @Override
    public void serves(AggregateType<?, ?> type) {
      cached.serves(type);
    }

    @Override
    public boolean appendCatchesRepeat(String messageId) {
      return cached.appendCatchesRepeat(messageId);
    }

    @Override
    public Optional<List<RecordedEvent<?>>> recorded(AggregateType<?, ?> type, AggregateId id, String messageId) {
      return guarded(() -> cached.recorded(type, id, messageId));
    }
  }
}
