package com.weegigs.events.runtime;

import java.util.List;
import java.util.Objects;

/**
 * What a command produced: the aggregate after it, and the events it recorded (none when the
 * handler decided nothing needed to change).
 *
 * @param entity the aggregate after the command
 * @param events the events the command recorded, in order
 * @param <S> the state's Java type
 * @param <E> the events' common Java type
 */
public record CommandResult<S, E>(Entity<S> entity, List<RecordedEvent<? extends E>> events) {
  public CommandResult {
    Objects.requireNonNull(entity, "entity");
    events = List.copyOf(events);
  }
}
