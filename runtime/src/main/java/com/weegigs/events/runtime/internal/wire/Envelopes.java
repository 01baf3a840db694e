package com.weegigs.events.runtime.internal.wire;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.ObjectCodec;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.json.UTF8JsonGenerator;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;

/**
 * The JSON every body of the wire contract ({@code docs/wire-contract.md}) is read and written
 * with: the one {@link JsonFactory}, and {@link #encode}, which writes a document into a
 * per-thread buffer and returns the bytes to send.
 *
 * <p>Each kind of body has its own class: {@link Requests} (command and query requests),
 * {@link EntityReplies} (entities and command replies), {@link RecordedEvents},
 * {@link ErrorReplies} and {@link HealthReports}.
 */
public final class Envelopes {
  /**
   * The one factory: thread-safe, it recycles parser and generator buffers per thread, and it reads
   * byte arrays as UTF-8 without looking for another encoding.
   */
  public static final JsonFactory JSON = new Utf8JsonFactory();

  /**
   * The factory of the generators each thread keeps (see {@link Output}): one document after
   * another with nothing between them, where a generator would put a space before each root value
   * after the first.
   */
  private static final JsonFactory REUSED = new SinkGeneratorFactory();
  private static final ThreadLocal<Output> OUTPUT = ThreadLocal.withInitial(Output::new);
  private static final int RETAINED_BUFFER_LIMIT = 64 * 1024;

  private Envelopes() {}

  /** Writes one JSON document. */
  @FunctionalInterface
  public interface JsonWriter {
    /** Writes the whole document to {@code generator}. */
    void write(JsonGenerator generator) throws IOException;
  }

  /** Runs {@code writer} against a fresh generator and returns the UTF-8 bytes it wrote. */
  public static byte[] encode(JsonWriter writer) {
    Output output = Output.acquire();
    try {
      SinkGenerator generator = output.generator();
      writer.write(generator);
      return output.toByteArray(generator);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      output.release();
    }
  }

  /**
   * A growable, unsynchronized byte sink reused per thread, with the generator that writes into it.
   *
   * <p>Why keep the generator: creating one (its I/O context, its buffer from the recycler, its
   * write contexts) and closing it is a large share of encoding a small document. A generator
   * that has written a whole document is back at the root and writes the next one as if new; one
   * that failed part-way, or was left inside an object, is dropped.
   */
  static final class Output extends OutputStream {
    static final int INITIAL_SIZE = 1024;
    byte[] buffer = new byte[INITIAL_SIZE];
    int count;
    boolean busy;
    private SinkGenerator generator;
    private boolean finished;

    /** The thread's sink, emptied; a fresh one when a codec encodes a nested document while this thread encodes. */
    static Output acquire() {
      Output output = OUTPUT.get();
      if (output.busy) {
        output = new Output();
      }
      output.busy = true;
      output.count = 0;
      return output;
    }

    /** This sink's generator, ready for a new document. */
    SinkGenerator generator() throws IOException {
      if (generator == null) {
        generator = (SinkGenerator) REUSED.createGenerator(this);
      }
      finished = false;
      return generator;
    }

    /**
     * Ends the document and returns its bytes. A document that fits the generator's own buffer, as
     * nearly every body does, is copied straight out of it, not first through this sink.
     *
     * @throws IllegalStateException when the document was left unfinished (an object or array open)
     */
    byte[] toByteArray(SinkGenerator used) throws IOException {
      if (count == 0) {
        requireRoot(used);
        finished = true;
        return used.takeBuffered();
      }
      finish(used);
      return Arrays.copyOf(buffer, count);
    }

    /**
     * Ends the document: everything written reaches {@link #buffer}.
     *
     * @throws IllegalStateException when the document was left unfinished (an object or array open)
     */
    void finish(JsonGenerator used) throws IOException {
      used.flush();
      requireRoot(used);
      finished = true;
    }

    private static void requireRoot(JsonGenerator used) {
      if (!used.getOutputContext().inRoot()) {
        throw new IllegalStateException("a JSON writer left its document unfinished");
      }
    }

    /** Frees the sink for the thread's next document; a buffer grown past the retained limit is let go. */
    void release() {
      busy = false;
      if (!finished) {
        // failed or unfinished part-way: its state is unknown, the next document gets a new one
        generator = null;
      }
      if (buffer.length > RETAINED_BUFFER_LIMIT) {
        buffer = new byte[INITIAL_SIZE];
      }
    }

    @Override
    public void write(int b) {
      ensure(1);
      buffer[count++] = (byte) b;
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
      ensure(length);
      System.arraycopy(bytes, offset, buffer, count, length);
      count += length;
    }

    private void ensure(int extra) {
      if (count + extra > buffer.length) {
        buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, count + extra));
      }
    }
  }

  /**
   * Jackson's UTF-8 generator, which can hand over what it holds in its own buffer as an array of
   * the right length: that saves {@link Output#toByteArray} a copy through the stream.
   */
  static final class SinkGenerator extends UTF8JsonGenerator {
    SinkGenerator(IOContext context, int features, ObjectCodec codec, OutputStream out, char quote) {
      super(context, features, codec, out, quote);
    }

    /** The bytes written since the last flush, which it empties as a flush would. */
    byte[] takeBuffered() {
      byte[] bytes = Arrays.copyOf(_outputBuffer, _outputTail);
      _outputTail = 0;
      return bytes;
    }
  }

  /**
   * The factory of {@link SinkGenerator}s, configured as {@link JsonFactory}'s own UTF-8 generators
   * are, with no separator between root values.
   */
  private static final class SinkGeneratorFactory extends JsonFactory {
    private static final long serialVersionUID = 1L;

    SinkGeneratorFactory() {
      super(new JsonFactoryBuilder().rootValueSeparator((String) null));
    }

    @Override
    protected JsonGenerator _createUTF8Generator(OutputStream out, IOContext context) {
      SinkGenerator generator = new SinkGenerator(context, _generatorFeatures, _objectCodec, out, _quoteChar);
      if (_maximumNonEscapedChar > 0) {
        generator.setHighestNonEscapedChar(_maximumNonEscapedChar);
      }
      if (_characterEscapes != null) {
        generator.setCharacterEscapes(_characterEscapes);
      }
      SerializableString separator = _rootValueSeparator;
      if (separator != DEFAULT_ROOT_VALUE_SEPARATOR) {
        generator.setRootValueSeparator(separator);
      }
      return generator;
    }
  }
}
