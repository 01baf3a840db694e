/**
 * Where a service keeps its events: the {@link com.weegigs.events.runtime.store.EventStore} SPI
 * (append a command's events atomically with an expected revision and the command's
 * {@code messageId}; a conflict or a duplicate is an
 * {@link com.weegigs.events.runtime.store.AppendResult}) and the embedded default,
 * {@link com.weegigs.events.runtime.store.InMemoryEventStore}.
 */
package com.weegigs.events.runtime.store;
