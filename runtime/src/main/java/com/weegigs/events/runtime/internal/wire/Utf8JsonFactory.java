package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.io.ContentReference;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.util.BufferRecycler;
import java.io.IOException;

/**
 * Jackson's {@link JsonFactory} for bodies that are UTF-8, as every body of the wire contract is
 * ({@code docs/wire-contract.md}). It makes a parser of a byte array for UTF-8 straight away:
 * Jackson's own factory first works out which of five encodings the bytes are in, through an
 * object made for the purpose, which is a sizeable share of decoding a small body. A UTF-8 byte
 * order mark is skipped, as Jackson skips it.
 *
 * <p>Each thread keeps one parser of byte arrays and hands it out again once it is closed (see
 * {@link ReusableParser}): making one (the parser, its I/O context, text buffer, read context,
 * symbol table and name buffer, about 550 bytes) is a third of decoding a small body. A parser
 * asked for while the thread's own is still open, as when a codec decodes a nested document, is
 * made afresh. So a parser must not be used after it is closed, which Jackson does not allow either.
 *
 * <p>Its parsers and generators keep no reference to their input or output for error messages:
 * with {@code StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION} off (Jackson's default, which this
 * factory keeps) a message shows the source as redacted whatever it is given.
 */
final class Utf8JsonFactory extends JsonFactory {
  private static final long serialVersionUID = 1L;

  private final transient ThreadLocal<ReusableParser> reusable = new ThreadLocal<>();

  @Override
  public JsonParser createParser(byte[] data) throws IOException {
    return createParser(data, 0, data.length);
  }

  @Override
  public JsonParser createParser(byte[] data, int offset, int length) throws IOException {
    if (_inputDecorator != null) {
      return super.createParser(data, offset, length);
    }
    _checkRangeBoundsForByteArray(data, offset, length);
    ReusableParser parser = reusable.get();
    if (parser == null
        || !parser.isReusable(_parserFeatures, _factoryFeatures, _objectCodec, _streamReadConstraints, _errorReportConfiguration)) {
      if (parser != null && !parser.isClosed()) {
        // the thread's parser is in use (or was handed to another thread): this one is the caller's alone
        return super.createParser(data, offset, length);
      }
      // its own buffer recycler, as no other parser shares it, whichever pool the factory's parsers use
      IOContext context = new IOContext(_streamReadConstraints, _streamWriteConstraints, _errorReportConfiguration,
          new BufferRecycler(), ContentReference.redacted(), true);
      parser = new ReusableParser(context, _parserFeatures, _factoryFeatures, _objectCodec,
          _byteSymbolCanonicalizer.makeChild(_factoryFeatures));
      reusable.set(parser);
    }
    int start = offset + byteOrderMark(data, offset, length);
    parser.reset(data, start, offset + length, start - offset);
    return parser;
  }

  @Override
  protected JsonParser _createParser(byte[] data, int offset, int length, IOContext context) throws IOException {
    int start = offset + byteOrderMark(data, offset, length);
    return new UTF8StreamJsonParser(context, _parserFeatures, null, _objectCodec,
        _byteSymbolCanonicalizer.makeChild(_factoryFeatures), data, start, offset + length, start - offset, false);
  }

  /** The length of the UTF-8 byte order mark the input starts with: 3, or 0 when there is none. */
  private static int byteOrderMark(byte[] data, int offset, int length) {
    return length >= 3 && data[offset] == (byte) 0xEF && data[offset + 1] == (byte) 0xBB && data[offset + 2] == (byte) 0xBF
        ? 3
        : 0;
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
