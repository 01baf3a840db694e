package com.weegigs.events.runtime.internal.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.internal.command.Reply;
import io.nats.client.impl.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The headers of replies and events: none on the lean path, the trace context when there is one. */
class TraceContextTest {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  private static final Reply OK = Reply.success(new byte[] {'{', '}'});

  @Test
  void aRequestWithoutATraceGetsASuccessAndEventsWithoutHeaders() {
    assertSame(TraceContext.NONE, TraceContext.of(null));
    assertSame(TraceContext.NONE, TraceContext.of(new Headers().put("Content-Type", "application/json")
        .put("Wee-Deadline", "1").put("Nats-Msg-Id", "m-1")));
    assertNull(TraceContext.NONE.replyHeaders(OK));
    assertNull(TraceContext.NONE.eventHeaders());
  }

  @Test
  void anErrorCarriesOnlyTheAdr32HeadersWithoutATrace() {
    Headers headers = TraceContext.NONE.replyHeaders(Reply.error(ErrorCode.REJECTED, "receipt is closed"));

    assertEquals(List.of("Nats-Service-Error-Code", "Nats-Service-Error"), List.copyOf(headers.keySet()));
    assertEquals("422", headers.getFirst("Nats-Service-Error-Code"));
    assertTrue(headers.isReadOnly(), "sealed, so jnats sends them without copying");
  }

  @Test
  void aTraceComesBackOnTheReplyAndEveryEventAsReceived() {
    TraceContext trace = TraceContext.of(new Headers().put("traceparent", TRACEPARENT).put("tracestate", "a=1")
        .put("Content-Type", "application/json"));

    assertEquals(List.of("traceparent", "tracestate"), List.copyOf(trace.replyHeaders(OK).keySet()));
    assertEquals(TRACEPARENT, trace.replyHeaders(OK).getFirst("traceparent"));
    assertEquals(List.of("traceparent", "tracestate"), List.copyOf(trace.eventHeaders().keySet()));
    assertSame(trace.eventHeaders(), trace.eventHeaders(), "one sealed instance serves every event");
  }
}
