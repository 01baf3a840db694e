package com.weegigs.events.runtime.internal.generated;

import static com.weegigs.events.runtime.internal.generated.ScalarReaders.mistyped;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.SerializableString;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The helpers a generated record codec is made of: reporting a missing field or a refused record,
 * reading a nested value under its path, and writing fields ({@link JsonFields} moves through the
 * fields of a JSON object). The values themselves are read
 * by {@link ScalarReaders} and the codecs of {@link BuiltInCodecs} and {@link ContainerCodecs}.
 *
 * <p>Writing: every component is written, in declaration order, except an empty {@code Optional},
 * which is left out; a {@code null} component is written as JSON {@code null}. Readers treat an
 * absent optional field and JSON {@code null} alike, so either form reads back the same.
 */
public final class JsonRecords {
  /** Message of a missing required field (a primitive, or a reference that must not be null). */
  public static final String REQUIRED = "is required";

  private JsonRecords() {}

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

  /**
   * Writes {@code field} and {@code value} with {@code codec}; {@code null} is written as JSON null.
   * Field names are pre-encoded {@link SerializableString}s, as generated codecs keep them.
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
}
