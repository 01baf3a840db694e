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
 * {@code raw-wire} and {@code raw-wire-v1}: the wire contract ({@code docs/wire-contract.md})
 * written by hand on raw jnats and Jackson databind, with no framework. Neither is a throughput
 * floor like {@code raw-rr}: {@code raw-wire ÷ raw-rr} is what the contract costs on jnats, and
 * {@code client-inmem ÷ raw-wire} what the framework adds to it.
 *
 * <p>Both do the same work per command: the responder (a {@link Dispatcher} in queue group
 * {@code q}, as in {@code raw-rr}) decodes the command request, makes the recorded event, publishes
 * it on {@code <scenario>.events.receipt.item-added} and answers the entity with its events; the
 * caller decodes the entity and its events. Neither keeps state or a store (the entity always has
 * three items, like {@code raw-rr}'s), and nobody subscribes to the events, as in
 * {@code client-inmem}. They differ in the headers:
 *
 * <ul>
 *   <li>{@code raw-wire} follows contract 1.1 as a careful person would: no headers at all. The
 *       caller sends the command request with its {@code messageId} in the body's metadata; the
 *       event and the reply go without headers. A request that brings a {@code traceparent} has it
 *       continued on the event and the reply, and nothing else.
 *   <li>{@code raw-wire-v1} is contract 1 as it was, kept as a reference: the caller sends
 *       {@code Content-Type}, {@code Wee-Deadline}, {@code Nats-Msg-Id} and a new
 *       {@code traceparent}; the event carries {@code Nats-Msg-Id}, {@code Content-Type} and the
 *       request's {@code traceparent}, the reply {@code Content-Type} and the {@code traceparent}.
 * </ul>
 */
public final class RawWireScenario {
  /** Where the {@code raw-wire} responder answers. */
  static final String SUBJECT = RawPayloads.subject("raw-wire");
  static final String EVENT_SUBJECT = "raw-wire.events.receipt.item-added";
  /** Where the {@code raw-wire-v1} responder answers. */
  static final String V1_SUBJECT = RawPayloads.subject("raw-wire-v1");
  static final String V1_EVENT_SUBJECT = "raw-wire-v1.events.receipt.item-added";

  private static final String TRACEPARENT = "traceparent";
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

  /** What the responder makes of one command request: the recorded event and the reply, encoded. */
  private record Outcome(String eventId, byte[] event, byte[] reply) {}

  private RawWireScenario() {}

  /** Starts the {@code raw-wire} (contract 1.1) responder and returns the requester bound to it. */
  public static RequestTarget<Message> start(String natsUrl, int inFlight) throws Exception {
    // the request is raw-rr's: the command request with its messageId in the metadata, no headers
    return start("raw-wire", SUBJECT, natsUrl, inFlight, RawWireScenario::publish,
        (connection, key) -> connection.requestWithTimeout(SUBJECT, RawPayloads.request(key), RawRequester.TIMEOUT));
  }

  /** Starts the {@code raw-wire-v1} (contract 1, every header) responder and returns the requester bound to it. */
  public static RequestTarget<Message> startV1(String natsUrl, int inFlight) throws Exception {
    return start("raw-wire-v1", V1_SUBJECT, natsUrl, inFlight, RawWireScenario::publishV1, RawWireScenario::sendV1);
  }

  /** How a responder puts a command's outcome on the wire: the event, then the reply. */
  @FunctionalInterface
  private interface Publisher {
    void publish(Connection connection, Message request, Outcome outcome);
  }

  private static RequestTarget<Message> start(String scenario, String subject, String natsUrl, int inFlight,
      Publisher publisher, RawRequester.Sender sender) throws Exception {
    Connection responder = Connections.connect(natsUrl, scenario + "-responder");
    Dispatcher dispatcher = responder.createDispatcher(message -> {
      Outcome outcome;
      try {
        outcome = handle(message.getData());
      } catch (IOException | RuntimeException e) {
        responder.publish(message.getReplyTo(), new Headers()
            .put("Nats-Service-Error-Code", "400")
            .put("Nats-Service-Error", "not a command request"), RawPayloads.errorBody());
        return;
      }
      publisher.publish(responder, message, outcome);
    });
    dispatcher.subscribe(subject, RawPayloads.QUEUE_GROUP);
    responder.flush(Duration.ofSeconds(5));
    Connection requester = Connections.connect(natsUrl, scenario + "-requester");
    return new RawRequester(requester, responder, inFlight, sender, RawWireScenario::invalidReply);
  }

  /** Contract 1.1: no headers on the event or the reply but a trace context that came in. */
  private static void publish(Connection connection, Message request, Outcome outcome) {
    String traceparent = request.getHeaders() == null ? null : request.getHeaders().getFirst(TRACEPARENT);
    if (traceparent == null) {
      connection.publish(EVENT_SUBJECT, outcome.event());
      connection.publish(request.getReplyTo(), outcome.reply());
    } else {
      Headers trace = new Headers().put(TRACEPARENT, traceparent);
      connection.publish(EVENT_SUBJECT, trace, outcome.event());
      connection.publish(request.getReplyTo(), trace, outcome.reply());
    }
  }

  /** Contract 1: every header that contract asked for. */
  private static void publishV1(Connection connection, Message request, Outcome outcome) {
    String traceparent = request.getHeaders() == null ? null : request.getHeaders().getFirst(TRACEPARENT);
    Headers eventHeaders = new Headers()
        .put("Nats-Msg-Id", outcome.eventId())
        .put("Content-Type", "application/json");
    Headers replyHeaders = new Headers().put("Content-Type", "application/json");
    if (traceparent != null) {
      eventHeaders.put(TRACEPARENT, traceparent);
      replyHeaders.put(TRACEPARENT, traceparent);
    }
    connection.publish(V1_EVENT_SUBJECT, eventHeaders, outcome.event());
    connection.publish(request.getReplyTo(), replyHeaders, outcome.reply());
  }

  /** Decodes the command request, makes the recorded event and the entity, and encodes both. */
  private static Outcome handle(byte[] body) throws IOException {
    CommandRequest request = REQUEST_READER.readValue(body);
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
    byte[] reply = REPLY_WRITER.writeValueAsBytes(new CommandReply(request.aggregateId(), "receipt",
        RawPayloads.ITEMS_IN_REPLY, new Receipt(request.aggregateId().key(), "open", items, total), List.of(event)));
    return new Outcome(event.id(), EVENT_WRITER.writeValueAsBytes(event), reply);
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

  /** The {@code raw-wire-v1} caller's request: the command request with contract 1's request headers. */
  private static CompletableFuture<Message> sendV1(Connection connection, String key) throws IOException {
    String messageId = UUID.randomUUID().toString();
    byte[] body = REQUEST_WRITER.writeValueAsBytes(
        new CommandRequest(new AggregateRef("receipt", key), new AddItem("Coffee", PRICE, 2), new Metadata(messageId)));
    ThreadLocalRandom random = ThreadLocalRandom.current();
    Headers headers = new Headers()
        .put("Content-Type", "application/json")
        .put("Wee-Deadline", Long.toString(System.currentTimeMillis() + RawRequester.TIMEOUT.toMillis()))
        .put("Nats-Msg-Id", messageId)
        .put(TRACEPARENT, traceparent(random.nextLong(), random.nextLong() | 1, random.nextLong() | 1));
    return connection.requestWithTimeout(
        NatsMessage.builder().subject(V1_SUBJECT).headers(headers).data(body).build(), RawRequester.TIMEOUT);
  }

  /** The caller's decode: the entity and its events. */
  private static boolean invalidReply(byte[] body) throws IOException {
    CommandReply decoded = REPLY_READER.readValue(body);
    return decoded.state() == null || decoded.events() == null || decoded.events().isEmpty();
  }
}
