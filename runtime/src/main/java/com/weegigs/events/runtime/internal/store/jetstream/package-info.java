/**
 * The JetStream event store's internals: the stored format of a command ({@link
 * com.weegigs.events.runtime.internal.store.jetstream.CommandMessages}), the key encoding
 * ({@link com.weegigs.events.runtime.internal.store.jetstream.KeyTokens}), and the stream and
 * buckets it keeps. The format is documented in {@code docs/wire-contract.md} ("Durable events on
 * JetStream"). Not an API: it may change in any release.
 */
package com.weegigs.events.runtime.internal.store.jetstream;
