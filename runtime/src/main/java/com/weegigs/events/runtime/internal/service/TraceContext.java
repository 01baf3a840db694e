package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.internal.wire.WireIds;
import io.nats.client.impl.Headers;

/**
 * The W3C trace context of one request ({@code traceparent}, {@code tracestate}, {@code baggage}),
 * carried onto its reply and onto the events it publishes, as the wire contract asks. A request
 * without one gets a new, unsampled trace so its reply and events can still be tied together.
 * The service creates no spans of its own (telemetry is a later feature), so the caller's context
 * passes through unchanged.
 */
final class TraceContext {
  final String traceparent;
  final String tracestate;
  final String baggage;

  private TraceContext(String traceparent, String tracestate, String baggage) {
    this.traceparent = traceparent;
    this.tracestate = tracestate;
    this.baggage = baggage;
  }

  /** The context a request carries, or a new root when it carries none. */
  static TraceContext of(Headers headers) {
    String traceparent = headers == null ? null : headers.getFirst(WireHeaders.TRACEPARENT);
    if (traceparent == null || traceparent.isEmpty()) {
      return new TraceContext(WireIds.newTraceparent(), null, null);
    }
    return new TraceContext(traceparent, headers.getFirst(WireHeaders.TRACESTATE), headers.getFirst(WireHeaders.BAGGAGE));
  }

  /**
   * The headers of a reply: {@code Content-Type}, the ADR-32 error headers of an error reply, and
   * this context; sealed, so jnats sends them without copying them.
   */
  Headers replyHeaders(Reply reply) {
    SealedHeaders headers = new SealedHeaders();
    headers.put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON);
    if (reply.error() != null) {
      headers.put(WireHeaders.SERVICE_ERROR_CODE, Integer.toString(reply.error().number()))
          .put(WireHeaders.SERVICE_ERROR, reply.errorText());
    }
    addTo(headers);
    return headers.seal();
  }

  /** Adds this context to {@code headers}. */
  void addTo(Headers headers) {
    headers.put(WireHeaders.TRACEPARENT, traceparent);
    if (tracestate != null) {
      headers.put(WireHeaders.TRACESTATE, tracestate);
    }
    if (baggage != null) {
      headers.put(WireHeaders.BAGGAGE, baggage);
    }
  }
}
