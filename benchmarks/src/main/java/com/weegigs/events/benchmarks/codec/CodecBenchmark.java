package com.weegigs.events.benchmarks.codec;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.weegigs.events.example.receipts.AddItem;
import com.weegigs.events.example.receipts.Item;
import com.weegigs.events.example.receipts.ItemAdded;
import com.weegigs.events.example.receipts.Receipt;
import com.weegigs.events.example.receipts.ReceiptCodecs;
import com.weegigs.events.example.receipts.Status;
import com.weegigs.events.runtime.codec.DecodeContext;
import com.weegigs.events.runtime.codec.JsonCodec;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * {@code codec}: the generated codecs of the receipts example ({@code ReceiptCodecs}) against
 * Jackson databind's {@link ObjectMapper} on the same records: the command ({@code AddItem}), the
 * event ({@code ItemAdded}) and the state ({@code Receipt} with three items), each encoded to UTF-8
 * bytes and decoded from them.
 *
 * <p>Both sides do what production does. The generated side encodes through the runtime's
 * {@link Envelopes#encode} (a reused per-thread buffer, one {@code JsonGenerator}) and decodes with a
 * parser from the runtime's shared {@code JsonFactory} and a fresh {@link DecodeContext}. Jackson
 * uses an {@link ObjectWriter}/{@link ObjectReader} built once per type (the fastest databind path),
 * each decoding the bytes it encoded itself.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class CodecBenchmark {
  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectWriter COMMAND_WRITER = MAPPER.writerFor(AddItem.class);
  private static final ObjectReader COMMAND_READER = MAPPER.readerFor(AddItem.class);
  private static final ObjectWriter EVENT_WRITER = MAPPER.writerFor(ItemAdded.class);
  private static final ObjectReader EVENT_READER = MAPPER.readerFor(ItemAdded.class);
  private static final ObjectWriter STATE_WRITER = MAPPER.writerFor(Receipt.class);
  private static final ObjectReader STATE_READER = MAPPER.readerFor(Receipt.class);

  private AddItem command;
  private ItemAdded event;
  private Receipt state;
  private byte[] generatedCommand;
  private byte[] generatedEvent;
  private byte[] generatedState;
  private byte[] jacksonCommand;
  private byte[] jacksonEvent;
  private byte[] jacksonState;

  /** Builds the values and their encodings, and checks that both sides read back what they wrote. */
  @Setup
  public void setUp() throws IOException {
    command = new AddItem("Flat white", new BigDecimal("4.50"), 2);
    event = new ItemAdded("Flat white", new BigDecimal("4.50"), 2, new BigDecimal("9.00"), "EUR");
    state = new Receipt("r-000042", Status.OPEN,
        List.of(new Item("Flat white", new BigDecimal("4.50"), 2),
            new Item("Blueberry muffin", new BigDecimal("3.25"), 1),
            new Item("Sparkling water", new BigDecimal("2.00"), 3)),
        new BigDecimal("18.25"));
    generatedCommand = encode(ReceiptCodecs.ADD_ITEM_CODEC, command);
    generatedEvent = encode(ReceiptCodecs.ITEM_ADDED_CODEC, event);
    generatedState = encode(ReceiptCodecs.RECEIPT_CODEC, state);
    jacksonCommand = COMMAND_WRITER.writeValueAsBytes(command);
    jacksonEvent = EVENT_WRITER.writeValueAsBytes(event);
    jacksonState = STATE_WRITER.writeValueAsBytes(state);
    check(command, decode(ReceiptCodecs.ADD_ITEM_CODEC, generatedCommand), COMMAND_READER.readValue(jacksonCommand));
    check(event, decode(ReceiptCodecs.ITEM_ADDED_CODEC, generatedEvent), EVENT_READER.readValue(jacksonEvent));
    check(state, decode(ReceiptCodecs.RECEIPT_CODEC, generatedState), STATE_READER.readValue(jacksonState));
  }

  private static void check(Object expected, Object generated, Object jackson) {
    if (!expected.equals(generated) || !expected.equals(jackson)) {
      throw new IllegalStateException(
          "round trip differs: " + expected + " / generated " + generated + " / jackson " + jackson);
    }
  }

  private static <T> byte[] encode(JsonCodec<T> codec, T value) {
    return Envelopes.encode(generator -> codec.write(generator, value));
  }

  private static <T> T decode(JsonCodec<T> codec, byte[] json) throws IOException {
    try (JsonParser parser = Envelopes.JSON.createParser(json)) {
      parser.nextToken();
      DecodeContext context = new DecodeContext();
      T value = codec.read(parser, context);
      if (context.hasViolations()) {
        throw new IllegalStateException("violations: " + context.violations());
      }
      return value;
    }
  }

  /** Generated: encode the command. */
  @Benchmark
  public byte[] generatedCommandEncode() {
    return encode(ReceiptCodecs.ADD_ITEM_CODEC, command);
  }

  /** Generated: decode the command. */
  @Benchmark
  public AddItem generatedCommandDecode() throws IOException {
    return decode(ReceiptCodecs.ADD_ITEM_CODEC, generatedCommand);
  }

  /** Generated: encode the event. */
  @Benchmark
  public byte[] generatedEventEncode() {
    return encode(ReceiptCodecs.ITEM_ADDED_CODEC, event);
  }

  /** Generated: decode the event. */
  @Benchmark
  public ItemAdded generatedEventDecode() throws IOException {
    return decode(ReceiptCodecs.ITEM_ADDED_CODEC, generatedEvent);
  }

  /** Generated: encode the state. */
  @Benchmark
  public byte[] generatedEntityEncode() {
    return encode(ReceiptCodecs.RECEIPT_CODEC, state);
  }

  /** Generated: decode the state. */
  @Benchmark
  public Receipt generatedEntityDecode() throws IOException {
    return decode(ReceiptCodecs.RECEIPT_CODEC, generatedState);
  }

  /** Jackson: encode the command. */
  @Benchmark
  public byte[] jacksonCommandEncode() throws IOException {
    return COMMAND_WRITER.writeValueAsBytes(command);
  }

  /** Jackson: decode the command. */
  @Benchmark
  public AddItem jacksonCommandDecode() throws IOException {
    return COMMAND_READER.readValue(jacksonCommand);
  }

  /** Jackson: encode the event. */
  @Benchmark
  public byte[] jacksonEventEncode() throws IOException {
    return EVENT_WRITER.writeValueAsBytes(event);
  }

  /** Jackson: decode the event. */
  @Benchmark
  public ItemAdded jacksonEventDecode() throws IOException {
    return EVENT_READER.readValue(jacksonEvent);
  }

  /** Jackson: encode the state. */
  @Benchmark
  public byte[] jacksonEntityEncode() throws IOException {
    return STATE_WRITER.writeValueAsBytes(state);
  }

  /** Jackson: decode the state. */
  @Benchmark
  public Receipt jacksonEntityDecode() throws IOException {
    return STATE_READER.readValue(jacksonState);
  }
}
