package com.weegigs.events.annotations;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the method that handles a command. Accepted forms, in any class (static or instance):
 * <ul>
 *   <li>{@code Event handle(State state, Cmd command)} or {@code List<? extends E> handle(...)}</li>
 *   <li>the same with a trailing {@code CommandContext context} parameter</li>
 *   <li>a creating handler without the state parameter, for aggregates without {@link Initial}:
 *       it runs only while the aggregate has no events</li>
 * </ul>
 * A handler refuses a command by throwing {@code com.weegigs.events.runtime.error.RejectedException}.
 */
@Documented
@Retention(RetentionPolicy.CLASS)
@Target(ElementType.METHOD)
public @interface CommandHandler {}
