package com.weegigs.events.runtime.codec;

import com.fasterxml.jackson.core.JsonParser;
import java.io.IOException;

/**
 * Reads one Java value from JSON, with the same rules as {@link JsonCodec#read}: bad input becomes a
 * violation in the context, never an exception. An {@link com.weegigs.events.runtime.definition.EventType}
 * holds one per older version of its event, which reads that version and upcasts it to the current record.
 *
 * @param <T> the Java type read
 */
@FunctionalInterface
public interface JsonReader<T> {
  /**
   * Reads one JSON value starting at the parser's current token (the caller has advanced to it)
   * and leaves the parser on the value's last token.
   */
  T read(JsonParser parser, DecodeContext context) throws IOException;
}
