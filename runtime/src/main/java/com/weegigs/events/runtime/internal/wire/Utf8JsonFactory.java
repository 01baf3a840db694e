package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import java.io.IOException;

/**
 * Jackson's {@link JsonFactory} for bodies that are UTF-8, as every body of the wire contract is
 * ({@code docs/wire-contract.md}). It makes a parser of a byte array for UTF-8 straight away:
 * Jackson's own factory first works out which of five encodings the bytes are in, through an
 * object made for the purpose, which is a sizeable share of decoding a small body. A UTF-8 byte
 * order mark is skipped, as Jackson skips it.
 *
 * <p>Its parsers and generators keep no reference to their input or output for error messages:
 * with {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION} off (Jackson's default, which this
 * factory keeps) a message shows the source as redacted whatever it is given.
 */
final class Utf8JsonFactory extends JsonFactory {
  private static final long serialVersionUID = 1L;

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
    int start = offset;
    if (length >= 3 && data[offset] == (byte) 0xEF && data[offset + 1] == (byte) 0xBB && data[offset + 2] == (byte) 0xBF) {
      start += 3;
    }
    return new UTF8StreamJsonParser(context, _parserFeatures, null, _objectCodec,
        _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, start, offset + length, start - offset, false);
  }

  @Override
  protected ContentReference _createContentReference(Object contentAccessor) {
    return ContentReference.redacted();
  }

  @Override
  protected ContentReference _createContentReference(Object contentAccessor, int offset, int length) {
    return ContentReference.redacted();
  }
}
