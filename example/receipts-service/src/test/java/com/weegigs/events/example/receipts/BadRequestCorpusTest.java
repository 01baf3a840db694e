package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A corpus of requests that are wrong, or look wrong but are not, sent as raw bytes. Each gets the
 * code {@code docs/wire-contract.md} documents for it, and after each one the service still serves a
 * normal command. Keys are any non-empty UTF-8 string of at most 256 bytes, so keys with {@code .},
 * {@code *}, {@code >}, spaces or non-ASCII letters are valid: they must work and must not change
 * the subject an event is published on.
 */
@NatsTest
class BadRequestCorpusTest {
  /** The service's configured request limit; NATS itself allows 1 MiB. */
  static final int MAX_PAYLOAD = 16 * 1024;

  private static TestServices.Running service;
  private static Connection connection;
  private static final AtomicInteger FRESH = new AtomicInteger();

  @BeforeAll
  static void start(NatsServer server) {
    service = TestServices.receipts(server, builder -> TestServices.withMaxPayload(builder, MAX_PAYLOAD));
    connection = server.connect();
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** What a case expects: success, or an error code. */
  record Case(String name, String subject, byte[] body, ErrorCode expected, String violationPath) {
    Case(String name, String subject, byte[] body, ErrorCode expected) {
      this(name, subject, body, expected, null);
    }

    @Override
    public String toString() {
      return name;
    }
  }

  /** A payload that breaks its constraints: VALIDATION_FAILED with a violation at {@code path}. */
  private static Case violation(String name, String path, String subject, String body) {
    return new Case(name, subject, body.getBytes(StandardCharsets.UTF_8), ErrorCode.VALIDATION_FAILED, path);
  }

  private static Case ok(String name, String subject, String body) {
    return new Case(name, subject, body.getBytes(StandardCharsets.UTF_8), null);
  }

  private static Case bad(String name, ErrorCode expected, String subject, String body) {
    return new Case(name, subject, body.getBytes(StandardCharsets.UTF_8), expected);
  }

  private static String key() {
    return "corpus-" + FRESH.incrementAndGet();
  }

  /** A command request for a fresh receipt with {@code command} (JSON text) as its payload. */
  private static String onFreshReceipt(String command) {
    return "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"},\"command\":" + command + "}";
  }

  private static String addItemForKey(String keyJson) {
    return "{\"aggregateId\":{\"type\":\"receipt\",\"key\":" + keyJson
        + "},\"command\":{\"name\":\"Coffee\",\"price\":4.50,\"quantity\":2}}";
  }

