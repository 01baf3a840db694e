package com.weegigs.events.runtime.internal.generated;

import com.weegigs.events.runtime.CommandContext;
import java.util.List;

/**
 * Runs one command against the current state and returns the events it decides on (possibly none).
 * Generated code adapts the user's {@code @CommandHandler} method to this shape.
 *
 * @param <S> the state record
 * @param <C> the command record
 * @param <E> the events' common type
 */
@FunctionalInterface
public interface CommandHandler<S, C, E> {
  List<? extends E> handle(S state, C command, CommandContext context) throws Exception;
}
