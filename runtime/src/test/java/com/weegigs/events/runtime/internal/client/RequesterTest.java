package com.weegigs.events.runtime.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.impl.Headers;
import java.util.List;
import org.junit.jupiter.api.Test;

class RequesterTest {
  @Test
  void aCommandCarriesTheContractHeadersInOrderAndSealed() {
    Headers headers = Requester.headers(1_700_000_000_123L, "m-1");

    assertEquals(List.of(WireHeaders.CONTENT_TYPE, WireHeaders.WEE_DEADLINE, WireHeaders.NATS_MSG_ID,
        WireHeaders.TRACEPARENT), List.copyOf(headers.keySet()));
    assertEquals(WireHeaders.APPLICATION_JSON, headers.getFirst(WireHeaders.CONTENT_TYPE));
    assertEquals("1700000000123", headers.getFirst(WireHeaders.WEE_DEADLINE));
    assertEquals("m-1", headers.getFirst(WireHeaders.NATS_MSG_ID));
    assertTrue(headers.getFirst(WireHeaders.TRACEPARENT).matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
    assertTrue(headers.isReadOnly(), "sealed, so jnats sends them without copying");
  }

  @Test
  void aQueryHasNoMessageId() {
    Headers headers = Requester.headers(5L, null);

    assertEquals(List.of(WireHeaders.CONTENT_TYPE, WireHeaders.WEE_DEADLINE, WireHeaders.TRACEPARENT),
        List.copyOf(headers.keySet()));
  }
}
