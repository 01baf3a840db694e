package com.weegigs.events.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Codecs of the built-in types and the helpers generated record codecs are made of.
 *
 * <p>Reading rules, the same for every codec so that every generated codec behaves alike:
 *
 * <ul>
 *   <li>A value of the wrong JSON type, a number out of range for its Java type or a string that does
 *       not parse (UUID, instant, date, enum constant) is a violation at the value's path; the value
 *       is skipped and read as {@code null} (primitives: {@code 0} / {@code false}).
 *   <li>JSON {@code null} reads as {@code null} for reference types (constraints such as
 *       {@code @NotNull} decide whether that is allowed), as {@link Optional#empty()} for
 *       {@code Optional}, as an empty collection for {@code List}, {@code Set} and {@code Map}, and
 *       is a violation ({@value #NOT_NULL}) for primitives.
 *   <li>A record field that is missing reads as an empty collection for {@code List}, {@code Set}
 *       and {@code Map}, as {@link Optional#empty()} for {@code Optional}, and is a violation
 *       ({@value #REQUIRED}) for everything else, primitives included.
 *   <li>Fields a record does not declare are skipped.
 *   <li>A decimal whose exponent is beyond &plusmn;{@value #MAX_DECIMAL_SCALE} is a violation, so a
 *       short input cannot make later arithmetic build enormous numbers. Numbers longer than the
 *       parser's limit (Jackson's {@code StreamReadConstraints}, 1000 digits) fail the whole read
 *       with an {@link IOException}, like malformed JSON.
 * </ul>
 *
 * <p>Writing: {@code null} components are written as JSON {@code null}; an empty {@code Optional}
 * is left out. Nothing here uses reflection; {@link IOException} comes only from JSON that is not
 * well formed (or from the output).
 */
public final class JsonCodecs {
  /** Message of a missing required field. */
  public static final String REQUIRED = "is required";

  /** Message of JSON {@code null} where a primitive is expected. */
  public static final String NOT_NULL = "must not be null";

  /** Largest scale (digits after the point) and largest negative scale (exponent) of a decoded decimal. */
  public static final int MAX_DECIMAL_SCALE = 1000;

  private static final String DECIMAL_RANGE =
      "must be a number with an exponent between -" + MAX_DECIMAL_SCALE + " and " + MAX_DECIMAL_SCALE;
  private static final String INT_RANGE = "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE;
  private static final String LONG_RANGE = "must be an integer between " + Long.MIN_VALUE + " and " + Long.MAX_VALUE;
  private static final String SHORT_RANGE = "must be an integer between " + Short.MIN_VALUE + " and " + Short.MAX_VALUE;
  private static final String BYTE_RANGE = "must be an integer between " + Byte.MIN_VALUE + " and " + Byte.MAX_VALUE;

  /** Longest number text {@link #decimal} parses itself; longer ones are left to the parser. */
  private static final int SHORT_NUMBER = 64;

  private JsonCodecs() {}

  // ---------------------------------------------------------------------------------------------
  // Primitive readers. `field` is the field name the value belongs to, or null when the context's
  // current path already points at the value (collection elements, map values).

  /** Reads a {@code boolean}; anything else is a violation and reads as {@code false}. */
  public static boolean readBoolean(JsonParser parser, DecodeContext context, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_TRUE) {
      return true;
    }
    if (token != JsonToken.VALUE_FALSE) {
      mistyped(parser, context, field, "must be a boolean");
    }
    return false;
  }

  /** Reads an {@code int}; a fraction, a number out of range or a non-number is a violation. */
  public static int readInt(JsonParser parser, DecodeContext context, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      return parser.getIntValue();
    }
    mistyped(parser, context, field, INT_RANGE);
    return 0;
  }

  /** Reads a {@code long}; a fraction, a number out of range or a non-number is a violation. */
  public static long readLong(JsonParser parser, DecodeContext context, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT) {
      JsonParser.NumberType type = parser.getNumberType();
      if (type == JsonParser.NumberType.INT || type == JsonParser.NumberType.LONG) {
        return parser.getLongValue();
      }
    }
    mistyped(parser, context, field, LONG_RANGE);
    return 0L;
  }

  /** Reads a {@code short}; a fraction, a number out of range or a non-number is a violation. */
  public static short readShort(JsonParser parser, DecodeContext context, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      int value = parser.getIntValue();
      if (value >= Short.MIN_VALUE && value <= Short.MAX_VALUE) {
        return (short) value;
      }
    }
    mistyped(parser, context, field, SHORT_RANGE);
    return 0;
  }

  /** Reads a {@code byte}; a fraction, a number out of range or a non-number is a violation. */
  public static byte readByte(JsonParser parser, DecodeContext context, String field) throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      int value = parser.getIntValue();
      if (value >= Byte.MIN_VALUE && value <= Byte.MAX_VALUE) {
        return (byte) value;
      }
    }
    mistyped(parser, context, field, BYTE_RANGE);
    return 0;
  }

  /** Reads a finite {@code double}; a non-number or a number too large for a double is a violation. */
  public static double readDouble(JsonParser parser, DecodeContext context, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      double value = parser.getDoubleValue();
      if (Double.isFinite(value)) {
        return value;
      }
      report(context, field, "must be a number between " + -Double.MAX_VALUE + " and " + Double.MAX_VALUE);
      return 0d;
    }
    mistyped(parser, context, field, "must be a number");
    return 0d;
  }

  /** Reads a finite {@code float}; a non-number or a number too large for a float is a violation. */
  public static float readFloat(JsonParser parser, DecodeContext context, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      float value = parser.getFloatValue();
      if (Float.isFinite(value)) {
        return value;
      }
      report(context, field, "must be a number between " + -Float.MAX_VALUE + " and " + Float.MAX_VALUE);
      return 0f;
    }
    mistyped(parser, context, field, "must be a number");
    return 0f;
  }

  // ---------------------------------------------------------------------------------------------
  // Reference readers: JSON null reads as null.

  /** Reads a string, or {@code null}. */
  public static String readString(JsonParser parser, DecodeContext context, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, field, "must be a string");
    }
    return null;
  }

  /**
   * Reads a decimal number, or {@code null}. Its scale must lie within {@value #MAX_DECIMAL_SCALE}
   * either way: {@code 1e999999999} is short to send but would make the first addition to an amount
   * build a number of a billion digits.
   */
  public static BigDecimal readBigDecimal(JsonParser parser, DecodeContext context, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT || token == JsonToken.VALUE_NUMBER_FLOAT) {
      BigDecimal value;
      try {
        value = decimal(parser);
      } catch (NumberFormatException e) {
        report(context, field, DECIMAL_RANGE); // an exponent beyond what BigDecimal can hold
        return null;
      }
      if (value.scale() > MAX_DECIMAL_SCALE || value.scale() < -MAX_DECIMAL_SCALE) {
        report(context, field, DECIMAL_RANGE);
        return null;
      }
      return value;
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, field, "must be a number");
    }
    return null;
  }

  /**
   * The current number token as a decimal. Short numbers are parsed straight from the parser's
   * buffer: {@code getDecimalValue()} would first copy the text into a {@code String} and
   * {@code BigDecimal(String)} would copy it again. Long ones, rare, go through the parser itself.
   */
  private static BigDecimal decimal(JsonParser parser) throws IOException {
    int length = parser.getTextLength();
    if (length > SHORT_NUMBER) {
      return parser.getDecimalValue();
    }
    char[] text = parser.getTextCharacters();
    int offset = parser.getTextOffset();
    BigDecimal plain = plainDecimal(text, offset, length);
    return plain != null ? plain : new BigDecimal(text, offset, length);
  }

  /** Most digits a {@code long} holds whatever they are. */
  private static final int LONG_DIGITS = 18;

  /**
   * A number written without an exponent and with at most {@value #LONG_DIGITS} digits, such as
   * {@code -12.50}, which is what amounts look like, or {@code null} for any other number. The
   * result has the same unscaled value and scale as {@code new BigDecimal(text)}; it is built from a
   * {@code long} because {@code BigDecimal}'s own parser, written for every form, costs several
   * times as much. {@code text} is a JSON number the parser has already checked.
   */
  static BigDecimal plainDecimal(char[] text, int offset, int length) {
    int end = offset + length;
    int i = offset;
    boolean negative = i < end && text[i] == '-';
    if (negative) {
      i++;
    }
    long unscaled = 0;
    int digits = 0;
    int scale = -1; // digits after the point; -1 until the point is seen
    for (; i < end; i++) {
      char c = text[i];
      if (c >= '0' && c <= '9') {
        if (++digits > LONG_DIGITS) {
          return null;
        }
        unscaled = unscaled * 10 + (c - '0');
        if (scale >= 0) {
          scale++;
        }
      } else if (c == '.' && scale < 0) {
        scale = 0;
      } else {
        return null; // an exponent
      }
    }
    if (digits == 0) {
      return null;
    }
    return BigDecimal.valueOf(negative ? -unscaled : unscaled, Math.max(scale, 0));
  }

  /** Reads an integer of any size, or {@code null}; a fraction is a violation. */
  public static BigInteger readBigInteger(JsonParser parser, DecodeContext context, String field) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_NUMBER_INT) {
      return parser.getBigIntegerValue();
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, field, "must be an integer");
    }
    return null;
  }

  /** Reads a UUID in its canonical text form, or {@code null}. */
  public static UUID readUuid(JsonParser parser, DecodeContext context, String field) throws IOException {
    String text = readText(parser, context, field, "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    if (text == null) {
      return null;
    }
    // UUID.fromString accepts short forms such as "1-2-3-4-5"; the wire contract is the canonical form.
    if (text.length() == 36) {
      try {
        return UUID.fromString(text);
      } catch (IllegalArgumentException e) {
        // reported below
      }
    }
    report(context, field, "must be a UUID such as 123e4567-e89b-12d3-a456-426614174000");
    return null;
  }

  /** Reads an ISO-8601 instant ({@code 2026-11-27T10:00:00Z}), or {@code null}. */
  public static Instant readInstant(JsonParser parser, DecodeContext context, String field) throws IOException {
    String message = "must be an ISO-8601 instant such as 2026-11-27T10:00:00Z";
    String text = readText(parser, context, field, message);
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      report(context, field, message);
      return null;
    }
  }

  /** Reads an ISO-8601 date ({@code 2026-11-27}), or {@code null}. */
  public static LocalDate readLocalDate(JsonParser parser, DecodeContext context, String field) throws IOException {
    String message = "must be an ISO-8601 date such as 2026-11-27";
    String text = readText(parser, context, field, message);
    if (text == null) {
      return null;
    }
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException e) {
      report(context, field, message);
      return null;
    }
  }

  private static String readText(JsonParser parser, DecodeContext context, String field, String message) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.VALUE_STRING) {
      return parser.getText();
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, field, message);
    }
    return null;
  }

  // ---------------------------------------------------------------------------------------------
  // Record helpers used by generated codecs.

  /**
   * Checks that the current token starts an object. Returns {@code true} when it does; otherwise
   * returns {@code false}, after recording a violation unless the token is JSON {@code null} (which
   * reads as a {@code null} record) and skipping the value.
   */
  public static boolean startObject(JsonParser parser, DecodeContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_OBJECT) {
      return true;
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, null, "must be an object");
    }
    return false;
  }

  /**
   * Moves to the next field of the object being read and returns its name, or {@code null} at the
   * end of the object. {@code expected} is the field that usually comes next (the one after the
   * field just read, in declaration order; {@code null} when none): it is matched against the
   * input's bytes directly, which skips looking the name up. Any other field is found as well.
   */
  public static String nextField(JsonParser parser, SerializableString expected) throws IOException {
    if (expected == null) {
      return parser.nextFieldName();
    }
    if (parser.nextFieldName(expected)) {
      return expected.getValue();
    }
    return parser.currentToken() == JsonToken.FIELD_NAME ? parser.currentName() : null;
  }

  /** Records that the required field {@code field} of the record being read is missing. */
  public static void missing(DecodeContext context, String field) {
    context.violation(field, REQUIRED);
  }

  /**
   * Records that the record being read could not be built: its constructor refused the values
   * (a compact constructor's own check), with the constructor's message.
   */
  public static void rejected(DecodeContext context, RuntimeException cause) {
    String reason = callerSafeReason(cause);
    context.violation(reason == null ? "is not valid" : "is not valid: " + reason);
  }

  /**
   * The message of an exception a record's constructor threw, when it is fit for a caller: a
   * record author's own text. {@code null} when there is none, or when it names a Java type (such
   * as {@code No enum constant com.example.Status.X} from a JDK call inside the constructor),
   * since no class name may cross the wire.
   */
  public static String callerSafeReason(RuntimeException cause) {
    String reason = cause.getMessage();
    if (reason == null || reason.isBlank() || QUALIFIED_TYPE_NAME.matcher(reason).find()) {
      return null;
    }
    return reason;
  }

  private static final Pattern QUALIFIED_TYPE_NAME =
      Pattern.compile("\\b[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)*\\.[A-Z][A-Za-z0-9_$]*");

  /** Reads the value of field {@code field} with {@code codec}, under the field's path. */
  public static <T> T readField(JsonParser parser, DecodeContext context, String field, JsonCodec<T> codec) throws IOException {
    context.push(field);
    try {
      return codec.read(parser, context);
    } finally {
      context.pop();
    }
  }

  /** Writes {@code field} and {@code value} with {@code codec}; {@code null} is written as JSON null. */
  public static <T> void writeField(JsonGenerator generator, String field, T value, JsonCodec<T> codec) throws IOException {
    generator.writeFieldName(field);
    if (value == null) {
      generator.writeNull();
    } else {
      codec.write(generator, value);
    }
  }

  /** Writes {@code field} and the value of {@code value} when it has one; an empty one is left out. */
  public static <T> void writeOptionalField(JsonGenerator generator, String field, Optional<T> value, JsonCodec<T> codec)
      throws IOException {
    if (value != null && value.isPresent()) {
      generator.writeFieldName(field);
      codec.write(generator, value.get());
    }
  }

  /** Writes a string field; {@code null} is written as JSON null. */
  public static void writeStringField(JsonGenerator generator, String field, String value) throws IOException {
    if (value == null) {
      generator.writeNullField(field);
    } else {
      generator.writeStringField(field, value);
    }
  }

  /** Writes a decimal field; {@code null} is written as JSON null. */
  public static void writeBigDecimalField(JsonGenerator generator, String field, BigDecimal value) throws IOException {
    if (value == null) {
      generator.writeNullField(field);
    } else {
      generator.writeNumberField(field, value);
    }
  }

  /**
   * Writes {@code field} and {@code value} with {@code codec}; {@code null} is written as JSON null.
   * Generated codecs pass field names as pre-encoded {@link SerializableString}s.
   */
  public static <T> void writeField(JsonGenerator generator, SerializableString field, T value, JsonCodec<T> codec)
      throws IOException {
    generator.writeFieldName(field);
    if (value == null) {
      generator.writeNull();
    } else {
      codec.write(generator, value);
    }
  }

  /** Writes {@code field} and the value of {@code value} when it has one; an empty one is left out. */
  public static <T> void writeOptionalField(JsonGenerator generator, SerializableString field, Optional<T> value, JsonCodec<T> codec)
      throws IOException {
    if (value != null && value.isPresent()) {
      generator.writeFieldName(field);
      codec.write(generator, value.get());
    }
  }

  /** Writes a string field; {@code null} is written as JSON null. */
  public static void writeStringField(JsonGenerator generator, SerializableString field, String value) throws IOException {
    generator.writeFieldName(field);
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeString(value);
    }
  }

  /** Writes a decimal field; {@code null} is written as JSON null. */
  public static void writeBigDecimalField(JsonGenerator generator, SerializableString field, BigDecimal value) throws IOException {
    generator.writeFieldName(field);
    if (value == null) {
      generator.writeNull();
    } else {
      generator.writeNumber(value);
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Codecs of the built-in types (boxes read JSON null as null).

  /** {@code Boolean}. */
  public static final JsonCodec<Boolean> BOOLEAN = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Boolean value) throws IOException {
      generator.writeBoolean(value);
    }

    @Override
    public Boolean read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Boolean value = readBoolean(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code Integer}. */
  public static final JsonCodec<Integer> INTEGER = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Integer value) throws IOException {
      generator.writeNumber(value.intValue());
    }

    @Override
    public Integer read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Integer value = readInt(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code Long}. */
  public static final JsonCodec<Long> LONG = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Long value) throws IOException {
      generator.writeNumber(value.longValue());
    }

    @Override
    public Long read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Long value = readLong(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code Short}. */
  public static final JsonCodec<Short> SHORT = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Short value) throws IOException {
      generator.writeNumber(value.shortValue());
    }

    @Override
    public Short read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Short value = readShort(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code Byte}. */
  public static final JsonCodec<Byte> BYTE = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Byte value) throws IOException {
      generator.writeNumber(value.byteValue());
    }

    @Override
    public Byte read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Byte value = readByte(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code Double}. */
  public static final JsonCodec<Double> DOUBLE = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Double value) throws IOException {
      generator.writeNumber(value.doubleValue());
    }

    @Override
    public Double read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Double value = readDouble(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code Float}. */
  public static final JsonCodec<Float> FLOAT = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Float value) throws IOException {
      generator.writeNumber(value.floatValue());
    }

    @Override
    public Float read(JsonParser parser, DecodeContext context) throws IOException {
      if (isNull(parser)) {
        return null;
      }
      int before = context.violationCount();
      Float value = readFloat(parser, context, null);
      return context.violationCount() == before ? value : null;
    }
  };

  /** {@code String}. */
  public static final JsonCodec<String> STRING = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, String value) throws IOException {
      generator.writeString(value);
    }

    @Override
    public String read(JsonParser parser, DecodeContext context) throws IOException {
      return readString(parser, context, null);
    }
  };

  /** {@code BigDecimal}, written as a JSON number. */
  public static final JsonCodec<BigDecimal> BIG_DECIMAL = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, BigDecimal value) throws IOException {
      generator.writeNumber(value);
    }

    @Override
    public BigDecimal read(JsonParser parser, DecodeContext context) throws IOException {
      return readBigDecimal(parser, context, null);
    }
  };

  /** {@code BigInteger}, written as a JSON number. */
  public static final JsonCodec<BigInteger> BIG_INTEGER = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, BigInteger value) throws IOException {
      generator.writeNumber(value);
    }

    @Override
    public BigInteger read(JsonParser parser, DecodeContext context) throws IOException {
      return readBigInteger(parser, context, null);
    }
  };

  /** {@code UUID}, written in its canonical text form. */
  public static final JsonCodec<UUID> UUID_CODEC = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, UUID value) throws IOException {
      generator.writeString(value.toString());
    }

    @Override
    public UUID read(JsonParser parser, DecodeContext context) throws IOException {
      return readUuid(parser, context, null);
    }
  };

  /** {@code Instant}, written as ISO-8601 text in UTC. */
  public static final JsonCodec<Instant> INSTANT = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, Instant value) throws IOException {
      generator.writeString(value.toString());
    }

    @Override
    public Instant read(JsonParser parser, DecodeContext context) throws IOException {
      return readInstant(parser, context, null);
    }
  };

  /** {@code LocalDate}, written as ISO-8601 text ({@code 2026-11-27}). */
  public static final JsonCodec<LocalDate> LOCAL_DATE = new JsonCodec<>() {
    @Override
    public void write(JsonGenerator generator, LocalDate value) throws IOException {
      generator.writeString(value.toString());
    }

    @Override
    public LocalDate read(JsonParser parser, DecodeContext context) throws IOException {
      return readLocalDate(parser, context, null);
    }
  };

  // ---------------------------------------------------------------------------------------------
  // Combinators.

  /** A {@code List} of {@code element}s: a JSON array; JSON null reads as an empty list. */
  public static <T> JsonCodec<List<T>> list(JsonCodec<T> element) {
    Objects.requireNonNull(element, "element");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, List<T> value) throws IOException {
        generator.writeStartArray(value, value.size());
        for (T item : value) {
          writeValue(generator, item, element);
        }
        generator.writeEndArray();
      }

      @Override
      public List<T> read(JsonParser parser, DecodeContext context) throws IOException {
        if (!startArray(parser, context)) {
          return List.of();
        }
        return readList(parser, context, element);
      }
    };
  }

  /** A {@code Set} of {@code element}s: a JSON array (order kept); JSON null reads as an empty set. */
  public static <T> JsonCodec<Set<T>> set(JsonCodec<T> element) {
    Objects.requireNonNull(element, "element");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, Set<T> value) throws IOException {
        generator.writeStartArray(value, value.size());
        for (T item : value) {
          writeValue(generator, item, element);
        }
        generator.writeEndArray();
      }

      @Override
      public Set<T> read(JsonParser parser, DecodeContext context) throws IOException {
        if (!startArray(parser, context)) {
          return Set.of();
        }
        Set<T> items = new LinkedHashSet<>();
        readElements(parser, context, element, items);
        return Collections.unmodifiableSet(items);
      }
    };
  }

  /** A {@code Map} with {@code String} keys: a JSON object; JSON null reads as an empty map. */
  public static <T> JsonCodec<Map<String, T>> map(JsonCodec<T> value) {
    Objects.requireNonNull(value, "value");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, Map<String, T> entries) throws IOException {
        generator.writeStartObject(entries);
        for (Map.Entry<String, T> entry : entries.entrySet()) {
          generator.writeFieldName(entry.getKey());
          writeValue(generator, entry.getValue(), value);
        }
        generator.writeEndObject();
      }

      @Override
      public Map<String, T> read(JsonParser parser, DecodeContext context) throws IOException {
        if (!startObject(parser, context)) {
          return Map.of();
        }
        Map<String, T> entries = new LinkedHashMap<>();
        String key;
        while ((key = parser.nextFieldName()) != null) {
          parser.nextToken();
          context.push(key);
          entries.put(key, value.read(parser, context));
          context.pop();
        }
        return Collections.unmodifiableMap(entries);
      }
    };
  }

  /** An {@code Optional}: the value itself, or JSON null for an empty one (which reads back as empty). */
  public static <T> JsonCodec<Optional<T>> optional(JsonCodec<T> value) {
    Objects.requireNonNull(value, "value");
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, Optional<T> optional) throws IOException {
        if (optional.isPresent()) {
          value.write(generator, optional.get());
        } else {
          generator.writeNull();
        }
      }

      @Override
      public Optional<T> read(JsonParser parser, DecodeContext context) throws IOException {
        return isNull(parser) ? Optional.empty() : Optional.ofNullable(value.read(parser, context));
      }
    };
  }

  /**
   * An enum whose wire values are its constants' names in lower kebab case ({@code IN_PROGRESS} is
   * {@code "in-progress"}). The generated code passes {@code Status.values()}, so no reflection is needed.
   *
   * @throws IllegalArgumentException when two constants have the same wire value ({@code A_B} and {@code a_b})
   */
  public static <E extends Enum<E>> JsonCodec<E> enumCodec(Class<E> type, E[] constants) {
    Objects.requireNonNull(type, "type");
    String[] wireNames = new String[constants.length];
    Map<String, E> byWireName = new HashMap<>();
    for (E constant : constants) {
      String wireName = wireName(constant);
      wireNames[constant.ordinal()] = wireName;
      E other = byWireName.put(wireName, constant);
      if (other != null) {
        throw new IllegalArgumentException(
            "enum " + type.getSimpleName() + ": " + other.name() + " and " + constant.name() + " are both '" + wireName + "' on the wire");
      }
    }
    String message = "must be one of: " + String.join(", ", wireNames);
    // Encoded once, so that writing a constant copies its bytes instead of encoding its name again.
    SerializableString[] encoded = new SerializableString[wireNames.length];
    for (int i = 0; i < wireNames.length; i++) {
      encoded[i] = new SerializedString(wireNames[i]);
    }
    // Matched against the parser's characters, so that reading a constant builds no String.
    char[][] wireChars = new char[wireNames.length][];
    E[] byOrdinal = constants.clone();
    for (E constant : constants) {
      wireChars[constant.ordinal()] = wireNames[constant.ordinal()].toCharArray();
      byOrdinal[constant.ordinal()] = constant;
    }
    return new JsonCodec<>() {
      @Override
      public void write(JsonGenerator generator, E value) throws IOException {
        generator.writeString(encoded[value.ordinal()]);
      }

      @Override
      public E read(JsonParser parser, DecodeContext context) throws IOException {
        JsonToken token = parser.currentToken();
        if (token != JsonToken.VALUE_STRING) {
          if (token != JsonToken.VALUE_NULL) {
            mistyped(parser, context, null, message);
          }
          return null;
        }
        E constant = wireChars.length <= LINEAR_SEARCH_LIMIT
            ? find(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength())
            : byWireName.get(parser.getText());
        if (constant == null) {
          context.violation(message);
        }
        return constant;
      }

      private E find(char[] text, int offset, int length) {
        for (int i = 0; i < wireChars.length; i++) {
          if (Arrays.equals(wireChars[i], 0, wireChars[i].length, text, offset, offset + length)) {
            return byOrdinal[i];
          }
        }
        return null;
      }

      @Override
      public String toString() {
        return "JsonCodec[" + type.getSimpleName() + "]";
      }
    };
  }

  /** Enums with at most this many constants are matched by comparing characters; larger ones are looked up by name. */
  private static final int LINEAR_SEARCH_LIMIT = 16;

  /** The wire value of an enum constant: its name in lower kebab case. */
  public static String wireName(Enum<?> constant) {
    return constant.name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean startArray(JsonParser parser, DecodeContext context) throws IOException {
    JsonToken token = parser.currentToken();
    if (token == JsonToken.START_ARRAY) {
      return true;
    }
    if (token != JsonToken.VALUE_NULL) {
      mistyped(parser, context, null, "must be an array");
    }
    return false;
  }

  /**
   * Reads the elements of the array the parser is on into an immutable list. Without {@code null}
   * elements that is a {@link List#of} list, which a record's {@code List.copyOf} keeps as it is
   * instead of copying it again; with one (JSON null, or an element that could not be read) it is
   * an unmodifiable view, as {@code List.of} refuses {@code null}.
   */
  @SuppressWarnings("unchecked")
  private static <T> List<T> readList(JsonParser parser, DecodeContext context, JsonCodec<T> element) throws IOException {
    Object[] items = null;
    int size = 0;
    boolean hasNull = false;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      context.pushIndex(size);
      T item = element.read(parser, context);
      context.pop();
      if (items == null) {
        items = new Object[8];
      } else if (size == items.length) {
        items = Arrays.copyOf(items, size * 2);
      }
      items[size++] = item;
      hasNull |= item == null;
    }
    if (size == 0) {
      return List.of();
    }
    if (hasNull) {
      return (List<T>) Collections.unmodifiableList(Arrays.asList(Arrays.copyOf(items, size)));
    }
    return switch (size) {
      case 1 -> List.of((T) items[0]);
      case 2 -> List.of((T) items[0], (T) items[1]);
      default -> (List<T>) List.of(size == items.length ? items : Arrays.copyOf(items, size));
    };
  }

  private static <T> void readElements(JsonParser parser, DecodeContext context, JsonCodec<T> element, java.util.Collection<T> into)
      throws IOException {
    int index = 0;
    while (parser.nextToken() != JsonToken.END_ARRAY) {
      context.pushIndex(index++);
      into.add(element.read(parser, context));
      context.pop();
    }
  }

  private static <T> void writeValue(JsonGenerator generator, T value, JsonCodec<T> codec) throws IOException {
    if (value == null) {
      generator.writeNull();
    } else {
      codec.write(generator, value);
    }
  }

  private static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Records {@code message} for the current value and skips it (all of it, when it is an object or array). */
  private static void mistyped(JsonParser parser, DecodeContext context, String field, String message) throws IOException {
    report(context, field, parser.currentToken() == JsonToken.VALUE_NULL ? NOT_NULL : message);
    parser.skipChildren();
  }

  private static void report(DecodeContext context, String field, String message) {
    if (field == null) {
      context.violation(message);
    } else {
      context.violation(field, message);
    }
  }
}
