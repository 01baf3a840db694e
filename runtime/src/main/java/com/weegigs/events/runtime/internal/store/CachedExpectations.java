package com.weegigs.events.runtime.internal.store;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import java.util.List;
import java.util.Optional;

/**
 * An event store that is slow to read and cheap to try: the command core trusts its cached state
 * for a command and appends with the cached revision at once, without reading the events stored
 * after it; when another writer got there first the append answers a conflict, and only then does
 * the core reload and retry. Queries still catch up. Stores without it (the in-memory store) are
 * read before every command, which costs them nothing.
 */
public interface CachedExpectations {
  /**
   * Called once for each aggregate type the service hosts, before any command runs, so the store
   * can read what it finds by {@code messageId} alone ({@link
   * com.weegigs.events.runtime.store.EventStore#recorded}) with the right codecs.
   */
  void serves(AggregateType<?, ?> type);

  /**
   * Whether an append alone answers a repeat of {@code messageId} with {@code Duplicate} (the
   * store's de-duplication window surely still holds it), so the core need not ask {@link
   * com.weegigs.events.runtime.store.EventStore#recorded} before running the command. When it
   * skips that, the core asks it before answering a refusal instead: a repeat of a command that
   * succeeded is answered with its first outcome even when running it again would be refused.
   */
  boolean appendCatchesRepeat(String messageId);

  /**
   * The events recorded by the command {@code messageId} for {@code id}, as {@link
   * com.weegigs.events.runtime.store.EventStore#recorded}, which the core asks instead: a store may
   * keep no record by {@code messageId} alone of a command whose repeats its append catches, and
   * find it on the aggregate instead.
   */
  Optional<List<RecordedEvent<?>>> recorded(AggregateType<?, ?> type, AggregateId id, String messageId);
}
