package com.weegigs.events.benchmarks.raw;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.RequestTarget;
import com.weegigs.events.benchmarks.raw.RawPayloads.AddItem;
import com.weegigs.events.benchmarks.raw.RawPayloads.AggregateRef;
import com.weegigs.events.benchmarks.raw.RawPayloads.CommandRequest;
import com.weegigs.events.benchmarks.raw.RawPayloads.Item;
import com.weegigs.events.benchmarks.raw.RawPayloads.Metadata;
import com.weegigs.events.benchmarks.raw.RawPayloads.Receipt;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code raw-wire}: the wire contract written by hand on raw jnats, with no framework. It is not a
 * target's baseline; it shows what the contract itself costs on jnats, so that the gap between
 * {@code raw-rr} and {@code client-inmem} can be split into what the contract asks for and what
 * the framework adds.
 *
 * <p>Per command, as {@code docs/wire-contract.md} asks and as a careful person writes it with
 * jnats and Jackson databind: the caller sends the command request with {@code Content-Type},
 * {@code Wee-Deadline}, {@code Nats-Msg-Id} and a new {@code traceparent}; the responder (a
 * {@link Dispatcher} in queue group {@code q}, as in {@code raw-rr}) decodes it, makes the recorded
 * event, publishes it on {@code raw-wire.events.receipt.item-added} with {@code Nats-Msg-Id},
 * {@code Content-Type} and the request's {@code traceparent}, and answers the entity with its
 * events with {@code Content-Type} and the {@code traceparent}; the caller decodes the entity and
 * its events. It keeps no state and no store (its entity always has three items, like
 * {@code raw-rr}'s), and nobody subscribes to the events, as in {@code client-inmem}.
 */
public final class RawWireScenario {
  /** Where its responder answers. */
  static final String SUBJECT = RawPayloads.subject("raw-wire");
  static final String EVENT_SUBJECT = "raw-wire.events.receipt.item-added";

  private static final ObjectMapper MAPPER =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  private static final ObjectReader REQUEST_READER = MAPPER.readerFor(CommandRequest.class);
  private static final ObjectWriter REQUEST_WRITER = MAPPER.writerFor(CommandRequest.class);
  private static final ObjectWriter EVENT_WRITER = MAPPER.writerFor(RecordedEvent.class);
  private static final ObjectReader REPLY_READER = MAPPER.readerFor(CommandReply.class);
  private static final ObjectWriter REPLY_WRITER = MAPPER.writerFor(CommandReply.class);
  private static final BigDecimal PRICE = new BigDecimal("4.50");

  /** The event's data. */
  public record ItemAdded(String name, BigDecimal price, int quantity, BigDecimal lineTotal) {}

  /** The event's metadata. */
  public record EventMetadata(String correlationId, String causationId) {}

  /** A recorded event, as published. */
  public record RecordedEvent(String id, AggregateRef aggregate, String type, long revision, String timestamp,
      ItemAdded data, EventMetadata metadata) {}

  /** A command's reply: the entity and the events it recorded. */
  public record CommandReply(AggregateRef aggregate, String type, long revision, Receipt state,
      List<RecordedEvent> events) {}

  private RawWireScenario() {}

  /** Starts the responder and returns the requester bound to it. */
  public static RequestTarget<Message> start(String natsUrl, int inFlight) throws Exception {
    Connection responder = Connections.connect(natsUrl, "raw-wire-responder");
    Dispatcher dispatcher = responder.createDispatcher(message -> answer(responder, message));
    dispatcher.subscribe(SUBJECT, RawPayloads.QUEUE_GROUP);
    responder.flush(Duration.ofSeconds(5));
    Connection requester = Connections.connect(natsUrl, "raw-wire-requester");
    return new RawRequester(requester, responder, inFlight, RawWireScenario::send, RawWireScenario::invalidReply);
  }

  private static void answer(Connection connection, Message message) {
    String traceparent = message.getHeaders() == null ? null : message.getHeaders().getFirst("traceparent");
    try {
      CommandRequest request = REQUEST_READER.readValue(message.getData());
      AddItem command = request.command();
      if (command == null || request.aggregateId() == null) {
        throw new IOException("not a command request");
      }
      BigDecimal line = command.price().multiply(BigDecimal.valueOf(command.quantity()));
      List<Item> items = new ArrayList<>(RawPayloads.ITEMS_IN_REPLY);
      BigDecimal total = BigDecimal.ZERO;
      for (int i = 0; i < RawPayloads.ITEMS_IN_REPLY; i++) {
        items.add(new Item(command.name(), command.price(), command.quantity()));
        total = total.add(line);
      }
      String messageId = request.metadata() == null ? null : request.metadata().messageId();
      RecordedEvent event = new RecordedEvent(newId(), request.aggregateId(), "item-added",
          RawPayloads.ITEMS_IN_REPLY, Instant.now().toString(),
          new ItemAdded(command.name(), command.price(), command.quantity(), line),
          new EventMetadata(messageId, messageId));
      Headers eventHeaders = new Headers()
          .put("Nats-Msg-Id", event.id())
          .put("Content-Type", "application/json");
      Headers replyHeaders = new Headers().put("Content-Type", "application/json");
      if (traceparent != null) {
        eventHeaders.put("traceparent", traceparent);
        replyHeaders.put("traceparent", traceparent);
      }
      connection.publish(EVENT_SUBJECT, eventHeaders, EVENT_WRITER.writeValueAsBytes(event));
      byte[] reply = REPLY_WRITER.writeValueAsBytes(new CommandReply(request.aggregateId(), "receipt",
          RawPayloads.ITEMS_IN_REPLY, new Receipt(request.aggregateId().key(), "open", items, total), List.of(event)));
      connection.publish(message.getReplyTo(), replyHeaders, reply);
    } catch (IOException | RuntimeException e) {
      connection.publish(message.getReplyTo(), new Headers()
          .put("Nats-Service-Error-Code", "400")
          .put("Nats-Service-Error", "not a command request"), RawPayloads.errorBody());
    }
  }

  /** {@code 00-<trace id>-<span id>-00}, ids in lower-case hex. */
  public static String traceparent(long traceHigh, long traceLow, long span) {
    char[] text = new char[55];
    "00-".getChars(0, 3, text, 0);
    hex(text, 3, traceHigh);
    hex(text, 19, traceLow);
    text[35] = '-';
    hex(text, 36, span);
    "-00".getChars(0, 3, text, 52);
    return new String(text);
  }

  private static void hex(char[] text, int at, long value) {
    for (int i = 0; i < 16; i++) {
      text[at + i] = Character.forDigit((int) ((value >>> (60 - 4 * i)) & 0xF), 16);
    }
  }

  private static String newId() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return new UUID(random.nextLong(), random.nextLong()).toString();
  }

  /** The caller's request: the command request with the contract's request headers. */
  private static CompletableFuture<Message> send(Connection connection, String key) throws IOException {
    String messageId = UUID.randomUUID().toString();
    byte[] body = REQUEST_WRITER.writeValueAsBytes(
        new CommandRequest(new AggregateRef("receipt", key), new AddItem("Coffee", PRICE, 2), new Metadata(messageId)));
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Headers headers = new Headers()
        .put("Content-Type", "application/json")
        .put("Wee-Deadline", Long.toString(System.currentTimeMillis() + RawRequester.TIMEOUT.toMillis()))
        .put("Nats-Msg-Id", messageId)
        .put("traceparent", traceparent(random.nextLong(), random.nextLong() | 1, random.nextLong() | 1));
    return connection.requestWithTimeout(
        NatsMessage.builder().subject(SUBJECT).headers(headers).data(body).build(), RawRequester.TIMEOUT);
  }

  /** The caller's decode: the entity and its events. */
  private static boolean invalidReply(byte[] body) throws IOException {
    CommandReply decoded = REPLY_READER.readValue(body);
    return decoded.state() == null || decoded.events() == null || decoded.events().isEmpty();
  }
}
