package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.store.AsyncAppend;
import com.weegigs.events.runtime.internal.store.CachedExpectations;
import com.weegigs.events.runtime.internal.store.SnapshotKeeping;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.runtime.internal.store.jetstream.JetStreamStore;
import io.nats.client.Connection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * An {@link EventStore} in NATS JetStream: durable, replicated, shared by every instance of a
 * service. The stored format (stream, subjects, headers, body, buckets) is documented in
 * {@code docs/wire-contract.md} ("Durable events on JetStream").
 *
 * <ul>
 *   <li>One message per command on its aggregate's subject, holding all of its events: a command
 *       is stored whole or not at all.
 *   <li>Optimistic concurrency with {@code Nats-Expected-Last-Subject-Sequence}: the store knows
 *       the stream sequence of each aggregate's revision it last saw, so a command on a cached
 *       aggregate costs one publish; another writer's message makes it a {@link
 *       AppendResult.Conflict}.
 *   <li>Repeated commands: JetStream de-duplicates the {@code messageId} ({@code Nats-Msg-Id})
 *       within the stream's duplicate window, and a key-value bucket remembers recent outcomes
 *       beyond it, for every instance; a command whose {@code messageId} is a ULID made well within
 *       the window has no record there, and the service finds it on its aggregate's subject.
 *   <li>Snapshots of states in a key-value bucket every {@link JetStreamStoreConfig#snapshotInterval()}
 *       events, fingerprinted by the state's JSON Schema; one of another shape is ignored.
 *   <li>A message on a store subject that is not a command message is skipped and logged.
 * </ul>
 *
 * <p>Usually made by the service on its own connection ({@code
 * NatsService.builder(...).withEventStore(JetStreamStoreConfig.forService("receipts"))}), which then
 * closes it; opened with {@link #open} it belongs to the caller. Thread-safe. When NATS cannot be
 * reached, calls throw {@link EventStoreUnavailableException} at once or within
 * {@link JetStreamStoreConfig#requestTimeout()}.
 */
public final class JetStreamEventStore implements EventStore, AsyncAppend, CachedExpectations, SnapshotKeeping {
  private final JetStreamStore store;

  private JetStreamEventStore(JetStreamStore store) {
    this.store = store;
  }

  /**
   * Opens the store on {@code connection} (which the caller keeps open while the store is used):
   * creates the stream and buckets when missing.
   *
   * @throws IllegalStateException when the server has no JetStream (saying how to enable it), an
   *     existing stream's configuration is incompatible (naming each difference), or JetStream
   *     cannot be reached
   */
  public static JetStreamEventStore open(Connection connection, JetStreamStoreConfig config) {
    Objects.requireNonNull(connection, "connection");
    Objects.requireNonNull(config, "config");
    return new JetStreamEventStore(JetStreamStore.open(connection, config));
  }

  /** The configuration the store was opened with. */
  public JetStreamStoreConfig config() {
    return store.config();
  }

  @Override
  public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
    return store.load(type, id, afterRevision);
  }

  @Override
  public long revision(AggregateType<?, ?> type, AggregateId id) {
    return store.revision(type, id);
  }

  @Override
  public AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events) {
    InMemoryEventStore.checkAppend(type, id, expectedRevision, events);
    return store.append(type, id, expectedRevision, messageId, events, CommandMessages.wireForms(type, events));
  }

  /** Stores {@code wireForms}, the service's own encoding of {@code events}. For the service only. */
  @Override
  public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, byte[][] wireForms) {
    InMemoryEventStore.checkAppend(type, id, expectedRevision, events);
    if (wireForms == null || wireForms.length != events.size()) {
      throw new IllegalArgumentException("append needs one wire form per event");
    }
    return store.append(type, id, expectedRevision, messageId, events, wireForms);
  }

  /** Stores {@code wireForms} as {@link #append(AggregateType, AggregateId, long, String, List, byte[][])}, completing later. For the service only. */
  @Override
  public CompletableFuture<AppendResult> appendAsync(AggregateType<?, ?> type, AggregateId id, long expectedRevision,
      String messageId, List<RecordedEvent<?>> events, byte[][] wireForms) {
    InMemoryEventStore.checkAppend(type, id, expectedRevision, events);
    if (wireForms == null || wireForms.length != events.size()) {
      throw new IllegalArgumentException("append needs one wire form per event");
    }
    return store.appendAsync(type, id, expectedRevision, messageId, events, wireForms);
  }

  @Override
  public Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    return store.recorded(messageId);
  }

  /** For the service only. */
  @Override
  public void serves(AggregateType<?, ?> type) {
    store.serves(type);
  }

  /** For the service only. */
  @Override
  public boolean appendCatchesRepeat(String messageId) {
    return store.appendCatchesRepeat(messageId);
  }

  /** For the service only. */
  @Override
  public Optional<List<RecordedEvent<?>>> recorded(AggregateType<?, ?> type, AggregateId id, String messageId) {
    return store.recorded(type, id, messageId);
  }

  /** For the service only. */
  @Override
  public int snapshotInterval() {
    return store.snapshotInterval();
  }

  /** For the service only. */
  @Override
  public <S> History<S> history(AggregateType<S, ?> type, AggregateId id) {
    return store.history(type, id);
  }

  /** For the service only. */
  @Override
  public <S> Snapshot<S> snapshot(AggregateType<S, ?> type, AggregateId id) {
    return store.snapshot(type, id);
  }

  /** For the service only. */
  @Override
  public <S> void offer(AggregateType<S, ?> type, AggregateId id, long revision, S state) {
    store.offer(type, id, revision, state);
  }

  /** Reads the stream's state from the server: reachable, and the stream exists. */
  @Override
  public String checkHealth() throws Exception {
    return store.checkHealth();
  }

  @Override
  public String toString() {
    return "JetStreamEventStore[" + store.config().streamName() + "]";
  }
}
