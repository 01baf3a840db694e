package com.weegigs.events.benchmarks.raw;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The messages of the raw baselines, as a careful person writes them with Jackson databind: plain
 * records, one shared {@link ObjectMapper}, and {@link ObjectReader}/{@link ObjectWriter}s built
 * once per type (they cache their (de)serializers, so a request pays for no lookup).
 *
 * <p>The request is the wire contract's command request for {@code add-item} (about 150 bytes);
 * the reply is an entity whose state holds {@link #ITEMS_IN_REPLY} items (about 300 bytes), which
 * is what the receipts service answers for a receipt of that size.
 */
public final class RawPayloads {
  /**
   * The subject a raw responder answers on, the same shape as the generated service's: each
   * scenario has its own, as the suite keeps every scenario's JVM (and responder) running at once.
   */
  public static String subject(String scenario) {
    return scenario + ".command.receipt.add-item";
  }
  /** The queue group of the responders, as the generated service uses. */
  public static final String QUEUE_GROUP = "q";
  /** Items in each reply's state: the middle of the 1 to 5 that the client scenario sees. */
  public static final int ITEMS_IN_REPLY = 3;

  /** The aggregate's identity. */
  public record AggregateRef(String type, String key) {}

  /** The {@code add-item} command. */
  public record AddItem(String name, BigDecimal price, int quantity) {}

  /** The command's metadata; only the message id is sent. */
  public record Metadata(String messageId) {}

  /** The command request envelope. */
  public record CommandRequest(AggregateRef aggregateId, AddItem command, Metadata metadata) {}

  /** One line of a receipt. */
  public record Item(String name, BigDecimal price, int quantity) {}

  /** The receipt's state. */
  public record Receipt(String id, String status, List<Item> items, BigDecimal total) {}

  /** The reply: an entity. */
  public record EntityReply(AggregateRef aggregate, String type, long revision, Receipt state) {}

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectReader REQUEST_READER = MAPPER.readerFor(CommandRequest.class);
  private static final ObjectWriter REQUEST_WRITER = MAPPER.writerFor(CommandRequest.class);
  private static final ObjectReader REPLY_READER = MAPPER.readerFor(EntityReply.class);
  private static final ObjectWriter REPLY_WRITER = MAPPER.writerFor(EntityReply.class);
  private static final BigDecimal PRICE = new BigDecimal("4.50");

  private RawPayloads() {}

  /** Encodes an {@code add-item} request for {@code key}, with a fresh message id. */
  public static byte[] request(String key) {
    try {
      return REQUEST_WRITER.writeValueAsBytes(
          new CommandRequest(
              new AggregateRef("receipt", key),
              new AddItem("Coffee", PRICE, 2),
              new Metadata(UUID.randomUUID().toString())));
    } catch (IOException e) {
      throw new IllegalStateException("cannot encode the request", e);
    }
  }

  /**
   * The responder's work: decodes the request, builds the entity from it and encodes that. Throws
   * for a request that is not a command request.
   */
  public static byte[] answer(byte[] body) throws IOException {
    CommandRequest request = REQUEST_READER.readValue(body);
    AddItem command = request.command();
    if (command == null || request.aggregateId() == null) {
      throw new IOException("not a command request");
    }
    Item item = new Item(command.name(), command.price(), command.quantity());
    List<Item> items = new ArrayList<>(ITEMS_IN_REPLY);
    BigDecimal total = BigDecimal.ZERO;
    BigDecimal line = command.price().multiply(BigDecimal.valueOf(command.quantity()));
    for (int i = 0; i < ITEMS_IN_REPLY; i++) {
      items.add(item);
      total = total.add(line);
    }
    String key = request.aggregateId().key();
    return REPLY_WRITER.writeValueAsBytes(
        new EntityReply(
            request.aggregateId(),
            "receipt",
            ITEMS_IN_REPLY,
            new Receipt(key, "open", items, total)));
  }

  /** The caller's work on a reply: decodes the entity. */
  public static EntityReply readReply(byte[] body) throws IOException {
    return REPLY_READER.readValue(body);
  }

  /** The error body a responder sends when a request cannot be read. */
  public static byte[] errorBody() {
    return "{\"error\":{\"code\":\"INVALID_REQUEST\",\"message\":\"not a command request\"}}"
        .getBytes(java.nio.charset.StandardCharsets.UTF_8);
  }
}
