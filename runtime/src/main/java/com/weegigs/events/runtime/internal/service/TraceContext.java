package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.impl.Headers;

/**
 * The W3C trace context of one request ({@code traceparent}, {@code tracestate}, {@code baggage}),
 * carried onto its reply and onto the events it publishes, as the wire contract asks. A request
 * without one ({@link #NONE}, the normal case) gets a reply and events without one: the service
 * adds no headers of its own to a success. The service creates no spans of its own (telemetry is
 * a later feature), so the caller's context passes through unchanged.
 */
final class TraceContext {
  /** No trace to continue: a success reply and the events go without headers. */
  static final TraceContext NONE = new TraceContext(null, null, null);

  final String traceparent;
  final String tracestate;
  final String baggage;
  /** The headers of the events of this request, built once when there are any. */
  private Headers eventHeaders;

  private TraceContext(String traceparent, String tracestate, String baggage) {
    this.traceparent = traceparent;
    this.tracestate = tracestate;
    this.baggage = baggage;
  }

  /** The context a request carries, or {@link #NONE}; a request without headers allocates nothing. */
  static TraceContext of(Headers headers) {
    if (headers == null || headers.isEmpty()) {
      return NONE;
    }
    String traceparent = headers.getFirst(WireHeaders.TRACEPARENT);
    if (traceparent == null || traceparent.isEmpty()) {
      return NONE;
    }
    return new TraceContext(traceparent, headers.getFirst(WireHeaders.TRACESTATE), headers.getFirst(WireHeaders.BAGGAGE));
  }

  /**
   * The headers of a reply: none ({@code null}) for a success without trace context; else the
   * ADR-32 error headers of an error reply and this context. Sealed, so jnats sends them without
   * copying them.
   */
  Headers replyHeaders(Reply reply) {
    if (reply.error() == null && traceparent == null) {
      return null;
    }
    SealedHeaders headers = new SealedHeaders();
    if (reply.error() != null) {
      headers.put(WireHeaders.SERVICE_ERROR_CODE, Integer.toString(reply.error().number()))
          .put(WireHeaders.SERVICE_ERROR, reply.errorText());
    }
    addTo(headers);
    return headers.seal();
  }

  /**
   * The headers of an event notification: this context, or none ({@code null}). One sealed
   * instance serves every event of the request: jnats only reads it.
   */
  Headers eventHeaders() {
    if (traceparent == null) {
      return null;
    }
    if (eventHeaders == null) {
      SealedHeaders headers = new SealedHeaders();
      addTo(headers);
      eventHeaders = headers.seal();
    }
    return eventHeaders;
  }

  private void addTo(SealedHeaders headers) {
    if (traceparent == null) {
      return;
    }
    headers.put(WireHeaders.TRACEPARENT, traceparent);
    if (tracestate != null) {
      headers.put(WireHeaders.TRACESTATE, tracestate);
    }
    if (baggage != null) {
      headers.put(WireHeaders.BAGGAGE, baggage);
    }
  }
}
