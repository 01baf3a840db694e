package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class Utf8JsonFactoryTest {
  private static final JsonFactory JACKSON = new JsonFactory();
  private static final String JSON =
      "{\"name\":\"Café ☕ 𝄞\",\"price\":4.50,\"n\":[1,-2e3,true,null],\"nested\":{\"é\":\"\\u00e9\\n\"}}";

  /** Every token and its text, as {@code kind:text}. */
  private static List<String> tokens(JsonParser parser) throws IOException {
    List<String> tokens = new ArrayList<>();
    try (parser) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        tokens.add(token + ":" + parser.getText());
      }
    }
    return tokens;
  }

  @Test
  void readsUtf8BytesAsJacksonDoes() throws IOException {
    byte[] bytes = JSON.getBytes(StandardCharsets.UTF_8);
    assertEquals(tokens(JACKSON.createParser(bytes)), tokens(Envelopes.JSON.createParser(bytes)));

    byte[] framed = new byte[bytes.length + 4];
    System.arraycopy(bytes, 0, framed, 2, bytes.length);
    assertEquals(tokens(JACKSON.createParser(bytes)), tokens(Envelopes.JSON.createParser(framed, 2, bytes.length)));
  }

  @Test
  void skipsAUtf8ByteOrderMarkAsJacksonDoes() throws IOException {
    byte[] bytes = JSON.getBytes(StandardCharsets.UTF_8);
    byte[] marked = new byte[bytes.length + 3];
    marked[0] = (byte) 0xEF;
    marked[1] = (byte) 0xBB;
    marked[2] = (byte) 0xBF;
    System.arraycopy(bytes, 0, marked, 3, bytes.length);
    assertEquals(tokens(JACKSON.createParser(bytes)), tokens(Envelopes.JSON.createParser(marked)));
  }

  @Test
  void reportsMalformedInputWhereJacksonDoes() {
    for (String malformed : List.of("{\"a\":x}", "\uFEFF{\"a\":\n tru}", "{\"a\":1")) {
      byte[] bytes = malformed.getBytes(StandardCharsets.UTF_8);
      JsonParseException expected = assertThrows(JsonParseException.class, () -> tokens(JACKSON.createParser(bytes)));
      JsonParseException actual = assertThrows(JsonParseException.class, () -> tokens(Envelopes.JSON.createParser(bytes)));
      assertEquals(expected.getMessage(), actual.getMessage(), malformed);
    }
  }

  /** The wire contract has every body in UTF-8; Jackson's factory would also have guessed UTF-16 and UTF-32. */
  @Test
  void readsNoOtherEncoding() throws IOException {
    byte[] utf16 = "{\"a\":1}".getBytes(StandardCharsets.UTF_16BE);
    assertEquals(List.of("START_OBJECT:{", "FIELD_NAME:a", "VALUE_NUMBER_INT:1", "END_OBJECT:}"), tokens(JACKSON.createParser(utf16)));
    assertThrows(JsonParseException.class, () -> tokens(Envelopes.JSON.createParser(Arrays.copyOf(utf16, utf16.length))));
  }
}
