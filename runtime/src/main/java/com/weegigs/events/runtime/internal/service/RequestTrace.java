package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.context.Context;

/**
 * The trace of one request: the context it runs in (the service's span, a child of the caller's
 * when it sent one), and whether the caller sent a trace context, which the reply and the events
 * then carry on, as the wire contract asks. A request without one gets a success reply and events
 * without headers, whatever the service samples: the service adds no headers of its own.
 */
final class RequestTrace {
  private final Telemetry telemetry;
  /** The context the request runs in: the service's span (or the caller's, when there is no span) and baggage. */
  final Context context;
  /** The service's span of the request; invalid when none was started. */
  final Span span;
  /** Whether the caller sent a trace context or baggage, so replies and events carry one. */
  final boolean continued;

  RequestTrace(Telemetry telemetry, Context context, Span span, boolean continued) {
    this.telemetry = telemetry;
    this.context = context;
    this.span = span;
    this.continued = continued;
  }

  /** The trace context of a request answered without a span of its own (refused early, discovery). */
  static RequestTrace passThrough(Telemetry telemetry, Headers headers) {
    Context context = telemetry.extract(headers);
    return new RequestTrace(telemetry, context, Span.getInvalid(), Telemetry.carries(context));
  }

  /**
   * The headers of a reply: none ({@code null}) for a success to a request without trace context;
   * else the ADR-32 error headers of an error reply and the trace context. Sealed, so jnats sends
   * them without copying them.
   */
  Headers replyHeaders(Reply reply) {
    if (reply.error() == null && !continued) {
      return null;
    }
    SealedHeaders headers = new SealedHeaders();
    if (reply.error() != null) {
      headers.put(WireHeaders.SERVICE_ERROR_CODE, Integer.toString(reply.error().number()))
          .put(WireHeaders.SERVICE_ERROR, reply.errorText());
    }
    if (continued) {
      telemetry.inject(context, headers);
    }
    return headers.seal();
  }

  /** The headers of an event published in {@code publishing} (a child of this trace): its trace context, or none. */
  Headers eventHeaders(Context publishing) {
    return continued ? telemetry.inject(publishing, new SealedHeaders()).seal() : null;
  }

  /** Marks the request's span with the reply's error, if it is one. */
  void answered(Reply reply) {
    if (reply.error() != null) {
      Telemetry.failed(span, reply.error(), reply.errorText());
    }
  }
}
