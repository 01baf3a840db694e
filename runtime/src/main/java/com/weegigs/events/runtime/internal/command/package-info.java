/**
 * The command core, free of any transport: running a command against an aggregate (load the
 * state through the state cache and the event store, run the handler, append with the expected
 * revision and retry after a concurrent writer, remember the outcome for the command's
 * {@code messageId}) and answering a query. The NATS side in
 * {@code com.weegigs.events.runtime.internal.service} decodes requests into calls here and sends
 * what comes back. Not an API: it may change in any release.
 */
package com.weegigs.events.runtime.internal.command;
