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
 * {@code docs/wire-contract.md} shows them.
 */
@NatsTest
class WireFormatTest {
  private static TestServices.Running service;
  private static Connection connection;

  @BeforeAll
  static void start(NatsServer server) {
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
    assertEquals(event.path("id").asText(), message.getHeaders().getFirst("Nats-Msg-Id"), "Nats-Msg-Id of the event");
    published.unsubscribe();
  }

  private static void assertRecordedEvent(JsonNode event, Instant notBefore) {
    assertTrue(fields(event).containsAll(List.of("id", "aggregate", "type", "revision", "timestamp", "data", "metadata")),
        event::toString);
    assertFalse(event.path("id").asText().isBlank(), event::toString);
    assertEquals("receipt", event.path("aggregate").path("type").asText(), event::toString);
    assertEquals("wire-1", event.path("aggregate").path("key").asText(), event::toString);
    assertEquals("item-added", event.path("type").asText(), event::toString);
    assertEquals(1, event.path("revision").asLong(), event::toString);
    Instant timestamp = Instant.parse(event.path("timestamp").asText());
    assertFalse(timestamp.isBefore(notBefore), event::toString);
    JsonNode data = event.path("data");
    assertEquals(Set.of("name", "price", "quantity", "lineTotal"), fields(data), event::toString);
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
  void theTraceContextTravelsOntoTheReplyAndTheEvents() throws Exception {
    String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
    Subscription published = connection.subscribe("receipts.events.receipt.>");
    connection.flush(Duration.ofSeconds(5));
    Headers headers = new Headers()
        .put("traceparent", traceparent)
        .put("tracestate", "vendor=value")
        .put("baggage", "till=3");
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM,
        Wire.text(Wire.commandRequest("receipt", "wire-trace", Wire.addItem("Tea", "1", 1))), headers);
    assertFalse(reply.isError(), reply::toString);
    assertEquals("application/json", reply.headers().getFirst("Content-Type"));
    assertTrace(traceparent, reply.headers());
    // events follow their command's reply, so an earlier test's event may still arrive first: take this aggregate's
    Message event;
    do {
      event = published.nextMessage(Duration.ofSeconds(5));
      assertNotNull(event, "the event was not published");
    } while (!Wire.JSON.readTree(event.getData()).path("aggregate").path("key").asText().equals("wire-trace"));
    assertTrace(traceparent, event.getHeaders());
    published.unsubscribe();

    // an error reply carries it too
    Wire.Reply refused = Wire.request(connection, Wire.REMOVE_ITEM,
        Wire.text(Wire.commandRequest("receipt", "wire-trace", Wire.JSON.createObjectNode().put("name", "Cake"))), headers);
    assertEquals(422, refused.errorNumber(), refused::toString);
    assertTrace(traceparent, refused.headers());
  }

  /** The caller's trace id (the second field of {@code traceparent}), its state and its baggage came back. */
  private static void assertTrace(String traceparent, Headers headers) {
    assertNotNull(headers, "no headers");
    String received = headers.getFirst("traceparent");
    assertNotNull(received, "no traceparent");
    assertEquals(traceparent.split("-")[1], received.split("-")[1], "trace id of " + received);
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
    Wire.Reply voided = Wire.request(connection, Wire.VOID_RECEIPT,
        Wire.text(Wire.commandRequest("receipt", "wire-3", Wire.JSON.createObjectNode().put("reason", "test"))));
    assertEquals("voided", voided.json().path("state").path("status").asText(), voided::toString);
  }
}
