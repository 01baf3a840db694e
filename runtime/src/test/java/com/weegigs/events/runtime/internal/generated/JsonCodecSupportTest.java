package com.weegigs.events.runtime.internal.generated;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.SerializedString;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.validation.Violation;
import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class JsonCodecSupportTest {
  private static final JsonFactory FACTORY = new JsonFactory();

  enum Status { OPEN, IN_PROGRESS }

  enum Clash { A_B, a_b }

  /** More constants than the codec compares one by one, so it looks them up by name. */
  enum Letter { A, B, C, D, E, F, G, H, I, J, K, L, M, N, O, P, Q, R, S, T }

  private static <T> String write(JsonCodec<T> codec, T value) throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      codec.write(generator, value);
    }
    return out.toString();
  }

  private static <T> T read(JsonCodec<T> codec, String json, DecodeContext context) throws IOException {
    try (JsonParser parser = FACTORY.createParser(json)) {
      parser.nextToken();
      return codec.read(parser, context);
    }
  }

  /** Reads {@code json} with a parser over UTF-8 bytes (as the runtime does) or over characters. */
  private static <T> T read(JsonCodec<T> codec, String json, DecodeContext context, boolean bytes) throws IOException {
    try (JsonParser parser = bytes ? FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8)) : FACTORY.createParser(json)) {
      parser.nextToken();
      return codec.read(parser, context);
    }
  }

  private static <T> T roundTrip(JsonCodec<T> codec, T value) throws IOException {
    DecodeContext context = new DecodeContext();
    T back = read(codec, write(codec, value), context);
    assertEquals(List.of(), context.violations());
    return back;
  }

  @Test
  void roundTripsEveryBuiltInType() throws IOException {
    assertEquals(true, roundTrip(BuiltInCodecs.BOOLEAN, true));
    assertEquals(Integer.MIN_VALUE, roundTrip(BuiltInCodecs.INTEGER, Integer.MIN_VALUE));
    assertEquals(Long.MAX_VALUE, roundTrip(BuiltInCodecs.LONG, Long.MAX_VALUE));
    assertEquals((short) -7, roundTrip(BuiltInCodecs.SHORT, (short) -7));
    assertEquals((byte) 127, roundTrip(BuiltInCodecs.BYTE, (byte) 127));
    assertEquals(0.1d, roundTrip(BuiltInCodecs.DOUBLE, 0.1d));
    assertEquals(2.5f, roundTrip(BuiltInCodecs.FLOAT, 2.5f));
    assertEquals("caf\u00e9 \"x\"", roundTrip(BuiltInCodecs.STRING, "caf\u00e9 \"x\""));
    assertEquals(new BigDecimal("4.50"), roundTrip(BuiltInCodecs.BIG_DECIMAL, new BigDecimal("4.50")));
    assertEquals(new BigInteger("123456789012345678901234567890"),
        roundTrip(BuiltInCodecs.BIG_INTEGER, new BigInteger("123456789012345678901234567890")));
    UUID uuid = UUID.fromString("123e4567-e89b-12d3-a456-426614174000");
    assertEquals(uuid, roundTrip(BuiltInCodecs.UUID_CODEC, uuid));
    assertEquals(Instant.parse("2026-11-27T10:00:00.123Z"), roundTrip(BuiltInCodecs.INSTANT, Instant.parse("2026-11-27T10:00:00.123Z")));
    assertEquals(LocalDate.of(2026, 11, 27), roundTrip(BuiltInCodecs.LOCAL_DATE, LocalDate.of(2026, 11, 27)));
  }

  @Test
  void writesIsoTextForTimes() throws IOException {
    assertEquals("\"2026-11-27T10:00:00Z\"", write(BuiltInCodecs.INSTANT, Instant.parse("2026-11-27T10:00:00Z")));
    assertEquals("\"2026-11-27\"", write(BuiltInCodecs.LOCAL_DATE, LocalDate.of(2026, 11, 27)));
  }

  @Test
  void combinatorsRoundTrip() throws IOException {
    JsonCodec<List<Integer>> list = ContainerCodecs.list(BuiltInCodecs.INTEGER);
    assertEquals("[1,2,3]", write(list, List.of(1, 2, 3)));
    assertEquals(List.of(1, 2, 3), roundTrip(list, List.of(1, 2, 3)));
    JsonCodec<Set<String>> set = ContainerCodecs.set(BuiltInCodecs.STRING);
    assertEquals(Set.of("a", "b"), roundTrip(set, Set.of("a", "b")));
    JsonCodec<Map<String, List<Integer>>> map = ContainerCodecs.map(list);
    assertEquals(Map.of("a", List.of(1), "b", List.of()), roundTrip(map, Map.of("a", List.of(1), "b", List.of())));
    JsonCodec<Optional<String>> optional = ContainerCodecs.optional(BuiltInCodecs.STRING);
    assertEquals(Optional.of("x"), roundTrip(optional, Optional.of("x")));
    assertEquals("null", write(optional, Optional.empty()));
    assertEquals(Optional.empty(), roundTrip(optional, Optional.empty()));
  }

  @Test
  void enumsUseLowerKebabCase() throws IOException {
    JsonCodec<Status> codec = ContainerCodecs.enumCodec(Status.class, Status.values());
    assertEquals("\"in-progress\"", write(codec, Status.IN_PROGRESS));
    assertEquals(Status.OPEN, roundTrip(codec, Status.OPEN));
    DecodeContext context = new DecodeContext("status");
    assertNull(read(codec, "\"IN_PROGRESS\"", context));
    assertEquals(List.of(new Violation("status", "must be one of: open, in-progress")), context.violations());
  }

  @Test
  void enumsMatchWholeWireValuesOnlyInEveryParser() throws IOException {
    JsonCodec<Status> status = ContainerCodecs.enumCodec(Status.class, Status.values());
    JsonCodec<Letter> letter = ContainerCodecs.enumCodec(Letter.class, Letter.values());
    for (boolean bytes : new boolean[] {true, false}) {
      DecodeContext context = new DecodeContext();
      assertEquals(Status.IN_PROGRESS, read(status, "\"in-progress\"", context, bytes));
      assertEquals(Status.OPEN, read(status, "\"open\"", context, bytes));
      assertEquals(Letter.T, read(letter, "\"t\"", context, bytes));
      assertNull(read(status, "null", context, bytes));
      assertEquals(List.of(), context.violations());
      for (String wrong : List.of("\"ope\"", "\"opened\"", "\"OPEN\"", "\"\"", "\"in-progress \"", "1", "[\"open\"]")) {
        DecodeContext bad = new DecodeContext("status");
        assertNull(read(status, wrong, bad, bytes), wrong);
        assertEquals(List.of(new Violation("status", "must be one of: open, in-progress")), bad.violations(), wrong);
      }
      DecodeContext bad = new DecodeContext("letter");
      assertNull(read(letter, "\"u\"", bad, bytes));
      assertEquals(1, bad.violationCount());
    }
  }

  @Test
  void enumConstantsWithOneWireValueAreRefused() {
    IllegalArgumentException error =
        assertThrows(IllegalArgumentException.class, () -> ContainerCodecs.enumCodec(Clash.class, Clash.values()));
    assertEquals("enum Clash: A_B and a_b are both 'a-b' on the wire", error.getMessage());
  }

  @Test
  void hugeNumbersAreViolationsNotExceptions() throws IOException {
    DecodeContext context = new DecodeContext();
    JsonCodec<List<Integer>> ints = ContainerCodecs.list(BuiltInCodecs.INTEGER);
    List<Integer> values = read(ints, "[1e30, 99999999999999999999, 2147483648, 1.5, 7]", context);
    assertEquals(5, values.size());
    assertEquals(7, values.get(4));
    String range = "must be an integer between -2147483648 and 2147483647";
    assertEquals(List.of(new Violation("[0]", range), new Violation("[1]", range), new Violation("[2]", range),
        new Violation("[3]", range)), context.violations());

    DecodeContext longs = new DecodeContext("n");
    assertNull(read(BuiltInCodecs.LONG, "99999999999999999999", longs));
    assertEquals("must be an integer between -9223372036854775808 and 9223372036854775807", longs.violations().get(0).message());

    DecodeContext doubles = new DecodeContext("d");
    assertNull(read(BuiltInCodecs.DOUBLE, "1e400", doubles));
    assertTrue(doubles.hasViolations());

    DecodeContext shorts = new DecodeContext("s");
    read(BuiltInCodecs.SHORT, "40000", shorts);
    assertEquals("must be an integer between -32768 and 32767", shorts.violations().get(0).message());
    DecodeContext bytes = new DecodeContext("b");
    read(BuiltInCodecs.BYTE, "128", bytes);
    assertEquals("must be an integer between -128 and 127", bytes.violations().get(0).message());
  }

  @Test
  void decimalsWithHugeExponentsAreViolations() throws IOException {
    DecodeContext context = new DecodeContext();
    List<BigDecimal> values = read(ContainerCodecs.list(BuiltInCodecs.BIG_DECIMAL),
        "[1e9999999999, 1e999999999, 1e-1001, 1e1000, 1e-1000, 0.10]", context);
    String message = "must be a number with an exponent between -1000 and 1000";
    assertEquals(List.of(new Violation("[0]", message), new Violation("[1]", message), new Violation("[2]", message)),
        context.violations());
    assertEquals(new BigDecimal("1e1000"), values.get(3));
    assertEquals(new BigDecimal("1e-1000"), values.get(4));
    assertEquals(new BigDecimal("0.10"), values.get(5));
  }

  @Test
  void mistypedValuesAreSkippedWithAViolationAtTheirPath() throws IOException {
    DecodeContext context = new DecodeContext();
    Map<String, String> values = read(ContainerCodecs.map(BuiltInCodecs.STRING),
        "{\"a\": {\"deep\": [1, {\"x\": 2}]}, \"b\": [1,2], \"c\": 3, \"d\": true, \"e\": \"ok\", \"f\": null}", context);
    assertEquals("ok", values.get("e"));
    assertNull(values.get("f"));
    assertEquals(List.of(
        new Violation("a", "must be a string"),
        new Violation("b", "must be a string"),
        new Violation("c", "must be a string"),
        new Violation("d", "must be a string")), context.violations());
  }

  @Test
  void unparsableTextIsAViolation() throws IOException {
    DecodeContext context = new DecodeContext();
    read(ContainerCodecs.map(BuiltInCodecs.UUID_CODEC), "{\"id\": \"1-2-3-4-5\"}", context);
    read(ContainerCodecs.map(BuiltInCodecs.INSTANT), "{\"at\": \"yesterday\"}", context);
    read(ContainerCodecs.map(BuiltInCodecs.LOCAL_DATE), "{\"on\": \"2026-13-01\"}", context);
    read(ContainerCodecs.map(BuiltInCodecs.BIG_INTEGER), "{\"n\": 1.5}", context);
    read(ContainerCodecs.map(BuiltInCodecs.BIG_DECIMAL), "{\"n\": \"1.5\"}", context);
    assertEquals(List.of("id", "at", "on", "n", "n"), context.violations().stream().map(Violation::path).toList());
    assertTrue(context.violations().get(0).message().startsWith("must be a UUID"));
  }

  @Test
  void nullIsAViolationOnlyForPrimitives() throws IOException {
    DecodeContext context = new DecodeContext();
    try (JsonParser parser = FACTORY.createParser("null")) {
      parser.nextToken();
      assertEquals(0, ScalarReaders.readInt(parser, context, "quantity"));
      assertFalse(ScalarReaders.readBoolean(parser, context, "paid"));
      assertNull(ScalarReaders.readString(parser, context, "name"));
      assertFalse(JsonRecords.startObject(parser, context));
    }
    assertEquals(List.of(new Violation("quantity", "must not be null"), new Violation("paid", "must not be null")),
        context.violations());
    assertEquals(List.of(), read(ContainerCodecs.list(BuiltInCodecs.STRING), "null", new DecodeContext()));
    assertEquals(Map.of(), read(ContainerCodecs.map(BuiltInCodecs.STRING), "null", new DecodeContext()));
    assertNull(read(BuiltInCodecs.INTEGER, "null", new DecodeContext()));
  }

  @Test
  void wrongContainerTypesAreViolations() throws IOException {
    DecodeContext context = new DecodeContext("items");
    assertEquals(List.of(), read(ContainerCodecs.list(BuiltInCodecs.STRING), "{\"a\": 1}", context));
    assertEquals(List.of(new Violation("items", "must be an array")), context.violations());
    DecodeContext objects = new DecodeContext("prices");
    assertEquals(Map.of(), read(ContainerCodecs.map(BuiltInCodecs.STRING), "[1]", objects));
    assertEquals(List.of(new Violation("prices", "must be an object")), objects.violations());
  }

  @Test
  void malformedJsonIsAnIOException() {
    assertThrows(IOException.class, () -> read(ContainerCodecs.list(BuiltInCodecs.INTEGER), "[1, 2", new DecodeContext()));
    assertThrows(IOException.class, () -> read(ContainerCodecs.map(BuiltInCodecs.INTEGER), "{\"a\" 1}", new DecodeContext()));
    assertThrows(IOException.class, () -> read(BuiltInCodecs.STRING, "\"unterminated", new DecodeContext()));
  }

  @Test
  void fieldHelpersWriteNullsAndLeaveOutEmptyOptionals() throws IOException {
    StringWriter out = new StringWriter();
    try (JsonGenerator generator = FACTORY.createGenerator(out)) {
      generator.writeStartObject();
      JsonRecords.writeStringField(generator, new SerializedString("name"), null);
      JsonRecords.writeBigDecimalField(generator, new SerializedString("price"), new BigDecimal("4.5"));
      JsonRecords.writeField(generator, new SerializedString("tags"), List.of("a"), ContainerCodecs.list(BuiltInCodecs.STRING));
      JsonRecords.writeField(generator, new SerializedString("note"), null, BuiltInCodecs.STRING);
      JsonRecords.writeOptionalField(generator, new SerializedString("gone"), Optional.empty(), BuiltInCodecs.STRING);
      JsonRecords.writeOptionalField(generator, new SerializedString("here"), Optional.of(1), BuiltInCodecs.INTEGER);
      generator.writeEndObject();
    }
    assertEquals("{\"name\":null,\"price\":4.5,\"tags\":[\"a\"],\"note\":null,\"here\":1}", out.toString());
  }

  @Test
  void missingAndRejectedReportAtTheirPath() {
    DecodeContext context = new DecodeContext("command");
    JsonRecords.missing(context, "quantity");
    context.push("items");
    context.pushIndex(1);
    JsonRecords.rejected(context, new IllegalArgumentException("quantity must be positive"));
    context.pop();
    context.pop();
    assertEquals(List.of(new Violation("command.quantity", "is required"),
        new Violation("command.items[1]", "is not valid: quantity must be positive")), context.violations());
    assertEquals(2, context.violationCount());
  }

  @Test
  void aConstructorsOwnMessageIsKeptButOneNamingAJavaTypeIsNot() {
    assertEquals("quantity must be positive",
        JsonRecords.callerSafeReason(new IllegalArgumentException("quantity must be positive")));
    assertNull(JsonRecords.callerSafeReason(
        new IllegalArgumentException("No enum constant com.example.shop.Status.SHIPPED")));
    assertNull(JsonRecords.callerSafeReason(new NullPointerException()));
    assertNull(JsonRecords.callerSafeReason(new IllegalStateException("java.lang.Integer cannot be cast")));

    DecodeContext context = new DecodeContext();
    JsonRecords.rejected(context, new IllegalArgumentException("No enum constant com.example.shop.Status.SHIPPED"));
    assertEquals(List.of(new Violation("", "is not valid")), context.violations());
  }

  @Test
  void fieldsAreFoundByIndexWhateverTheirOrder() throws IOException {
    JsonFields fields = JsonFields.of(new SerializedString("a"), new SerializedString("b"), new SerializedString("c"));
    String json = "{\"a\":1,\"x\":[2],\"c\":3,\"b\":{\"a\":4},\"a\":5,\"c\":6}";
    // bytes (what services read) and characters take different paths through Jackson
    for (JsonParser parser : List.of(FACTORY.createParser(json.getBytes(StandardCharsets.UTF_8)), FACTORY.createParser(json))) {
      try (parser) {
        parser.nextToken();
        int field = fields.first(parser);
        assertEquals(0, field); // the one expected first
        parser.nextToken();
        field = fields.next(parser, field);
        assertEquals(JsonFields.UNKNOWN, field); // not declared
        parser.nextToken();
        parser.skipChildren();
        field = fields.next(parser, field);
        assertEquals(2, field); // after an unknown one
        parser.nextToken();
        field = fields.next(parser, field);
        assertEquals(1, field); // after the last one
        parser.nextToken();
        parser.skipChildren(); // its own field "a" is not the record's
        field = fields.next(parser, field);
        assertEquals(0, field); // out of order
        parser.nextToken();
        field = fields.next(parser, field);
        assertEquals(2, field); // out of order, and not the one expected
        parser.nextToken();
        assertEquals(JsonFields.END, fields.next(parser, field)); // end of the object, not its parent's name
        assertEquals(JsonToken.END_OBJECT, parser.currentToken());
      }
    }
  }

  @Test
  void fieldsOfAnEmptyObjectEndAtOnce() throws IOException {
    JsonFields fields = JsonFields.of(new SerializedString("a"));
    for (JsonParser parser : List.of(FACTORY.createParser("{}".getBytes(StandardCharsets.UTF_8)), FACTORY.createParser("{}"))) {
      try (parser) {
        parser.nextToken();
        assertEquals(JsonFields.END, fields.first(parser));
      }
    }
    assertThrows(IllegalArgumentException.class, () -> JsonFields.of(new SerializedString("a"), new SerializedString("a")));
  }

  @Test
  void listsAreImmutableAndCopyFreeForRecords() throws IOException {
    JsonCodec<List<Integer>> ints = ContainerCodecs.list(BuiltInCodecs.INTEGER);
    for (String json : List.of("[1]", "[1,2]", "[1,2,3]", "[1,2,3,4,5,6,7,8,9,10]")) {
      DecodeContext context = new DecodeContext();
      List<Integer> read = read(ints, json, context);
      assertEquals(List.of(), context.violations());
      assertEquals(json, write(ints, read).replace(" ", ""));
      // a record's compact constructor copies with List.copyOf: that copy is free
      assertTrue(List.copyOf(read) == read, json);
      assertThrows(UnsupportedOperationException.class, () -> read.add(0));
    }
    DecodeContext context = new DecodeContext();
    List<Integer> withNull = read(ints, "[1,null,3]", context);
    assertEquals(java.util.Arrays.asList(1, null, 3), withNull);
    assertEquals(List.of(), context.violations());
    assertThrows(UnsupportedOperationException.class, () -> withNull.set(0, 2));
  }

  @Test
  void decimalsKeepTheirScaleAndLongOnesStillRead() throws IOException {
    DecodeContext context = new DecodeContext();
    assertEquals(2, read(BuiltInCodecs.BIG_DECIMAL, "4.50", context).scale());
    assertEquals(new BigDecimal("-1E+5"), read(BuiltInCodecs.BIG_DECIMAL, "-1e5", context));
    assertEquals(BigDecimal.valueOf(7), read(BuiltInCodecs.BIG_DECIMAL, "7", context));
    String digits = "1234567890".repeat(10) + ".5";
    assertEquals(new BigDecimal(digits), read(BuiltInCodecs.BIG_DECIMAL, digits, context));
    assertEquals(List.of(), context.violations());
  }

  @Test
  void plainDecimalsReadAsBigDecimalParsesThem() throws IOException {
    List<String> numbers = List.of("0", "-0", "0.00", "-0.00", "7", "4.50", "-12.50", "18.25", "0.000000000000000001",
        "123456789012345678", "-999999999999999999", "99999999999999999.9", "1234567890123456789", "-1234567890.123456789",
        "1e5", "-1E+5", "1.5E-7", "2.50e3", "0e0");
    for (boolean bytes : new boolean[] {true, false}) {
      for (String number : numbers) {
        DecodeContext context = new DecodeContext();
        BigDecimal value = read(BuiltInCodecs.BIG_DECIMAL, number, context, bytes);
        BigDecimal expected = new BigDecimal(number);
        assertEquals(expected, value, number); // BigDecimal.equals compares the scale too
        assertEquals(expected.toString(), value.toString(), number);
        assertEquals(List.of(), context.violations());
      }
    }
    assertEquals(new BigDecimal("-12.50"), ScalarReaders.plainDecimal("x-12.50".toCharArray(), 1, 6));
    assertNull(ScalarReaders.plainDecimal("1e5".toCharArray(), 0, 3));
    assertNull(ScalarReaders.plainDecimal("1234567890123456789".toCharArray(), 0, 19));
  }
}