  static Stream<Case> corpus() {
    ErrorCode invalid = ErrorCode.INVALID_REQUEST;
    String add = Wire.ADD_ITEM;
    String coffee = "{\"name\":\"Coffee\",\"price\":4.50,\"quantity\":2}";
    List<Case> cases = new ArrayList<>();
    // not JSON, or not a JSON object
    cases.add(bad("empty body", invalid, add, ""));
    cases.add(bad("plain text", invalid, add, "add two coffees please"));
    cases.add(bad("truncated JSON", invalid, add, "{\"aggregateId\":{\"type\":\"receipt\""));
    cases.add(bad("JSON array", invalid, add, "[1,2,3]"));
    cases.add(bad("JSON string", invalid, add, "\"add-item\""));
    cases.add(bad("JSON number", invalid, add, "42"));
    cases.add(bad("JSON null", invalid, add, "null"));
    cases.add(bad("trailing garbage", invalid, add, onFreshReceipt(coffee) + " and more"));
    cases.add(new Case("invalid UTF-8", add, new byte[] {'{', '"', (byte) 0xC3, (byte) 0x28, '"', ':', '1', '}'}, invalid));
    // not the envelope
    cases.add(bad("empty object", invalid, add, "{}"));
    cases.add(bad("command missing", invalid, add, "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"}}"));
    cases.add(bad("aggregateId missing", invalid, add, "{\"command\":" + coffee + "}"));
    cases.add(bad("aggregateId is a string", invalid, add, "{\"aggregateId\":\"receipt/r-1\",\"command\":" + coffee + "}"));
    cases.add(bad("aggregateId without key", invalid, add, "{\"aggregateId\":{\"type\":\"receipt\"},\"command\":" + coffee + "}"));
    cases.add(bad("aggregateId without type", invalid, add, "{\"aggregateId\":{\"key\":\"r-1\"},\"command\":" + coffee + "}"));
    cases.add(bad("key is a number", invalid, add, addItemForKey("17")));
    cases.add(bad("empty key", invalid, add, addItemForKey("\"\"")));
    cases.add(bad("257-byte key", invalid, add, addItemForKey("\"" + "k".repeat(257) + "\"")));
    cases.add(bad("wrong aggregate type", invalid, add,
        "{\"aggregateId\":{\"type\":\"supplier\",\"key\":\"s-1\"},\"command\":" + coffee + "}"));
    cases.add(bad("aggregate type that is not a name", invalid, add,
        "{\"aggregateId\":{\"type\":\"Receipt!\",\"key\":\"r-1\"},\"command\":" + coffee + "}"));
    cases.add(bad("command is an array", invalid, add, onFreshReceipt("[]")));
    cases.add(bad("metadata is a string", invalid, add,
        "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"},\"command\":" + coffee + ",\"metadata\":\"m\"}"));
    cases.add(bad("expectedRevision is text", invalid, add,
        "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"},\"command\":" + coffee
            + ",\"metadata\":{\"expectedRevision\":\"three\"}}"));
    cases.add(bad("timestamp is not a time", invalid, add,
        "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"},\"command\":" + coffee
            + ",\"metadata\":{\"timestamp\":\"yesterday\"}}"));
    cases.add(bad("query without aggregateId", invalid, Wire.GET_RECEIPT, "{\"key\":\"r-1\"}"));
    cases.add(bad("query for another aggregate type", invalid, Wire.GET_RECEIPT,
        "{\"aggregateId\":{\"type\":\"supplier\",\"key\":\"s-1\"}}"));
    // wrong types, missing fields and broken constraints in the payload
    cases.add(violation("price is text", "price", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":\"cheap\",\"quantity\":2}")));
    cases.add(violation("price is a boolean", "price", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":true,\"quantity\":2}")));
    cases.add(violation("quantity is fractional", "quantity", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":1.5}")));
    cases.add(violation("quantity overflows int", "quantity", add,
        onFreshReceipt("{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":99999999999999999999}")));
    cases.add(violation("name is an object", "name", add, onFreshReceipt("{\"name\":{\"first\":\"Coffee\"},\"price\":4.5,\"quantity\":2}")));
    cases.add(violation("name missing", "name", add, onFreshReceipt("{\"price\":4.5,\"quantity\":2}")));
    cases.add(violation("price missing", "price", add, onFreshReceipt("{\"name\":\"Coffee\",\"quantity\":2}")));
    cases.add(violation("quantity missing", "quantity", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":4.5}")));
    cases.add(violation("name null", "name", add, onFreshReceipt("{\"name\":null,\"price\":4.5,\"quantity\":2}")));
    cases.add(violation("name blank", "name", add, onFreshReceipt("{\"name\":\"   \",\"price\":4.5,\"quantity\":2}")));
    cases.add(violation("price negative", "price", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":-0.01,\"quantity\":2}")));
    cases.add(violation("quantity zero", "quantity", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":0}")));
    cases.add(violation("payload empty", "quantity", add, onFreshReceipt("{}")));
    cases.add(violation("void without reason", "reason", Wire.VOID_RECEIPT, onFreshReceipt("{}")));
    // oversized
    cases.add(bad("body over the service's limit", ErrorCode.PAYLOAD_TOO_LARGE, add,
        onFreshReceipt("{\"name\":\"" + "x".repeat(MAX_PAYLOAD) + "\",\"price\":1,\"quantity\":1}")));
    // looks odd, is fine
    cases.add(ok("unknown payload field", add, onFreshReceipt("{\"name\":\"Coffee\",\"price\":4.5,\"quantity\":2,\"colour\":\"brown\"}")));
    cases.add(ok("unknown envelope field", add,
        "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"},\"command\":" + coffee + ",\"extra\":[1,{\"a\":null}]}"));
    cases.add(ok("unknown metadata field", add,
        "{\"aggregateId\":{\"type\":\"receipt\",\"key\":\"" + key() + "\"},\"command\":" + coffee
            + ",\"metadata\":{\"mood\":\"happy\",\"correlationId\":\"c-1\"}}"));
    cases.add(ok("huge price", add, onFreshReceipt("{\"name\":\"Gold\",\"price\":1e400,\"quantity\":3}")));
    cases.add(ok("many decimals", add, onFreshReceipt("{\"name\":\"Gold\",\"price\":0.000000000000000000000001,\"quantity\":3}")));
    cases.add(ok("256-byte key of two-byte letters", add, addItemForKey("\"" + "é".repeat(128) + "\"")));
    for (String odd : List.of("r.1", "r.*", "r.>", ">", "*", "till 3 on 2026/11/27", "квитанция №1", "☕ receipt", "a\tb", " ")) {
      cases.add(ok("key " + Wire.text(Wire.JSON.getNodeFactory().textNode(odd)), add,
          addItemForKey(Wire.text(Wire.JSON.getNodeFactory().textNode(odd)))));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void eachRequestGetsItsDocumentedAnswerAndTheServiceStillServes(Case request) throws Exception {
    Subscription events = subscribeToNewEvents();
    try {
      Wire.Reply reply = Wire.request(connection, request.subject(), request.body(), null);
      if (request.expected() == null) {
        assertFalse(reply.isError(), () -> "expected success, got " + reply);
        String key = Wire.JSON.readTree(request.body()).path("aggregateId").path("key").asText();
        assertEquals(key, reply.json().path("aggregate").path("key").asText(), () -> "reply " + reply);
        assertEquals(key, reply.json().path("state").path("id").asText(), () -> "reply " + reply);
        assertEquals(1, reply.json().path("revision").asLong(), () -> "reply " + reply);
        // the key travels in the body only: the event lands on the fixed subject whatever the key
        assertNextEventIsFor(events, key);
        Wire.Reply read = Wire.request(connection, Wire.GET_RECEIPT, Wire.text(Wire.queryRequest("receipt", key)));
        assertFalse(read.isError(), () -> "get after success: " + read);
        assertEquals(1, read.json().path("revision").asLong(), () -> "get " + read);
        assertEquals(key, read.json().path("state").path("id").asText(), () -> "get " + read);
      } else {
        assertTrue(reply.isError(), () -> "expected " + request.expected() + ", got " + reply);
        assertEquals(request.expected().number(), reply.errorNumber(), () -> "reply " + reply);
        assertEquals(request.expected().name(), reply.code(), () -> "reply " + reply);
        assertFalse(reply.message() == null || reply.message().isBlank(), () -> "no message: " + reply);
        assertFalse(reply.errorText() == null || reply.errorText().isBlank(), () -> "no Nats-Service-Error: " + reply);
        if (request.expected() == ErrorCode.VALIDATION_FAILED) {
          assertTrue(reply.details().path("violations").size() > 0, () -> "no violations: " + reply);
        }
        if (request.violationPath() != null) {
          boolean named = false;
          for (JsonNode violation : reply.details().path("violations")) {
            named |= violation.path("path").asText().equals(request.violationPath());
          }
          assertTrue(named, () -> "no violation at '" + request.violationPath() + "': " + reply);
        }
      }
      // the next event seen is the follow-up command's: a refused request published nothing
      String followUp = assertServiceStillServes();
      assertNextEventIsFor(events, followUp);
    } finally {
      events.unsubscribe();
    }
  }

  /**
   * Subscribes to the service's events once those of earlier cases have gone by. Events follow
   * their command's reply, so one of the last case's may still be on its way; a barrier command's
   * event comes after all of them.
   */
  private static Subscription subscribeToNewEvents() throws Exception {
    Subscription events = connection.subscribe("receipts.events.>");
    connection.flush(Duration.ofSeconds(5));
    String barrier = assertServiceStillServes();
    Message published;
    do {
      published = events.nextMessage(Duration.ofSeconds(5));
      assertNotNull(published, "no event published for the barrier " + barrier);
    } while (!Wire.JSON.readTree(published.getData()).path("aggregate").path("key").asText().equals(barrier));
    return events;
  }

  private static void assertNextEventIsFor(Subscription events, String key) throws Exception {
    Message published = events.nextMessage(Duration.ofSeconds(5));
    assertNotNull(published, "no event published for " + key);
    assertEquals("receipts.events.receipt.item-added", published.getSubject());
    assertEquals(key, Wire.JSON.readTree(published.getData()).path("aggregate").path("key").asText());
  }

  /** Sends a normal add-item to a fresh receipt and checks it succeeds; returns its key. */
  private static String assertServiceStillServes() {
    String key = key();
    ObjectNode normal = Wire.commandRequest("receipt", key, Wire.addItem("Coffee", "4.50", 2));
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM, Wire.text(normal));
    assertFalse(reply.isError(), () -> "service no longer serves: " + reply);
    assertEquals(0, new BigDecimal("9.00").compareTo(reply.json().path("state").path("total").decimalValue()), reply::toString);
    return key;
  }
}
