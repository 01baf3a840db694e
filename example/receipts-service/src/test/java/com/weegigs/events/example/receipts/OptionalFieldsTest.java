package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.weegigs.events.example.probes.Gate;
import com.weegigs.events.example.probes.ProbeHandlers;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Optional fields on the wire, as {@code docs/wire-contract.md} ("Payloads") has them: a field with
 * no {@code @NotNull}, {@code @NotBlank} or {@code @NotEmpty} may be left out or sent as
 * {@code null}, and the command is served; a required one left out is still a violation at its path.
 * The receipts commands constrain every field, so the optional one is {@code sign} of the probes
 * service ({@code Sign(String by)}).
 */
@NatsTest
class OptionalFieldsTest {
  private static final String SIGN = "probes.command.probe.sign";

  private static TestServices.Running probes;
  private static TestServices.Running receipts;
  private static Connection connection;

  @BeforeAll
  static void start(NatsServer server) {
    probes = TestServices.probes(server, new ProbeHandlers(new Gate()), builder -> builder);
    receipts = TestServices.receipts(server, builder -> builder);
    connection = server.connect();
  }

  @AfterAll
  static void stop() {
    probes.close();
    receipts.close();
  }

  private static JsonNode signed(String key, ObjectNode command) {
    Wire.Reply reply = Wire.request(connection, SIGN, Wire.text(Wire.commandRequest("probe", key, command)));
    assertFalse(reply.isError(), reply::toString);
    JsonNode entity = reply.json();
    assertEquals(1, entity.path("revision").asLong(-1), reply::toString);
    assertEquals(1, entity.path("state").path("pokes").asInt(-1), reply::toString);
    JsonNode events = entity.path("events");
    assertEquals(1, events.size(), reply::toString);
    assertEquals("poked", events.get(0).path("type").asText(), reply::toString);
    return events.get(0).path("data");
  }

  @Test
  void aCommandWithItsOptionalFieldLeftOutIsServed() {
    JsonNode data = signed("opt-absent", Wire.JSON.createObjectNode());
    // the event's own optional field is null, and the encoder writes it as null rather than leaving it out
    assertTrue(data.has("by") && data.path("by").isNull(), data::toString);
  }

  @Test
  void nullReadsAsAbsenceDoes() {
    JsonNode data = signed("opt-null", Wire.JSON.createObjectNode().putNull("by"));
    assertTrue(data.path("by").isNull(), data::toString);
  }

  @Test
  void aValueSentIsKept() {
    assertEquals("till-3", signed("opt-value", Wire.JSON.createObjectNode().put("by", "till-3")).path("by").asText());
  }

  @Test
  void aRequiredFieldLeftOutIsStillAViolationAtItsPath() {
    ObjectNode addItem = Wire.addItem("Coffee", "4.50", 2);
    addItem.remove("price");
    Wire.Reply reply = Wire.request(connection, Wire.ADD_ITEM, Wire.text(Wire.commandRequest("receipt", "opt-required", addItem)));
    assertTrue(reply.isError(), reply::toString);
    assertEquals("VALIDATION_FAILED", reply.code(), reply::toString);
    List<String> violations = new java.util.ArrayList<>();
    reply.details().path("violations").forEach(v -> violations.add(v.path("path").asText() + ": " + v.path("message").asText()));
    assertEquals(List.of("price: is required"), violations, reply::toString);
  }
}
