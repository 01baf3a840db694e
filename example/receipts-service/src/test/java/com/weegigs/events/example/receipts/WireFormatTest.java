package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bodies a client that has never seen our Java code reads: the entity reply, the recorded
 * event (in the reply and as published) and the metadata the service fills, as
 * {@code docs/wire-contract.md} shows them; and the headers: none on the normal path, the trace
 * context when the caller has one, and a version 1 request with every header still served.
 */
@NatsTest
class WireFormatTest {
  private static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
  private static TestServices.Running service;
  private static NatsServer nats;
  private static Connection connection;

  @BeforeAll
  static void start(NatsServer server) {
    nats = server;
    service = TestServices.receipts(server, builder -> builder);
    connection = server.connect();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static Set<String> fields(JsonNode node) {
    Set<String> names = new TreeSet<>();
    node.fieldNames().forEachRemaining(names::add);
    return names;
  }

  @Test
  void aReceiptNobodyTouchedIsAnOpenEmptyEntityAtRevisionZero() {
    Wire.Reply reply = Wire.request(connection, Wire.GET_RECEIPT, Wire.text(Wire.queryRequest("receipt", "wire-new")));
    assertFalse(reply.isError(), reply::toString);
    JsonNode entity = reply.json();
    assertEquals("receipt", entity.path("aggregate").path("type").asText(), reply::toString);
    assertEquals("wire-new", entity.path("aggregate").path("key").asText(), reply::toString);
    assertEquals("receipt", entity.path("type").asText(), reply::toString);
    assertEquals(0, entity.path("revision").asLong(-1), reply::toString);
    assertTrue(entity.path("revision").isIntegralNumber(), reply::toString);
    JsonNode state = entity.path("state");
    assertEquals(Set.of("id", "status", "items", "total"), fields(state), reply::toString);
    assertEquals("wire-new", state.path("id").asText());
    assertEquals("open", state.path("status").asText(), reply::toString);
    assertTrue(state.path("items").isArray() && state.path("items").isEmpty(), reply::toString);
    assertTrue(state.path("total").isNumber(), reply::toString);
    assertEquals(0, BigDecimal.ZERO.compareTo(state.path("total").decimalValue()), reply::toString);
  }

  @Test
  void aCommandReplyCarriesTheEntityAndItsRecordedEvents() throws Exception {
    Subscription published = connection.subscribe("receipts.events.receipt.>");
    connection.flush(Duration.ofSeconds(5));
    ObjectNode request = Wire.commandRequest("receipt", "wire-1", Wire.addItem("Coffee", "4.50", 2));
    request.putObject("metadata").put("messageId", "m-wire-1").put("correlationId", "c-42").put("userId", "till-3");
    Instant before = Instant.now().minusSeconds(1);
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM, Wire.text(request));
    assertFalse(reply.isError(), reply::toString);

    JsonNode entity = reply.json();
    assertEquals(Set.of("aggregate", "type", "revision", "state", "events"), fields(entity), reply::toString);
    assertEquals(1, entity.path("revision").asLong(), reply::toString);
    JsonNode item = entity.path("state").path("items").path(0);
    assertEquals(Set.of("name", "price", "quantity"), fields(item), reply::toString);
    assertEquals(0, new BigDecimal("4.50").compareTo(item.path("price").decimalValue()), reply::toString);
    assertEquals(2, item.path("quantity").asInt(), reply::toString);

    assertEquals(1, entity.path("events").size(), reply::toString);
    JsonNode event = entity.path("events").path(0);
    assertRecordedEvent(event, before);

    Message message = published.nextMessage(Duration.ofSeconds(5));
    assertNotNull(message, "the event was not published");
    assertEquals("receipts.events.receipt.item-added", message.getSubject());
    JsonNode publishedEvent = Wire.JSON.readTree(message.getData());
    assertEquals(event, publishedEvent, "the published event differs from the one in the reply");
    assertFalse(message.hasHeaders(), () -> "the event of a request without headers has " + message.getHeaders());
    published.unsubscribe();
  }

