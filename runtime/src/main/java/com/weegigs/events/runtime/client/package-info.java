/**
 * The typed client runtime: {@link com.weegigs.events.runtime.client.ServiceClient} (one per
 * service and connection), {@link com.weegigs.events.runtime.client.AggregateClient} (commands,
 * queries and live events of one aggregate type; generated {@code <Aggregate>Client}s wrap it) and
 * {@link com.weegigs.events.runtime.client.CallOptions} (per-call timeout, expected revision and
 * ids). Failures are the {@link com.weegigs.events.runtime.error.ServiceException} subclass of the
 * wire error code, built in one place by
 * {@link com.weegigs.events.runtime.error.ServiceException#of}.
 */
package com.weegigs.events.runtime.client;
