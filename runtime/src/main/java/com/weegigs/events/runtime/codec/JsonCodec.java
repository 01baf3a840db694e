package com.weegigs.events.runtime.codec;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Streaming JSON encoding of one Java type, without reflection. The processor generates one per
 * command, event and state record; the ones for built-in types are in
 * {@code com.weegigs.events.runtime.internal.generated.BuiltInCodecs}.
 *
 * <p>Decoding never throws for bad input: a missing, mistyped or out-of-range value is added to
 * {@code context} as a violation with its path, and the codec returns {@code null} (or what it
 * could read) so that decoding goes on and reports every problem at once. It throws
 * {@link IOException} only for JSON that is not well formed.
 *
 * @param <T> the Java type
 */
public interface JsonCodec<T> extends JsonReader<T> {
  /** Writes {@code value} (never {@code null}) as one JSON value. */
  void write(JsonGenerator generator, T value) throws IOException;

  /**
   * Reads one JSON value starting at the parser's current token (the caller has advanced to it)
   * and leaves the parser on the value's last token.
   */
  @Override
  T read(JsonParser parser, DecodeContext context) throws IOException;
}