  private static void assertRecordedEvent(JsonNode event, Instant notBefore) {
    assertTrue(fields(event).containsAll(List.of("id", "aggregate", "type", "revision", "timestamp", "data", "metadata")),
        event::toString);
    assertFalse(event.path("id").asText().isBlank(), event::toString);
    assertEquals("receipt", event.path("aggregate").path("type").asText(), event::toString);
    assertEquals("wire-1", event.path("aggregate").path("key").asText(), event::toString);
    assertEquals("item-added", event.path("type").asText(), event::toString);
    assertEquals(2, event.path("version").asInt(), "item-added is at version 2: " + event);
    assertEquals(1, event.path("revision").asLong(), event::toString);
    Instant timestamp = Instant.parse(event.path("timestamp").asText());
    assertFalse(timestamp.isBefore(notBefore), event::toString);
    JsonNode data = event.path("data");
    assertEquals(Set.of("name", "price", "quantity", "lineTotal", "currency"), fields(data), event::toString);
    assertEquals("EUR", data.path("currency").asText(), event::toString);
    assertEquals("Coffee", data.path("name").asText());
    assertEquals(0, new BigDecimal("9.00").compareTo(data.path("lineTotal").decimalValue()), event::toString);
    JsonNode metadata = event.path("metadata");
    assertEquals("c-42", metadata.path("correlationId").asText(), event::toString);
    assertEquals("m-wire-1", metadata.path("causationId").asText(), "causationId is the command's messageId");
    assertEquals("till-3", metadata.path("userId").asText(), event::toString);
  }

