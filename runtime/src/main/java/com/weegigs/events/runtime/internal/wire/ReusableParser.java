package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.ErrorReportConfiguration;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.JsonReadContext;
import com.fasterxml.jackson.core.json.UTF8StreamJsonParser;
import com.fasterxml.jackson.core.sym.ByteQuadsCanonicalizer;
import java.io.IOException;

/**
 * Jackson's parser of UTF-8 byte arrays, which {@link Utf8JsonFactory} gives one document after
 * another on the thread that made it: {@link #reset} puts every field back where Jackson's
 * constructor puts it, so the parser reads, checks limits and reports errors (with their line,
 * column and offset) exactly as a new one would.
 *
 * <p>It keeps its own read contexts, symbol table, I/O context and name buffer from one document
 * to the next. It is not given out again, and the factory makes a new one, when a document left
 * it different from a new parser in a way {@link #reset} does not undo: names added to its symbol
 * table (those are merged into the factory's on {@link #close}, and a new parser starts from the
 * merged table, as Jackson's parsers do), or features or a codec set on it; nor when it was
 * closed on another thread, nor when the factory's settings changed since it was made, nor after
 * {@value #RENEWAL} documents.
 *
 * <p>The fields are Jackson's (jackson-core 2.20); {@code ReusableParserTest} fails when a
 * version of Jackson adds one that {@link #reset} does not know.
 */
final class ReusableParser extends UTF8StreamJsonParser {
  private static final byte[] NO_INPUT = new byte[0];

  /**
   * Documents a parser reads before the factory makes the thread a new one. A parser is written
   * all the time with references (names, strings, contexts, tokens), and once it has lived through
   * a few collections it is in the old generation, where G1 makes each such write mark a card
   * behind a memory fence; a young object's writes skip that. A parser renewed after this many
   * documents stays young while the thread is busy, for less than a byte of allocation a document.
   */
  static final int RENEWAL = 1024;

  private final int features;
  private final int factoryFeatures;
  private final ObjectCodec codec;
  private final JsonReadContext root;
  private final int symbols;
  private final Thread owner = Thread.currentThread();
  /** Closed on the thread that made it: only then may it be given out again (see {@link #close}). */
  private boolean free = true;
  private int documents;

  ReusableParser(IOContext context, int features, int factoryFeatures, ObjectCodec codec, ByteQuadsCanonicalizer symbols) {
    super(context, features, null, codec, symbols, NO_INPUT, 0, 0, 0, false);
    this.features = features;
    this.factoryFeatures = factoryFeatures;
    this.codec = codec;
    this.root = _parsingContext;
    this.symbols = symbols.size();
    _closed = true; // free until reset
  }

  /**
   * Whether this parser is closed and may read another document as a new parser of a factory with
   * these settings would.
   */
  boolean isReusable(int parserFeatures, int factoryFeatures, ObjectCodec factoryCodec, StreamReadConstraints constraints,
      ErrorReportConfiguration errors) {
    return free
        && ++documents < RENEWAL
        && _symbols.size() == symbols
        && _features == features
        && _objectCodec == codec
        && parserFeatures == features
        && factoryFeatures == this.factoryFeatures
        && factoryCodec == codec
        && constraints == _streamReadConstraints
        && errors == _ioContext.errorReportConfiguration();
  }

  /**
   * Starts reading {@code data} from {@code start} (past a byte order mark of {@code skipped}
   * bytes) to {@code end}, with the state of
   * {@code new UTF8StreamJsonParser(..., data, start, end, skipped, false)}.
   */
  void reset(byte[] data, int start, int end, int skipped) {
    free = false;
    // JsonParser, ParserMinimalBase
    _requestPayload = null;
    _currToken = null;
    _tokenCount = 0;
    _lastClearedToken = null;
    // ParserBase
    _closed = false;
    _inputPtr = start;
    _inputEnd = end;
    _currInputProcessed = -start + skipped;
    _currInputRow = 1;
    _currInputRowStart = start - skipped;
    _tokenInputTotal = 0;
    _tokenInputRow = 1;
    _tokenInputCol = 0;
    root.reset(JsonStreamContext.TYPE_ROOT, 1, 0);
    _parsingContext = root;
    _nextToken = null;
    _textBuffer.resetWithEmpty();
    _nameCopyBuffer = null;
    _nameCopied = false;
    _byteArrayBuilder = null;
    _binaryValue = null;
    _numTypesValid = NR_UNKNOWN;
    _numberInt = 0;
    _numberLong = 0L;
    _numberFloat = 0f;
    _numberDouble = 0d;
    _numberBigInt = null;
    _numberBigDecimal = null;
    _numberString = null;
    _numberIsNaN = false;
    _numberNegative = false;
    _intLength = 0;
    _fractLength = 0;
    _expLength = 0;
    // UTF8StreamJsonParser (its private _quad1 is set before every use)
    _tokenIncomplete = false;
    _nameStartOffset = 0;
    _nameStartRow = 0;
    _nameStartCol = 0;
    _inputStream = null;
    _inputBuffer = data;
    _bufferRecyclable = false;
  }

  @Override
  public JsonParser enable(Feature feature) {
    if (feature == Feature.STRICT_DUPLICATE_DETECTION) {
      freshContexts();
    }
    return super.enable(feature);
  }

  @Override
  protected void _checkStdFeatureChanges(int newFeatureFlags, int changedFeatures) {
    int strict = Feature.STRICT_DUPLICATE_DETECTION.getMask();
    if ((changedFeatures & newFeatureFlags & strict) != 0) {
      freshContexts();
    }
    super._checkStdFeatureChanges(newFeatureFlags, changedFeatures);
  }

  /**
   * Duplicate detection asked for before the first token: the nested contexts kept from earlier
   * documents have none, so the document gets a new root whose nested contexts are made with it.
   * The changed features keep the parser from being given out again.
   */
  private void freshContexts() {
    if (_parsingContext == root) {
      _parsingContext = JsonReadContext.createRootContext(null);
    }
  }

  /**
   * What Jackson's parser releases on {@link #close}, except the text buffer, which stays with
   * this parser for its next document: handing it back to the recycler and taking it again costs
   * an atomic operation each way, and no other parser shares this parser's recycler.
   */
  @Override
  protected void _releaseBuffers() {
    _textBuffer.resetWithEmpty();
    char[] names = _nameCopyBuffer;
    if (names != null) {
      _nameCopyBuffer = null;
      _ioContext.releaseNameCopyBuffer(names);
    }
    _symbols.release();
  }

  @Override
  public void close() throws IOException {
    if (!_closed) {
      try {
        super.close();
      } finally {
        // the parser outlives the document: keep no reference to its bytes or values
        _inputBuffer = NO_INPUT;
        _binaryValue = null;
        _byteArrayBuilder = null;
        _numberString = null;
        _numberBigInt = null;
        _numberBigDecimal = null;
        // A parser handed to another thread and closed there is not given out again: its owner
        // would read the fields written here without anything ordering the two threads' writes.
        if (Thread.currentThread() == owner) {
          free = true;
        }
      }
    }
  }
}
