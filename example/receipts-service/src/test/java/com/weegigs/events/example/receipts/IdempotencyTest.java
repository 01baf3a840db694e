package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A command's {@code messageId} is its identity: sent twice, one after the other or at the same
 * time, it takes effect once and every reply describes that one outcome.
 */
@NatsTest
class IdempotencyTest {
  private static TestServices.Running service;
  private static Connection connection;
  private static ReceiptClient client;

  @BeforeAll
  static void start(NatsServer server) {
    service = TestServices.receipts(server, builder -> builder);
    connection = server.connect();
    client = ReceiptClient.create(TestServices.client(server.connect()));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  private static byte[] addCoffee(String key, String messageId) {
    ObjectNode request = Wire.commandRequest("receipt", key, Wire.addItem("Coffee", "4.50", 2));
    if (messageId != null) {
      request.putObject("metadata").put("messageId", messageId);
    }
    return Wire.text(request).getBytes(StandardCharsets.UTF_8);
  }

  private static void assertOneEvent(String key) {
    Wire.Reply read = Wire.request(connection, Wire.GET_RECEIPT, Wire.text(Wire.queryRequest("receipt", key)));
    assertEquals(1, read.json().path("revision").asLong(), read::toString);
    assertEquals(1, read.json().path("state").path("items").size(), read::toString);
    assertEquals(0, new BigDecimal("9.00").compareTo(read.json().path("state").path("total").decimalValue()), read::toString);
  }

  private static void assertSameOutcome(Wire.Reply first, Wire.Reply second) {
    assertFalse(first.isError(), first::toString);
    assertFalse(second.isError(), second::toString);
    JsonNode a = first.json();
    JsonNode b = second.json();
    assertEquals(1, a.path("revision").asLong(), first::toString);
    assertEquals(1, a.path("events").size(), first::toString);
    assertEquals(a, b, "the replies differ");
  }

  @Test
  void theSameMessageIdSentTwiceTakesEffectOnce() {
    String key = "idem-sequential";
    Wire.Reply first = Wire.request(connection, Wire.ADD_ITEM, addCoffee(key, "m-sequential"), null);
    Wire.Reply second = Wire.request(connection, Wire.ADD_ITEM, addCoffee(key, "m-sequential"), null);
    assertSameOutcome(first, second);
    assertEquals("m-sequential", first.json().path("events").path(0).path("metadata").path("causationId").asText());
    assertOneEvent(key);
  }

  @Test
  void theNatsMsgIdHeaderIsTheMessageId() {
    String key = "idem-header";
    Headers headers = new Headers().put("Nats-Msg-Id", "m-header");
    Wire.Reply first = Wire.request(connection, Wire.ADD_ITEM, addCoffee(key, null), headers);
    Wire.Reply second = Wire.request(connection, Wire.ADD_ITEM, addCoffee(key, null), headers);
    assertSameOutcome(first, second);
    assertOneEvent(key);
  }

  @Test
  void theSameMessageIdSentConcurrentlyTakesEffectOnce() throws Exception {
    for (int round = 0; round < 5; round++) {
      String key = "idem-concurrent-" + round;
      List<CompletableFuture<Wire.Reply>> replies = new ArrayList<>();
      for (int i = 0; i < 2; i++) {
        replies.add(Wire.requestAsync(connection, Wire.ADD_ITEM, addCoffee(key, "m-concurrent-" + round), null));
      }
      assertSameOutcome(replies.get(0).get(10, TimeUnit.SECONDS), replies.get(1).get(10, TimeUnit.SECONDS));
      assertOneEvent(key);
    }
  }

  @Test
  void theGeneratedClientRetriesSafelyWithTheSameMessageId() {
    CallOptions once = CallOptions.DEFAULT.withMessageId("m-typed");
    AddItem tea = new AddItem("Tea", new BigDecimal("4.99"), 2);
    List<CompletableFuture<CommandResult<Receipt, ReceiptEvent>>> calls =
        List.of(client.addItem("idem-typed", tea, once), client.addItem("idem-typed", tea, once));
    CommandResult<Receipt, ReceiptEvent> first = calls.get(0).orTimeout(10, TimeUnit.SECONDS).join();
    CommandResult<Receipt, ReceiptEvent> second = calls.get(1).orTimeout(10, TimeUnit.SECONDS).join();
    CommandResult<Receipt, ReceiptEvent> third = client.blocking().addItem("idem-typed", tea, once);
    assertEquals(first, second);
    assertEquals(first, third);
    assertEquals(1, first.entity().revision());
    assertEquals("m-typed", first.events().get(0).metadata().causationId());
    assertEquals(1, client.blocking().get("idem-typed").revision());
  }

  @Test
  void differentMessageIdsAreDifferentCommands() {
    String key = "idem-different";
    Wire.request(connection, Wire.ADD_ITEM, addCoffee(key, "m-a"), null);
    Wire.Reply second = Wire.request(connection, Wire.ADD_ITEM, addCoffee(key, "m-b"), null);
    assertEquals(2, second.json().path("revision").asLong(), second::toString);
  }
}
