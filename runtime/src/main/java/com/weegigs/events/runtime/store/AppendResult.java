package com.weegigs.events.runtime.store;

import com.weegigs.events.runtime.RecordedEvent;
import java.util.List;

/** The outcome of {@link EventStore#append}: appended, a duplicate of an earlier command, or a conflict. */
public sealed interface AppendResult {

  /**
   * The events were appended.
   *
   * @param events the events as stored
   * @param revision the aggregate's revision after them
   */
  record Appended(List<RecordedEvent<?>> events, long revision) implements AppendResult {
    public Appended {
      events = List.copyOf(events);
    }
  }

  /**
   * A command with the same {@code messageId} was appended before; nothing was appended now.
   *
   * @param events the events recorded the first time
   */
  record Duplicate(List<RecordedEvent<?>> events) implements AppendResult {
    public Duplicate {
      events = List.copyOf(events);
    }
  }

  /**
   * The aggregate was not at the expected revision; nothing was appended.
   *
   * @param actualRevision its revision when the append was tried
   */
  record Conflict(long actualRevision) implements AppendResult {}
}
