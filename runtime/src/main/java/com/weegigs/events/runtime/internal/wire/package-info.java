/**
 * The wire contract in code ({@code docs/wire-contract.md}), shared by the service and the client:
 * every body ({@link com.weegigs.events.runtime.internal.wire.Requests},
 * {@link com.weegigs.events.runtime.internal.wire.EntityReplies},
 * {@link com.weegigs.events.runtime.internal.wire.RecordedEvents},
 * {@link com.weegigs.events.runtime.internal.wire.ErrorReplies},
 * {@link com.weegigs.events.runtime.internal.wire.HealthReports}, all written with
 * {@link com.weegigs.events.runtime.internal.wire.Envelopes}), subject
 * ({@link com.weegigs.events.runtime.internal.wire.Subjects}) and header
 * ({@link com.weegigs.events.runtime.internal.wire.WireHeaders}). Public for generated code and the
 * client, but not an API for users.
 */
package com.weegigs.events.runtime.internal.wire;
