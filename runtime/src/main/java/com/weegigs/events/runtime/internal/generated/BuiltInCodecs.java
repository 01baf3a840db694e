package com.weegigs.events.runtime.internal.generated;

import static com.weegigs.events.runtime.internal.generated.ScalarReaders.isNull;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readBigDecimal;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readBigInteger;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readBoolean;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readByte;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readDouble;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readFloat;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readInstant;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readInt;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readLocalDate;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readLong;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readShort;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readString;
import static com.weegigs.events.runtime.internal.generated.ScalarReaders.readUuid;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Codecs of the built-in value types, read by the rules of {@link ScalarReaders}. Boxes read JSON
 * {@code null} as {@code null}, and a value that breaks a rule as {@code null} after recording the
 * violation.
 */
public final class BuiltInCodecs {
  private BuiltInCodecs() {}

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
}
