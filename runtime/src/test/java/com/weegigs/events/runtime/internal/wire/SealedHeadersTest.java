package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

@NatsTest
class SealedHeadersTest {
  @Test
  void sealedHeadersReportReadOnlyAndRefuseEveryChange() {
    SealedHeaders headers = new SealedHeaders().put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON);
    assertFalse(headers.isReadOnly());

    headers.seal();

    assertTrue(headers.isReadOnly());
    assertThrows(UnsupportedOperationException.class, () -> headers.put("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> headers.put("a", List.of("b")));
    assertThrows(UnsupportedOperationException.class, () -> headers.put(Map.of("a", List.of("b"))));
    assertThrows(UnsupportedOperationException.class, () -> headers.add("a", "b"));
    assertThrows(UnsupportedOperationException.class, () -> headers.add("a", List.of("b")));
    assertThrows(UnsupportedOperationException.class, () -> headers.remove(WireHeaders.CONTENT_TYPE));
    assertThrows(UnsupportedOperationException.class, () -> headers.remove(List.of(WireHeaders.CONTENT_TYPE)));
    assertThrows(UnsupportedOperationException.class, headers::clear);
    assertEquals(WireHeaders.APPLICATION_JSON, headers.getFirst(WireHeaders.CONTENT_TYPE));
  }

  @Test
  void sealedHeadersSerializeToTheSameEntriesAsPlainHeaders() {
    SealedHeaders sealed = new SealedHeaders()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00")
        .add("X-Many", "one", "two")
        .seal();
    io.nats.client.impl.Headers plain = new io.nats.client.impl.Headers()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00")
        .add("X-Many", "one", "two");

    // jnats writes its entries in hash order, these in the order they were put: the same lines
    assertEquals(plain.serializedLength(), sealed.serializedLength());
    assertEquals(lines(plain.getSerialized()), lines(sealed.getSerialized()));
    assertTrue(new String(sealed.getSerialized(), StandardCharsets.US_ASCII).startsWith("NATS/1.0\r\n"));
    assertTrue(new String(sealed.getSerialized(), StandardCharsets.US_ASCII).endsWith("\r\n\r\n"));
    byte[] into = new byte[sealed.serializedLength() + 3];
    assertEquals(sealed.serializedLength(), sealed.serializeToArray(3, into));
    assertArrayEquals(sealed.getSerialized(), Arrays.copyOfRange(into, 3, into.length));
    assertEquals(plain.toMap(), sealed.toMap());
    assertEquals(sealed, plain);
  }

  @Test
  void readsAnswerFromTheEntries() {
    SealedHeaders headers = new SealedHeaders()
        .put("A", "1")
        .add("B", "2", "3")
        .put("A", List.of("4"));
    headers.remove("missing");

    assertEquals("4", headers.getFirst("A"));
    assertEquals(List.of("2", "3"), headers.get("B"));
    assertEquals("2", headers.getFirst("B"));
    assertEquals("3", headers.getLast("B"));
    assertEquals(List.of("2", "3"), headers.getIgnoreCase("b"));
    assertNull(headers.get("C"));
    assertTrue(headers.containsKey("A"));
    assertTrue(headers.containsKeyIgnoreCase("a"));
    assertFalse(headers.containsKey("a"));
    assertEquals(2, headers.size());
    assertEquals(Set.of("A", "B"), headers.keySet());
    assertEquals(Set.of("a", "b"), headers.keySetIgnoreCase());
    assertEquals("A:4\r\nB:2\r\nB:3\r\n".length() + 12, headers.serializedLength());

    headers.remove("B");
    assertEquals(Map.of("A", List.of("4")), headers.toMap());
    headers.clear();
    assertTrue(headers.isEmpty());
    assertEquals(12, headers.serializedLength());
  }

  @Test
  void refusesWhatJnatsRefuses() {
    SealedHeaders headers = new SealedHeaders();
    assertThrows(IllegalArgumentException.class, () -> headers.put("", "v"));
    assertThrows(IllegalArgumentException.class, () -> headers.put("a:b", "v"));
    assertThrows(IllegalArgumentException.class, () -> headers.put("a b", "v"));
    assertThrows(IllegalArgumentException.class, () -> headers.put("k", "line\r\nInjected: yes"));
    assertThrows(IllegalArgumentException.class, () -> headers.put("k", "caf\u00e9"));
    assertThrows(IllegalArgumentException.class, () -> headers.add("k", "ok", "bad\n"));
    assertTrue(headers.isEmpty(), "a refused value leaves nothing behind");
  }

  /** A message sent with these headers arrives with them, through a real server. */
  @Test
  void aMessageSentWithThemArrivesWithThem(NatsServer server) throws Exception {
    try (Connection connection = Nats.connect(server.url())) {
      Subscription subscription = connection.subscribe("sealed.check");
      connection.flush(Duration.ofSeconds(5));
      SealedHeaders headers = new SealedHeaders()
          .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
          .put(WireHeaders.NATS_MSG_ID, "01JD2Y0000000000000000000")
          .add("X-Many", "one", "two")
          .seal();
      connection.publish("sealed.check", headers, "{}".getBytes(StandardCharsets.UTF_8));
      Message message = subscription.nextMessage(Duration.ofSeconds(5));
      assertNotNull(message, "the message arrived");
      assertEquals(WireHeaders.APPLICATION_JSON, message.getHeaders().getFirst(WireHeaders.CONTENT_TYPE));
      assertEquals("01JD2Y0000000000000000000", message.getHeaders().getFirst(WireHeaders.NATS_MSG_ID));
      assertEquals(List.of("one", "two"), message.getHeaders().get("X-Many"));
      assertEquals("{}", new String(message.getData(), StandardCharsets.UTF_8));
    }
  }

  private static Set<String> lines(byte[] serialized) {
    return new HashSet<>(Arrays.asList(new String(serialized, StandardCharsets.US_ASCII).split("\r\n")));
  }
}
