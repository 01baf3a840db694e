package com.weegigs.events.runtime.internal.generated;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.weegigs.events.runtime.codec.DecodeContext;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.UUID;

/**
 * Readers of single JSON values (numbers, booleans, strings, UUIDs, instants, dates) for generated
 * record codecs and {@link BuiltInCodecs}.
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
 *   <li>A record field that is missing reads as JSON {@code null} would: an empty collection for
 *       {@code List}, {@code Set} and {@code Map}, {@link Optional#empty()} for {@code Optional},
 *       {@code null} for any other reference. It is a violation ({@value JsonRecords#REQUIRED}) only
 *       for a required component: a primitive, or a reference with {@code @NotNull},
 *       {@code @NotBlank} or {@code @NotEmpty}.
 *   <li>Fields a record does not declare are skipped.
 *   <li>A decimal whose exponent is beyond &plusmn;{@value #MAX_DECIMAL_SCALE} is a violation, so a
 *       short input cannot make later arithmetic build enormous numbers. Numbers longer than the
 *       parser's limit (Jackson's {@code StreamReadConstraints}, 1000 digits) fail the whole read
 *       with an {@link IOException}, like malformed JSON.
 * </ul>
 *
 * <p>Nothing here uses reflection; {@link IOException} comes only from JSON that is not well formed.
 */
public final class ScalarReaders {
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

  private ScalarReaders() {}

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
    return (short) readIntBetween(parser, context, field, Short.MIN_VALUE, Short.MAX_VALUE, SHORT_RANGE);
  }

  /** Reads a {@code byte}; a fraction, a number out of range or a non-number is a violation. */
  public static byte readByte(JsonParser parser, DecodeContext context, String field) throws IOException {
    return (byte) readIntBetween(parser, context, field, Byte.MIN_VALUE, Byte.MAX_VALUE, BYTE_RANGE);
  }

  private static int readIntBetween(JsonParser parser, DecodeContext context, String field, int min, int max, String range)
      throws IOException {
    if (parser.currentToken() == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT) {
      int value = parser.getIntValue();
      if (value >= min && value <= max) {
        return value;
      }
    }
    mistyped(parser, context, field, range);
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

  /** Whether the current token is JSON {@code null}. */
  static boolean isNull(JsonParser parser) {
    return parser.currentToken() == JsonToken.VALUE_NULL;
  }

  /** Records {@code message} for the current value and skips it (all of it, when it is an object or array). */
  static void mistyped(JsonParser parser, DecodeContext context, String field, String message) throws IOException {
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
