/**
 * Telemetry through the OpenTelemetry API (the user brings the SDK): the spans, metrics and log
 * correlation of the service, the client and the live subscriber, and the W3C trace context in
 * NATS headers. Without an SDK every call here is a no-op and no header is added. Not an API: it
 * may change in any release.
 */
package com.weegigs.events.runtime.internal.telemetry;
