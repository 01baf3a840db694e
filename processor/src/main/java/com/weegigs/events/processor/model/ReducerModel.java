package com.weegigs.events.processor.model;

/**
 * A {@code @Reducer} method on the aggregate record.
 *
 * @param method its name
 * @param creating whether it is static and takes only the event (starts the state of an aggregate
 *     without {@code @Initial}); otherwise it is an instance method on the state
 */
public record ReducerModel(String method, boolean creating) {}
