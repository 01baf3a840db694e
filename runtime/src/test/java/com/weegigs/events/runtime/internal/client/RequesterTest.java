package com.weegigs.events.runtime.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.impl.Headers;
import io.opentelemetry.context.Context;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequesterTest {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
  /** A trace continued without an SDK: the propagators write it back as it came. */
  private static final Context TRACE = Telemetry.NOOP.fromTraceparent(TRACEPARENT);

  @Test
  void aCallWithNothingToSayHasNoHeadersAtAll() {
    assertNull(Requester.headers(null, null, Telemetry.NOOP, null));
  }

  @Test
  void aDeadlineAndATraceToContinueAreTheOnlyHeadersAndSealed() {
    Headers headers = Requester.headers(Instant.ofEpochMilli(1_700_000_000_123L), null, Telemetry.NOOP, TRACE);

    assertEquals(List.of(WireHeaders.WEE_DEADLINE, WireHeaders.TRACEPARENT), List.copyOf(headers.keySet()));
    assertEquals("1700000000123", headers.getFirst(WireHeaders.WEE_DEADLINE));
    assertEquals(TRACEPARENT, headers.getFirst(WireHeaders.TRACEPARENT));
    assertTrue(headers.isReadOnly(), "sealed, so jnats sends them without copying");
  }

  @Test
  void eachGoesAlone() {
    assertEquals(List.of(WireHeaders.WEE_DEADLINE), List.copyOf(Requester.headers(Instant.ofEpochMilli(5), null, Telemetry.NOOP, null).keySet()));
    assertEquals(List.of(WireHeaders.TRACEPARENT), List.copyOf(Requester.headers(null, null, Telemetry.NOOP, TRACE).keySet()));
  }

  @Test
  void aBearerTokenIsSentAsAnAuthorizationHeaderOnlyWhenSet() {
    Headers headers = Requester.headers(null, "abc.def.ghi", Telemetry.NOOP, null);

    assertEquals(List.of(WireHeaders.AUTHORIZATION), List.copyOf(headers.keySet()));
    assertEquals("Bearer abc.def.ghi", headers.getFirst(WireHeaders.AUTHORIZATION));
  }
}
