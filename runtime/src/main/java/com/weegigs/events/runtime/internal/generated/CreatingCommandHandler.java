package com.weegigs.events.runtime.internal.generated;

import com.weegigs.events.runtime.CommandContext;
import java.util.List;

/**
 * Handles a command that creates an aggregate without an initial state. It runs only while the
 * aggregate has no events; afterwards the command fails with {@code CONFLICT}.
 *
 * @param <C> the command record
 * @param <E> the events' common type
 */
@FunctionalInterface
public interface CreatingCommandHandler<C, E> {
  List<? extends E> handle(C command, CommandContext context) throws Exception;
}
