package com.weegigs.events.processor.model;

import com.palantir.javapoet.ClassName;

/**
 * A {@code @CommandHandler} method.
 *
 * @param owner the class that declares it
 * @param method its name
 * @param isStatic whether it is static (otherwise the stub is given an instance of {@code owner},
 *     or, when {@code owner} is the aggregate itself, calls it on the state)
 * @param takesState whether its first parameter is the state (otherwise it is a creating handler)
 * @param takesContext whether its last parameter is a {@code CommandContext}
 * @param returnsList whether it returns a {@code List} of events (otherwise one event)
 */
public record HandlerModel(
    ClassName owner, String method, boolean isStatic, boolean takesState, boolean takesContext, boolean returnsList) {}
