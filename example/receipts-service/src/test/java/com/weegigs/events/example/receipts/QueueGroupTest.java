package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two instances of the service in one queue group, sharing one event store in this process:
 * both take requests, and together they lose no update.
 */
@NatsTest
class QueueGroupTest {

  @Test
  void twoInstancesShareTheLoadAndTheStore(NatsServer server) throws Exception {
    var store = TestServices.newStore();
    try (TestServices.Running first = TestServices.receipts(server, store, builder -> builder);
        TestServices.Running second = TestServices.receipts(server, store, builder -> builder)) {
      ReceiptClient client = ReceiptClient.create(TestServices.client(server.connect()));
      List<CompletableFuture<CommandResult<Receipt, ReceiptEvent>>> calls = new ArrayList<>();
      for (int i = 0; i < 200; i++) {
        calls.add(client.addItem("shared-" + (i % 4), new AddItem("Coffee", new BigDecimal("4.50"), 2)));
      }
      for (var call : calls) {
        call.orTimeout(60, TimeUnit.SECONDS).join();
      }
      for (int r = 0; r < 4; r++) {
        Entity<Receipt> receipt = client.blocking().get("shared-" + r);
        assertEquals(50, receipt.revision());
        assertEquals(0, new BigDecimal("450.00").compareTo(receipt.state().total()));
      }

      Map<String, Long> addItemRequestsByInstance = addItemRequestsByInstance(server.connect());
      assertEquals(Set.of(first.service().id(), second.service().id()), addItemRequestsByInstance.keySet(),
          () -> "instances answering STATS: " + addItemRequestsByInstance);
      addItemRequestsByInstance.forEach((id, count) ->
          assertTrue(count > 0, () -> "instance " + id + " served no add-item: " + addItemRequestsByInstance));
      assertEquals(200, addItemRequestsByInstance.values().stream().mapToLong(Long::longValue).sum());
    }
  }

  /** Asks every instance for its stats ($SRV.STATS.receipts answers once per instance) and waits for two answers. */
  private static Map<String, Long> addItemRequestsByInstance(Connection connection) throws Exception {
    String inbox = connection.createInbox();
    Subscription replies = connection.subscribe(inbox);
    connection.publish("$SRV.STATS.receipts", inbox, new byte[0]);
    Map<String, Long> counts = new HashMap<>();
    while (counts.size() < 2) {
      Message reply = replies.nextMessage(Duration.ofSeconds(10));
      if (reply == null) {
        break;
      }
      JsonNode stats = Wire.JSON.readTree(reply.getData());
      for (JsonNode endpoint : stats.path("endpoints")) {
        if (endpoint.path("subject").asText().equals(Wire.ADD_ITEM)) {
          counts.put(stats.path("id").asText(), endpoint.path("num_requests").asLong());
        }
      }
    }
    replies.unsubscribe();
    return counts;
  }
}
