package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code $SRV.PING}, {@code $SRV.INFO} and {@code $SRV.STATS} as ADR-32 and
 * {@code docs/wire-contract.md} describe them, read with plain NATS requests.
 */
@NatsTest
class DiscoveryTest {
  /** Every request/reply endpoint of the receipts service: subject to its wee.kind, aggregate and command. */
  static final Map<String, String[]> ENDPOINTS = Map.of(
      "receipts.command.receipt.add-item", new String[] {"command", "receipt", "add-item"},
      "receipts.command.receipt.remove-item", new String[] {"command", "receipt", "remove-item"},
      "receipts.command.receipt.finalize", new String[] {"command", "receipt", "finalize"},
      "receipts.command.receipt.void-receipt", new String[] {"command", "receipt", "void-receipt"},
      "receipts.query.receipt.get", new String[] {"query", "receipt", null},
      "receipts.command.supplier.register-supplier", new String[] {"command", "supplier", "register-supplier"},
      "receipts.command.supplier.rename-supplier", new String[] {"command", "supplier", "rename-supplier"},
      "receipts.query.supplier.get", new String[] {"query", "supplier", null},
      "receipts.health", new String[] {"health", null, null});

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

  @Test
  void pingNamesTheService() {
    for (String subject : new String[] {"$SRV.PING", "$SRV.PING.receipts"}) {
      JsonNode ping = Wire.request(connection, subject, "").json();
      assertEquals("io.nats.micro.v1.ping_response", ping.path("type").asText(), ping::toString);
      assertEquals("receipts", ping.path("name").asText());
      assertEquals("1.0.0", ping.path("version").asText());
      assertFalse(ping.path("id").asText().isBlank(), "id");
      JsonNode targeted = Wire.request(connection, "$SRV.PING.receipts." + ping.path("id").asText(), "").json();
      assertEquals(ping.path("id").asText(), targeted.path("id").asText());
    }
  }

  @Test
  void infoListsEveryEndpointWithItsSubjectQueueGroupAndMetadata() throws Exception {
    JsonNode info = Wire.request(connection, "$SRV.INFO.receipts", "").json();
    assertEquals("io.nats.micro.v1.info_response", info.path("type").asText(), info::toString);
    assertEquals("receipts", info.path("name").asText());
    assertEquals("1.0.0", info.path("version").asText());
    assertEquals("Receipt Service", info.path("description").asText(), "the @Service title");
    assertFalse(info.path("id").asText().isBlank());
    Set<String> subjects = new TreeSet<>();
    Set<String> names = new TreeSet<>();
    for (JsonNode endpoint : info.path("endpoints")) {
      String subject = endpoint.path("subject").asText();
      assertTrue(subjects.add(subject), "subject listed twice: " + subject);
      assertTrue(names.add(endpoint.path("name").asText()), "endpoint name listed twice: " + endpoint);
      assertEquals("q", endpoint.path("queue_group").asText(), () -> "queue group of " + endpoint);
      String[] expected = ENDPOINTS.get(subject);
      assertTrue(expected != null, "unexpected endpoint " + endpoint);
      JsonNode metadata = endpoint.path("metadata");
      assertEquals(expected[0], metadata.path("wee.kind").asText(), () -> "wee.kind of " + endpoint);
      if (expected[1] != null) {
        assertEquals(expected[1], metadata.path("wee.aggregate").asText(), () -> "wee.aggregate of " + endpoint);
      }
      if (expected[2] != null) {
        assertEquals(expected[2], metadata.path("wee.command").asText(), () -> "wee.command of " + endpoint);
      }
      metadata.properties().forEach(field ->
          assertTrue(field.getValue().isTextual(), () -> "metadata values are strings: " + endpoint));
      assertSchema(subject, metadata.path("wee.schema").asText());
    }
    assertEquals(new TreeSet<>(ENDPOINTS.keySet()), subjects);
  }

