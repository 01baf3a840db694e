package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import java.util.List;
import java.util.Optional;

/**
 * Where a service keeps its events: the source of truth of every aggregate.
 *
 * <p><b>Shape.</b> A command's events are appended together, atomically, with the revision the
 * command expected and the command's {@code messageId}. This is the shape of a JetStream store: one
 * message per command on a subject per aggregate, {@code Nats-Expected-Last-Subject-Sequence} for
 * the expected revision and {@code Nats-Msg-Id} for de-duplication; it fits this SPI without change.
 *
 * <p><b>Types.</b> Events travel through the SPI as {@link RecordedEvent}s holding the Java event
 * objects, and every method receives the {@link AggregateType}. A store that keeps bytes (the
 * in-memory store does) encodes and decodes with it (its state, event codecs by wire
 * name), for example with the wire form of a recorded event, so stored events read exactly like
 * published ones. No codec registry is needed beyond the aggregate type.
 *
 * <p><b>Revisions.</b> An aggregate's revision is the number of events it has; its first event
 * has revision 1. The events passed to {@link #append} already carry their revisions
 * ({@code expectedRevision + 1}, {@code + 2}, ...); a store may keep its own positions but must
 * report revisions in these terms.
 *
 * <p><b>Failures.</b> A conflict or a duplicate is a normal {@link AppendResult}, not an
 * exception. A store that cannot be reached throws {@link EventStoreUnavailableException}, which
 * the service answers with {@code UNAVAILABLE}. Implementations must be thread-safe.
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
   * Appends the events of one command atomically, or nothing at all.
   *
   * @param type the aggregate's type (codecs for stores that keep bytes)
   * @param id the aggregate
   * @param expectedRevision the revision the aggregate must be at; otherwise {@link AppendResult.Conflict}
   * @param messageId the command's identity: when a command with this id was already appended
   *     (within the store's de-duplication window) nothing is appended and the result is
   *     {@link AppendResult.Duplicate} with the events recorded the first time
   * @param events the command's events, non-empty, with revisions {@code expectedRevision + 1, ...}
   * @return what happened
   */
  AppendResult append(
      AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId, List<RecordedEvent<?>> events);

  /**
   * Appends as {@link #append(AggregateType, AggregateId, long, String, List)}, given also each
   * event's wire form: the recorded event JSON of the wire contract, exactly as the service
   * publishes it. The service calls this one, having written those bytes for its reply anyway; a
   * store that keeps bytes keeps these instead of encoding the events again. The events are stored
   * as given: the service answers and publishes with the same bytes. A store may keep the arrays
   * themselves; nobody changes them afterwards. The default ignores {@code wireForms}.
   *
   * @param wireForms one per event, in the same order
   */
  default AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, List<byte[]> wireForms) {
    return append(type, id, expectedRevision, messageId, events);
  }

  /**
   * The events recorded by the command {@code messageId}, when the store still remembers it (within
   * its de-duplication window). The service asks this before running a command so a repeated
   * command is answered with the first outcome rather than run again. A store that cannot look
   * commands up by id returns {@link Optional#empty()}; {@link #append} still de-duplicates.
   */
  default Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    return Optional.empty();
  }

  /** Releases the store's resources. The default does nothing. */
  @Override
  default void close() {}
}
