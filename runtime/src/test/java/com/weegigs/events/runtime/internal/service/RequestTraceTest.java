package com.weegigs.events.runtime.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import io.nats.client.impl.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The headers of replies and events without an SDK: none on the lean path, the caller's trace
 * context carried on as received when there is one.
 */
class RequestTraceTest {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final Reply OK = Reply.success(new byte[] {'{', '}'});

  @Test
  void aRequestWithoutATraceGetsASuccessAndEventsWithoutHeaders() {
    RequestTrace none = RequestTrace.passThrough(Telemetry.NOOP, null);
    RequestTrace other = RequestTrace.passThrough(Telemetry.NOOP, new Headers().put("Content-Type", "application/json")
        .put("Wee-Deadline", "1").put("Nats-Msg-Id", "m-1"));

    for (RequestTrace trace : List.of(none, other)) {
      assertFalse(trace.continued);
      assertNull(trace.replyHeaders(OK));
      assertNull(trace.eventHeaders(trace.context));
    }
  }

  @Test
  void anErrorCarriesOnlyTheAdr32HeadersWithoutATrace() {
    Headers headers = RequestTrace.passThrough(Telemetry.NOOP, null)
        .replyHeaders(Reply.error(ErrorCode.REJECTED, "receipt is closed"));

    assertEquals(List.of("Nats-Service-Error-Code", "Nats-Service-Error"), List.copyOf(headers.keySet()));
    assertEquals("422", headers.getFirst("Nats-Service-Error-Code"));
    assertTrue(headers.isReadOnly(), "sealed, so jnats sends them without copying");
  }

  @Test
  void aTraceComesBackOnTheReplyAndTheEventsAsReceived() {
    RequestTrace trace = RequestTrace.passThrough(Telemetry.NOOP, new Headers().put("traceparent", TRACEPARENT)
        .put("tracestate", "a=1").put("baggage", "tenant=acme").put("Content-Type", "application/json"));

    assertTrue(trace.continued);
    Headers reply = trace.replyHeaders(OK);
    assertEquals(List.of("traceparent", "tracestate", "baggage"), List.copyOf(reply.keySet()));
    assertEquals(TRACEPARENT, reply.getFirst("traceparent"));
    assertEquals("a=1", reply.getFirst("tracestate"));
    assertEquals("tenant=acme", reply.getFirst("baggage"));
    assertEquals(List.of("traceparent", "tracestate", "baggage"), List.copyOf(trace.eventHeaders(trace.context).keySet()));
  }
}