  /** wee.schema is a JSON Schema (an object schema) of the request payload. */
  private static void assertSchema(String subject, String schemaText) throws Exception {
    assertFalse(schemaText.isBlank(), "no wee.schema on " + subject);
    JsonNode schema = Wire.JSON.readTree(schemaText);
    assertTrue(schema.isObject(), () -> "schema of " + subject + " is not an object: " + schemaText);
    assertTrue(schema.path("$schema").asText().startsWith("https://json-schema.org/"), () -> "no $schema: " + schemaText);
    if (!subject.endsWith(".health")) { // the health request is an empty body, not an object
      assertEquals("object", schema.path("type").asText(), () -> "schema of " + subject + ": " + schemaText);
    }
    if (subject.endsWith(".add-item")) {
      JsonNode properties = findProperties(schema, "price");
      assertTrue(properties != null, "add-item schema has no price: " + schemaText);
      assertEquals("string", properties.path("name").path("type").asText(), schemaText);
      assertEquals("integer", properties.path("quantity").path("type").asText(), schemaText);
      assertEquals(1, properties.path("quantity").path("minimum").asInt(), schemaText);
      assertEquals(0, properties.path("price").path("minimum").asInt(-1), schemaText);
      assertEquals("number", properties.path("price").path("type").asText(), schemaText);
      JsonNode required = properties == schema.path("properties") ? schema.path("required") : schema.path("properties").path("command").path("required");
      assertEquals(Set.of("name", "price", "quantity"),
          java.util.stream.StreamSupport.stream(required.spliterator(), false).map(JsonNode::asText).collect(java.util.stream.Collectors.toSet()),
          schemaText);
    }
  }

  /** The properties object that holds {@code field}: the schema's own, or its {@code command}'s when it describes the envelope. */
  private static JsonNode findProperties(JsonNode schema, String field) {
    JsonNode own = schema.path("properties");
    if (own.has(field)) {
      return own;
    }
    JsonNode command = own.path("command").path("properties");
    return command.has(field) ? command : null;
  }

  @Test
  void statsCountRequestsAndErrorsPerEndpoint() {
    String key = "stats-" + System.nanoTime();
    Wire.request(connection, Wire.ADD_ITEM, Wire.text(Wire.commandRequest("receipt", key, Wire.addItem("Tea", "4.99", 2))));
    Wire.request(connection, Wire.ADD_ITEM, "not json");
    JsonNode stats = Wire.request(connection, "$SRV.STATS.receipts", "").json();
    assertEquals("io.nats.micro.v1.stats_response", stats.path("type").asText(), stats::toString);
    assertEquals("receipts", stats.path("name").asText());
    assertEquals("1.0.0", stats.path("version").asText());
    OffsetDateTime.parse(stats.path("started").asText());
    Map<String, JsonNode> bySubject = new HashMap<>();
    for (JsonNode endpoint : stats.path("endpoints")) {
      bySubject.put(endpoint.path("subject").asText(), endpoint);
      assertEquals("q", endpoint.path("queue_group").asText(), endpoint::toString);
    }
    assertEquals(new TreeSet<>(ENDPOINTS.keySet()), new TreeSet<>(bySubject.keySet()));
    // the io.nats.micro.v1 stats schema requires every count on every endpoint, zero or not
    for (JsonNode endpoint : stats.path("endpoints")) {
      for (String field : List.of("name", "subject", "num_requests", "num_errors", "last_error", "processing_time",
          "average_processing_time")) {
        assertTrue(endpoint.has(field), () -> field + " missing: " + endpoint);
      }
    }
    JsonNode addItem = bySubject.get(Wire.ADD_ITEM);
    assertTrue(addItem.path("num_requests").asLong() >= 2, addItem::toString);
    // an error reply counts as an endpoint error, as ADR-32 has it
    assertTrue(addItem.path("num_errors").asLong() >= 1, addItem::toString);
    assertTrue(addItem.path("last_error").asText().startsWith("400 INVALID_REQUEST"), addItem::toString);
    assertTrue(addItem.path("processing_time").asLong() > 0, addItem::toString);
  }

  @Test
  void healthAnswers() {
    Wire.Reply health = Wire.request(connection, "receipts.health", "");
    assertFalse(health.isError(), health::toString);
    assertEquals("receipts", health.json().path("service").asText(), health::toString);
    assertEquals("1.0.0", health.json().path("version").asText(), health::toString);
  }
}