  @Test
  void theServiceFillsTheMetadataTheSenderLeftOut() {
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM,
        Wire.text(Wire.commandRequest("receipt", "wire-2", Wire.addItem("Tea", "4.99", 2))));
    JsonNode metadata = reply.json().path("events").path(0).path("metadata");
    assertFalse(metadata.path("correlationId").asText().isBlank(), reply::toString);
    assertFalse(metadata.path("causationId").asText().isBlank(), "a messageId was made up and used as causationId");
    assertEquals(0, new BigDecimal("9.98").compareTo(reply.json().path("state").path("total").decimalValue()), reply::toString);
  }

  @Test
  void theGeneratedClientSendsNoHeadersAndGetsNoneBackNorOnTheEvent() throws Exception {
    // a second connection sees the request, the reply (on the caller's inbox) and the event as they travel
    Connection tap = nats.connect();
    Connection caller = nats.connect();
    try {
      Subscription requests = tap.subscribe(Wire.ADD_ITEM);
      Subscription replies = tap.subscribe("_INBOX.>");
      Subscription events = tap.subscribe("receipts.events.receipt.item-added");
      tap.flush(Duration.ofSeconds(5));
      ReceiptClient client = ReceiptClient.create(TestServices.client(caller));

      client.blocking().addItem("wire-lean", new AddItem("Tea", new BigDecimal("2.50"), 1));

      Message request = requests.nextMessage(Duration.ofSeconds(5));
      assertNotNull(request, "the request was not seen");
      assertFalse(request.hasHeaders(), () -> "the default call sent headers " + request.getHeaders());
      assertFalse(Wire.JSON.readTree(request.getData()).path("metadata").path("messageId").asText().isBlank(),
          "the messageId travels in the body");
      Message reply;
      do {
        reply = replies.nextMessage(Duration.ofSeconds(5));
        assertNotNull(reply, "the reply was not seen");
      } while (!reply.getSubject().equals(request.getReplyTo()));
      Message seenReply = reply;
      assertFalse(seenReply.hasHeaders(), () -> "the success reply has headers " + seenReply.getHeaders());
      Message event = nextEventOf(events, "wire-lean");
      assertFalse(event.hasHeaders(), () -> "the event has headers " + event.getHeaders());
    } finally {
      caller.close();
      tap.close();
    }
  }

  @Test
  void aVersionOneRequestWithEveryHeaderIsServedAndGetsItsTraceBack() throws Exception {
    Subscription published = connection.subscribe("receipts.events.receipt.>");
    connection.flush(Duration.ofSeconds(5));
    Headers everyHeader = new Headers()
        .put("Content-Type", "application/json")
        .put("Wee-Deadline", Long.toString(System.currentTimeMillis() + 30_000))
        .put("Nats-Msg-Id", "m-v1")
        .put("traceparent", TRACEPARENT);
    String body = Wire.text(Wire.commandRequest("receipt", "wire-v1", Wire.addItem("Tea", "1", 1)));

    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM, body, everyHeader);
    Wire.Reply again = Wire.request(connection, Wire.ADD_ITEM, body, everyHeader);

    assertFalse(reply.isError(), reply::toString);
    assertEquals(Set.of("traceparent"), reply.headers().keySet(), "only the trace context comes back");
    assertEquals(TRACEPARENT, reply.headers().getFirst("traceparent"));
    assertEquals("m-v1", reply.json().path("events").path(0).path("metadata").path("causationId").asText(),
        "Nats-Msg-Id is the messageId when the body has none");
    assertEquals(reply.json(), again.json(), "the same Nats-Msg-Id takes effect once");
    Message event = nextEventOf(published, "wire-v1");
    assertEquals(Set.of("traceparent"), event.getHeaders().keySet());
    assertEquals(TRACEPARENT, event.getHeaders().getFirst("traceparent"));
    published.unsubscribe();

    // when both carry one, the body's messageId wins
    ObjectNode both = Wire.commandRequest("receipt", "wire-v1", Wire.addItem("Cake", "3", 1));
    both.putObject("metadata").put("messageId", "m-v1-body");
    Wire.Reply bodyWins = Wire.request(connection, Wire.ADD_ITEM, Wire.text(both), everyHeader);
    assertEquals("m-v1-body", bodyWins.json().path("events").path(0).path("metadata").path("causationId").asText(),
        bodyWins::toString);
    assertEquals(2, bodyWins.json().path("revision").asLong(), bodyWins::toString);
  }

  @Test
  void theTraceContextTravelsOntoTheReplyAndTheEvents() throws Exception {
    Subscription published = connection.subscribe("receipts.events.receipt.>");
    connection.flush(Duration.ofSeconds(5));
    Headers headers = new Headers()
        .put("traceparent", TRACEPARENT)
        .put("tracestate", "vendor=value")
        .put("baggage", "till=3");
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM,
        Wire.text(Wire.commandRequest("receipt", "wire-trace", Wire.addItem("Tea", "1", 1))), headers);
    assertFalse(reply.isError(), reply::toString);
    assertEquals(Set.of("traceparent", "tracestate", "baggage"), reply.headers().keySet(), "no headers but the trace");
    assertTrace(reply.headers());
    Message event = nextEventOf(published, "wire-trace");
    assertEquals(Set.of("traceparent", "tracestate", "baggage"), event.getHeaders().keySet(), "no headers but the trace");
    assertTrace(event.getHeaders());
    published.unsubscribe();

    // an error reply carries it too, beside the ADR-32 headers
    Wire.Reply refused = Wire.request(connection, Wire.REMOVE_ITEM,
        Wire.text(Wire.commandRequest("receipt", "wire-trace", Wire.JSON.createObjectNode().put("name", "Cake"))), headers);
    assertEquals(422, refused.errorNumber(), refused::toString);
    assertEquals(Set.of("Nats-Service-Error-Code", "Nats-Service-Error", "traceparent", "tracestate", "baggage"),
        refused.headers().keySet());
    assertTrace(refused.headers());
  }

  /** The next published event of the receipt {@code key}: an earlier test's event may still arrive first. */
  private static Message nextEventOf(Subscription events, String key) throws Exception {
    Message event;
    do {
      event = events.nextMessage(Duration.ofSeconds(5));
      assertNotNull(event, "the event of " + key + " was not published");
    } while (!Wire.JSON.readTree(event.getData()).path("aggregate").path("key").asText().equals(key));
    return event;
  }

  /** The caller's trace context came back unchanged: the service creates no spans of its own. */
  private static void assertTrace(Headers headers) {
    assertNotNull(headers, "no headers");
    assertEquals(TRACEPARENT, headers.getFirst("traceparent"));
    assertEquals("vendor=value", headers.getFirst("tracestate"));
    assertEquals("till=3", headers.getFirst("baggage"));
  }

  @Test
  void statusesTravelInLowerCase() {
    ObjectNode finalize = Wire.commandRequest("receipt", "wire-3", Wire.JSON.createObjectNode());
    Wire.request(connection, Wire.ADD_ITEM, Wire.text(Wire.commandRequest("receipt", "wire-3", Wire.addItem("Tea", "1", 1))));
    Wire.Reply closed = Wire.request(connection, Wire.FINALIZE, Wire.text(finalize));
    assertEquals("closed", closed.json().path("state").path("status").asText(), closed::toString);
    assertEquals("receipt-finalized", closed.json().path("events").path(0).path("type").asText(), closed::toString);
    assertEquals(1, closed.json().path("events").path(0).path("data").path("itemCount").asInt(), closed::toString);
    // "voided" is ReceiptsAuthenticationTest's: only a verified manager may void
  }
}
