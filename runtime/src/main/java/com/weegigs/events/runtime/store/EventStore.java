package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import java.util.List;
import java.util.Optional;

/**
 * Where a service keeps its events: the source of truth of every aggregate. A store does three
 * things: appends a command's events with the revision the command expected, reads an aggregate's
 * events from a revision on, and (optionally) looks up what a command recorded by its
 * {@code messageId}. The promises below are checked by the compliance tests every implementation
 * runs ({@code EventStoreContract} in the runtime's test jar).
 *
 * <p><b>Revisions.</b> An aggregate's revision is the number of events it has; its first event
 * has revision 1, and revisions have no gaps. The events passed to {@link #append} already carry
 * their revisions ({@code expectedRevision + 1}, {@code + 2}, ...); a store may keep its own
 * positions (a stream sequence) but reports revisions in these terms.
 *
 * <p><b>Appends.</b> A command's events are appended together, atomically: a reader sees all of
 * them or none. An append is checked in this order: a {@code messageId} the store already recorded
 * (within its de-duplication window) appends nothing and answers {@link AppendResult.Duplicate}
 * with the events recorded the first time; an aggregate that is not at the expected revision
 * appends nothing and answers {@link AppendResult.Conflict} with its revision; otherwise the
 * events are appended and the answer is {@link AppendResult.Appended}. Of concurrent appends to
 * one aggregate at the same expected revision, exactly one is appended. This is the shape of a
 * JetStream store (one message per command on a subject per aggregate,
 * {@code Nats-Expected-Last-Subject-Sequence} for the expected revision, {@code Nats-Msg-Id} for
 * de-duplication) and of a table with a unique key on aggregate and revision.
 *
 * <p><b>Types.</b> Events travel through the SPI as {@link RecordedEvent}s holding the Java event
 * objects, and every method receives the {@link AggregateType}. A store that keeps bytes encodes
 * and decodes with it (its event codecs by wire name); events read back equal the events appended
 * (id, aggregate, type, revision, timestamp to the millisecond, data, metadata).
 *
 * <p><b>Failures.</b> A conflict or a duplicate is a normal {@link AppendResult}, not an
 * exception. A store that cannot be reached throws {@link EventStoreUnavailableException}, which
 * the service answers with {@code UNAVAILABLE}; the service retries nothing itself then.
 *
 * <p><b>Threads.</b> Implementations are thread-safe: the service calls them from many threads at
 * once, for the same aggregate too (several instances of a service share a store).
 */
public interface EventStore extends AutoCloseable {

  /**
   * The events of {@code id} whose revision is greater than {@code afterRevision}, oldest first;
   * an empty list when there are none (also for an aggregate that has no events at all).
   */
  List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision);

  /** The current revision of {@code id}: how many events it has (0 when none). */
  long revision(AggregateType<?, ?> type, AggregateId id);

  /**
   * Appends the events of one command atomically, or nothing at all (see the order of checks above).
   *
   * @param type the aggregate's type (codecs for stores that keep bytes)
   * @param id the aggregate
   * @param expectedRevision the revision the aggregate must be at; otherwise {@link AppendResult.Conflict}
   * @param messageId the command's identity: when a command with this id was already appended
   *     (within the store's de-duplication window) nothing is appended and the result is
   *     {@link AppendResult.Duplicate} with the events recorded the first time
   * @param events the command's events, non-empty, all of {@code id}, with revisions
   *     {@code expectedRevision + 1, ...}
   * @return what happened; {@link AppendResult.Appended} carries the events as stored and the new revision
   * @throws EventStoreUnavailableException when the store cannot be reached
   */
  AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events);

  /**
   * The events recorded by the command {@code messageId}, when the store still remembers it (within
   * its de-duplication window). The service asks this before running a command so a repeated
   * command is answered with the first outcome rather than run again. A store that cannot look
   * commands up by id (one that de-duplicates only on append) returns {@link Optional#empty()};
   * {@link #append} still de-duplicates, and the service answers the repeat from its
   * {@link AppendResult.Duplicate}.
   */
  default Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    return Optional.empty();
  }

  /**
   * Checks that the store can serve now, for the service's {@code {service}.health}; called
   * concurrently with commands, with a timeout. The default checks nothing.
   *
   * @return what was checked, for the health report
   * @throws Exception when the store cannot serve: the store is reported {@code down} with its message
   */
  default String checkHealth() throws Exception {
    return "no check of its own";
  }

  /** Releases the store's resources. The default does nothing. */
  @Override
  default void close() {}
}
