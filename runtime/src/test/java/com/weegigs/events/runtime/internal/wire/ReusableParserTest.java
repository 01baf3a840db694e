package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.base.ParserBase;
import com.fasterxml.jackson.core.base.ParserMinimalBase;
import com.fasterxml.jackson.core.json.JsonParserBase;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The thread's parser of {@link Envelopes#JSON} ({@link Utf8JsonFactory}), given one document after
 * another, reads each as a new Jackson parser would: the same tokens, texts, numbers and locations,
 * the same errors with the same messages, the same limits.
 */
class ReusableParserTest {
  private static final JsonFactory JACKSON = new JsonFactory();

  /** A factory of the test's own, as {@link Envelopes#JSON}, whose thread's parser only the test has used. */
  private final JsonFactory json = new Utf8JsonFactory();

  /** Every token with its text, number type and location, or the error it ended with. */
  private static List<String> read(JsonParser parser) {
    List<String> seen = new ArrayList<>();
    try (parser) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        JsonLocation at = parser.currentTokenLocation();
        String number = token.isNumeric() ? " " + parser.getNumberType() + " " + parser.getNumberValue() : "";
        String characters = new String(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
        seen.add(token + ":" + parser.getText() + (characters.equals(parser.getText()) ? "" : " characters " + characters) + number + " @" + at.getLineNr() + ":" + at.getColumnNr() + ":"
            + at.getByteOffset() + " depth " + parser.getParsingContext().getNestingDepth());
      }
      JsonLocation end = parser.currentLocation();
      seen.add("end @" + end.getLineNr() + ":" + end.getColumnNr() + ":" + end.getByteOffset());
    } catch (IOException e) {
      seen.add(e.getClass().getSimpleName() + ": " + e.getMessage());
    }
    return seen;
  }

  private static byte[] utf8(String json) {
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static String nested(int depth) {
    return "[".repeat(depth) + "]".repeat(depth);
  }

  @Test
  void givesTheThreadsParserAgainOnceClosed() throws IOException {
    JsonParser first = json.createParser(utf8("{\"a\":1}"));
    first.nextToken();
    first.close();
    JsonParser second = json.createParser(utf8("[2]"));
    assertSame(first, second);
    assertEquals(JsonToken.START_ARRAY, second.nextToken());
    assertEquals(2, second.nextIntValue(0));
    second.close();
  }

  @Test
  void givesTheThreadANewParserAfterARenewal() throws IOException {
    JsonParser first = json.createParser(utf8("1"));
    first.close();
    for (int i = 1; i < ReusableParser.RENEWAL; i++) {
      JsonParser again = json.createParser(utf8("[" + i + "]"));
      assertSame(first, again);
      assertEquals(List.of("START_ARRAY", "VALUE_NUMBER_INT", "END_ARRAY"), kinds(again));
    }
    assertANewParserAfter(first);
  }

  /** The next document gets a parser other than {@code old}, which reads as Jackson's do and is then given out again. */
  private void assertANewParserAfter(JsonParser old) throws IOException {
    JsonParser next = json.createParser(utf8("[true]"));
    assertNotSame(old, next);
    assertEquals(read(JACKSON.createParser(utf8("[true]"))), read(next));
    assertSame(next, json.createParser(utf8("2")));
  }

  @Test
  void givesNoParserOutAgainThatAnotherThreadClosed() throws Exception {
    JsonParser handed = json.createParser(utf8("[1]"));
    List<String> seen = new ArrayList<>();
    Thread reader = new Thread(() -> seen.addAll(read(handed)));
    reader.start();
    reader.join();
    assertTrue(handed.isClosed());
    assertEquals(read(JACKSON.createParser(utf8("[1]"))), seen);
    assertANewParserAfter(handed);
  }

  @Test
  void readsANestedDocumentWithAParserOfItsOwn() throws IOException {
    try (JsonParser outer = json.createParser(utf8("{\"a\":\"x\",\"b\":[1,2]}"))) {
      assertEquals(JsonToken.START_OBJECT, outer.nextToken());
      assertEquals("a", outer.nextFieldName());
      List<String> inner = read(json.createParser(utf8("{\"c\":true}")));
      assertEquals(read(JACKSON.createParser(utf8("{\"c\":true}"))), inner);
      try (JsonParser other = json.createParser(utf8("1"))) {
        assertNotSame(outer, other);
      }
      assertEquals("x", outer.nextTextValue());
      assertEquals("b", outer.nextFieldName());
      assertEquals(JsonToken.START_ARRAY, outer.nextToken());
      assertEquals(1, outer.nextIntValue(0));
      assertEquals(2, outer.nextIntValue(0));
    }
  }

  /** Documents one after another on one thread, each left in a different state, as Jackson's new parsers read them. */
  @Test
  void readsEachDocumentAsANewParserWould() throws IOException {
    List<String> documents = List.of(
        "{\"name\":\"Café ☕ 𝄞\",\"price\":4.50,\"n\":[1,-2e3,true,null],\"nested\":{\"é\":\"\\u00e9\\n\"}}",
        "{\"a\":x}",
        "\n\n  [1, {\"deep\": [[[\"x\"]]]}, 3",
        "{\"a\":\n tru}",
        "{\"price\":12345678901234567890.5, \"big\":123456789012345678901234567890, \"l\":9007199254740993}",
        "\"unterminated",
        "{\"a\":\"\u0001\"}",
        "  42  ",
        "{\"a\":1} {\"b\":2}",
        "\uFEFF{\"a\":\n1}",
        "{\"a\":1}x",
        "",
        "{\"name\":\"Flat white\",\"price\":4.50,\"quantity\":2}",
        "[\"\", \"a\", \"" + "x".repeat(199) + "\", \"" + "y".repeat(200) + "\", \"" + "z".repeat(201) + "\", \"" + "w".repeat(5000) + "\"]",
        "[\"" + "x".repeat(150) + "é" + "x".repeat(100) + "\", \"tab\\tescaped\", \"quote \\\" inside\", \"~ \u007f \"]",
        "[\"tab\tunescaped\"]",
        "[\"" + "x".repeat(198) + "\u0001\"]",
        "[\"ends at the end of input",
        "\"" + "x".repeat(150));
    for (String document : documents) {
      byte[] bytes = utf8(document);
      assertEquals(read(JACKSON.createParser(bytes)), read(json.createParser(bytes)), document);
      byte[] framed = new byte[bytes.length + 5];
      System.arraycopy(bytes, 0, framed, 3, bytes.length);
      assertEquals(read(JACKSON.createParser(framed, 3, bytes.length)), read(json.createParser(framed, 3, bytes.length)),
          document + " in a larger array");
    }
  }

  /** Strings read straight from the input keep Jackson's limit on their length, with its message. */
  @Test
  void keepsJacksonsStringLengthLimit() throws IOException {
    StreamReadConstraints fiveCharacters = StreamReadConstraints.builder().maxStringLength(5).build();
    JsonFactory jackson = new JsonFactory().setStreamReadConstraints(fiveCharacters);
    JsonFactory ours = new Utf8JsonFactory();
    assertEquals(read(JACKSON.createParser(utf8("[\"123456\"]"))), read(ours.createParser(utf8("[\"123456\"]"))));
    // set after the thread's parser was made: the next document gets a parser with the factory's new limits
    ours.setStreamReadConstraints(fiveCharacters);
    // within 200 characters, as here, Jackson reports a string's whole length; past it, the length read so far, which
    // depends on the size of the buffer its recycler had at hand
    for (String document : List.of("[\"12345\", \"ok\"]", "[\"123456\"]", "{\"a\":\"" + "x".repeat(150) + "\"}")) {
      for (int i = 0; i < 2; i++) {
        assertEquals(read(jackson.createParser(utf8(document))), read(ours.createParser(utf8(document))), document);
      }
    }
    List<String> tooLong = read(ours.createParser(utf8("[\"" + "x".repeat(5000) + "\"]")));
    assertTrue(tooLong.get(tooLong.size() - 1).startsWith("StreamConstraintsException"), tooLong.toString());
  }

  @Test
  void readsTheTextOfAStringWhicheverWayItIsAskedFor() throws IOException {
    byte[] bytes = utf8("[\"Flat white\", \"Café\", \"plain\", \"x\"]");
    try (JsonParser parser = json.createParser(bytes)) {
      parser.nextToken();
      assertEquals("Flat white", parser.nextTextValue());
      assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
      assertEquals("Café", parser.getValueAsString());
      assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
      assertEquals("plain", new String(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength()));
      assertEquals("plain", parser.getText());
      assertEquals(JsonToken.VALUE_STRING, parser.nextToken());
      assertEquals("x", parser.getValueAsString("default"));
      assertEquals(1, parser.getTextLength());
    }
  }

  @Test
  void readsADocumentAfterOneLeftPartWayAsANewParserWould() throws IOException {
    byte[] bytes = utf8("{\"a\":[1,2,{\"b\":\"c\"}],\"d\":\"e\"}");
    JsonParser left = json.createParser(bytes);
    for (int i = 0; i < 7; i++) {
      left.nextToken();
    }
    left.getText();
    left.close();
    assertEquals(read(JACKSON.createParser(bytes)), read(json.createParser(bytes)));
  }

  @Test
  void keepsJacksonsNestingLimitOnEveryDocument() throws IOException {
    List<String> expected = read(JACKSON.createParser(utf8(nested(1001))));
    assertTrue(expected.get(expected.size() - 1).startsWith("StreamConstraintsException"), expected.toString());
    for (int i = 0; i < 3; i++) {
      assertEquals(expected, read(json.createParser(utf8(nested(1001)))));
      assertEquals(read(JACKSON.createParser(utf8(nested(1000)))), read(json.createParser(utf8(nested(1000)))));
    }
  }

  @Test
  void keepsNoFeatureSetOnAParserForTheNextDocument() throws IOException {
    byte[] commented = utf8("[1 /* two */, 2]");
    JsonParser lenient = json.createParser(commented);
    lenient.enable(JsonParser.Feature.ALLOW_COMMENTS);
    assertEquals(List.of("START_ARRAY", "VALUE_NUMBER_INT", "VALUE_NUMBER_INT", "END_ARRAY"), kinds(lenient));
    assertEquals(read(JACKSON.createParser(commented)), read(json.createParser(commented)));

    byte[] duplicated = utf8("{\"a\":1,\"a\":2}");
    JsonParser strict = json.createParser(duplicated);
    strict.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    assertThrows(JsonProcessingException.class, () -> kinds(strict));
    assertEquals(read(JACKSON.createParser(duplicated)), read(json.createParser(duplicated)));

    int strictMask = JsonParser.Feature.STRICT_DUPLICATE_DETECTION.getMask();
    JsonParser overridden = json.createParser(duplicated);
    overridden.overrideStdFeatures(strictMask, strictMask);
    assertThrows(JsonProcessingException.class, () -> kinds(overridden));
    assertEquals(read(JACKSON.createParser(duplicated)), read(json.createParser(duplicated)));
  }

  private static List<String> kinds(JsonParser parser) throws IOException {
    List<String> kinds = new ArrayList<>();
    try (parser) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        kinds.add(token.name());
      }
    }
    return kinds;
  }

  /** Names new to the symbol table go to the factory's table, and the next document gets a parser that starts from it. */
  @Test
  void startsAfreshAfterADocumentWithNewNames() throws IOException {
    JsonParser known = json.createParser(utf8("{\"reused\":1}"));
    read(known);
    JsonParser again = json.createParser(utf8("{\"reused\":2}"));
    read(again);
    JsonParser next = json.createParser(utf8("{\"reused\":3}"));
    assertSame(again, next, "a document with no new names leaves the parser as it was");
    read(next);
    JsonParser unseen = json.createParser(utf8("{\"never-seen-before-" + System.nanoTime() + "\":1}"));
    read(unseen);
    JsonParser after = json.createParser(utf8("{\"reused\":4}"));
    assertNotSame(unseen, after);
    assertEquals(read(JACKSON.createParser(utf8("{\"reused\":4}"))), read(after));
  }

  /**
   * {@link ReusableParser#reset} puts back every field of Jackson's parser classes; a version of
   * Jackson with another field needs {@code reset} looked at again.
   */
  @Test
  void resetKnowsEveryFieldOfJacksonsParser() {
    Map<Class<?>, Set<String>> known = Map.of(
        JsonParser.class, Set.of("_features", "_requestPayload"),
        ParserMinimalBase.class, Set.of("_streamReadConstraints", "_currToken", "_tokenCount", "_trackMaxTokenCount",
            "_lastClearedToken"),
        ParserBase.class, Set.of("_ioContext", "_closed", "_inputPtr", "_inputEnd", "_currInputProcessed", "_currInputRow",
            "_currInputRowStart", "_tokenInputTotal", "_tokenInputRow", "_tokenInputCol", "_parsingContext", "_nextToken",
            "_textBuffer", "_nameCopyBuffer", "_nameCopied", "_byteArrayBuilder", "_binaryValue", "_numTypesValid",
            "_numberInt", "_numberLong", "_numberFloat", "_numberDouble", "_numberBigInt", "_numberBigDecimal",
            "_numberString", "_numberIsNaN", "_numberNegative", "_intLength", "_fractLength", "_expLength"),
        JsonParserBase.class, Set.of("_objectCodec"),
        UTF8StreamJsonParser.class, Set.of("_symbols", "_quadBuffer", "_tokenIncomplete", "_quad1", "_nameStartOffset",
            "_nameStartRow", "_nameStartCol", "_inputStream", "_inputBuffer", "_bufferRecyclable"));
    for (Map.Entry<Class<?>, Set<String>> type : known.entrySet()) {
      Set<String> fields = new TreeSet<>();
      Arrays.stream(type.getKey().getDeclaredFields())
          .filter(field -> !Modifier.isStatic(field.getModifiers()))
          .map(Field::getName)
          .forEach(fields::add);
      assertEquals(new TreeSet<>(type.getValue()), fields, type.getKey().getSimpleName());
    }
  }
}
