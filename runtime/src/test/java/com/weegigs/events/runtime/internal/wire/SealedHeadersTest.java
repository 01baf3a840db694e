package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

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
  void sealedHeadersSerializeToTheSameBytesAsPlainHeaders() {
    SealedHeaders sealed = new SealedHeaders()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00")
        .seal();
    io.nats.client.impl.Headers plain = new io.nats.client.impl.Headers()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.TRACEPARENT, "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00");

    assertEquals(new String(plain.getSerialized()), new String(sealed.getSerialized()));
  }
}
