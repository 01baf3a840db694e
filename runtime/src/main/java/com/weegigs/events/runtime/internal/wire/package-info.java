/**
 * The wire contract in code: every body ({@link com.weegigs.events.runtime.internal.wire.Envelopes}),
 * subject ({@link com.weegigs.events.runtime.internal.wire.Subjects}) and header
 * ({@link com.weegigs.events.runtime.internal.wire.WireHeaders}) of {@code WIRE.md}, shared by the
 * service and the client. Public for generated code and the client, but not an API for users.
 */
package com.weegigs.events.runtime.internal.wire;
