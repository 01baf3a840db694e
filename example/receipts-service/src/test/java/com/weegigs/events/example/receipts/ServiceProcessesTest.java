package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The receipts service as two processes ({@code Main serve} in JVMs of their own, as {@code java -jar
 * receipts-example.jar serve} runs) on one nats-server with JetStream, sharing one stream.
 */
@NatsTest
class ServiceProcessesTest {
  private static final int RECEIPTS = 20;

  /** The price of the i-th item: 0.01 to 2.00, exact only in decimal. */
  private static BigDecimal price(int i) {
    return BigDecimal.valueOf(i % 200 + 1, 2);
  }

  /** A client of the receipts service on a connection of its own, with a default timeout of {@code timeout}. */
  private static ServiceClient client(NatsServer server, Duration timeout) {
    return ServiceClient.builder("receipts").connection(server.connect()).defaultTimeout(timeout).build();
  }

  private static String receipt(int i) {
    return "r-" + (i % RECEIPTS);
  }

  @Test
  void twoProcessesServeFiveHundredConcurrentCommandsWithoutALostUpdate(NatsServer server) throws Exception {
    try (ReceiptsProcess one = ReceiptsProcess.serve(server.url());
        ReceiptsProcess two = ReceiptsProcess.serve(server.url());
        ServiceClient service = client(server, Duration.ofSeconds(60))) {
      ReceiptClient client = ReceiptClient.create(service);
      List<CompletableFuture<CommandResult<Receipt, ReceiptEvent>>> calls = new ArrayList<>();
      for (int i = 0; i < 500; i++) {
        calls.add(client.addItem(receipt(i), new AddItem("item-" + i, price(i), 1 + i % 3)));
      }
      Map<String, BigDecimal> totals = new HashMap<>();
      Map<String, Integer> lines = new HashMap<>();
      Map<ErrorCode, Integer> refused = new TreeMap<>();
      for (int i = 0; i < calls.size(); i++) {
        try {
          calls.get(i).join();
          totals.merge(receipt(i), price(i).multiply(BigDecimal.valueOf(1 + i % 3)), BigDecimal::add);
          lines.merge(receipt(i), 1, Integer::sum);
        } catch (CompletionException failure) {
          refused.merge(TestServices.errorCode(failure), 1, Integer::sum);
        }
      }
      // a command refused for a conflict (after its retries) stored nothing; nothing else may fail
      assertTrue(refused.keySet().stream().allMatch(ErrorCode.CONFLICT::equals), () -> "refused: " + refused);
      System.out.println("two processes, 500 commands over " + RECEIPTS + " receipts: "
          + (500 - refused.values().stream().mapToInt(Integer::intValue).sum()) + " succeeded, refused " + refused);

      // both processes took a share of the load (a queue group spreads requests at random)
      Map<String, Long> served = addItemsServedByInstance(service.connection(), 2);
      assertEquals(Set.of(one.instance(), two.instance()), served.keySet());
      served.forEach((instance, count) -> assertTrue(count > 0, () -> "instance " + instance + " served no add-item"));

      StoredCommands stored = StoredCommands.read(service.connection());
      for (int r = 0; r < RECEIPTS; r++) {
        String key = "r-" + r;
        Entity<Receipt> receipt = client.blocking().get(key);
        int succeeded = lines.getOrDefault(key, 0);
        BigDecimal expected = totals.getOrDefault(key, BigDecimal.ZERO);
        assertEquals(succeeded, receipt.revision(), key + " revision");
        assertEquals(succeeded, receipt.state().items().size(), key + " items");
        assertEquals(0, expected.compareTo(receipt.state().total()), () -> key + " total " + receipt.state().total() + ", expected " + expected);
        assertEquals(succeeded, stored.events("receipt", key).size(), key + " stored events");
        assertEquals(0, expected.compareTo(stored.addedTotal(key)), key + " stored total");
      }
    }
  }

  @Test
  void aServiceKilledMidLoadLeavesNoPartialCommandAndTheOtherServesEveryReceipt(NatsServer server) throws Exception {
    try (ReceiptsProcess victim = ReceiptsProcess.serve(server.url());
        ReceiptsProcess survivor = ReceiptsProcess.serve(server.url());
        ServiceClient service = client(server, Duration.ofSeconds(5))) {
      ReceiptClient client = ReceiptClient.create(service);
      int commands = 400;
      Semaphore window = new Semaphore(32); // a steady load: 32 commands in flight at a time
      AtomicInteger acknowledgedCount = new AtomicInteger();
      Set<String> acknowledged = ConcurrentHashMap.newKeySet(); // messageIds of the commands that succeeded
      Map<ErrorCode, Integer> failed = new ConcurrentHashMap<>();
      List<CompletableFuture<?>> calls = new ArrayList<>();
      boolean killed = false;
      for (int i = 0; i < commands; i++) {
        if (!killed && acknowledgedCount.get() >= 100) {
          victim.kill(); // SIGKILL while commands are in flight on both processes
          killed = true;
        }
        window.acquire();
        calls.add(client.addItem(receipt(i), new AddItem("item-" + i, price(i), 1)).whenComplete((result, failure) -> {
          window.release();
          if (failure == null) {
            acknowledged.add(result.events().get(0).metadata().causationId());
            acknowledgedCount.incrementAndGet();
          } else {
            failed.merge(TestServices.errorCode(failure), 1, Integer::sum);
          }
        }));
      }
      CompletableFuture.allOf(calls.stream().map(call -> call.exceptionally(failure -> null)).toArray(CompletableFuture[]::new))
          .get(2, TimeUnit.MINUTES);
      assertTrue(killed, "the load ended before the kill");
      System.out.println("kill -9 mid-load: " + acknowledged.size() + " of " + commands + " acknowledged, failed " + failed);
      // a command in flight on the killed process gets no reply (TIMEOUT); the survivor refuses none
      assertTrue(failed.keySet().stream().allMatch(code -> code == ErrorCode.TIMEOUT || code == ErrorCode.CONFLICT),
          () -> "failed: " + failed);

      // every message in the stream is a whole command, revisions without a gap
      StoredCommands stored = StoredCommands.read(service.connection());
      Map<String, String> causes = stored.receiptByCausation();
      Set<String> lost = new HashSet<>(acknowledged);
      lost.removeAll(causes.keySet());
      assertEquals(Set.of(), lost, "acknowledged commands missing from the store");
      assertTrue(causes.size() <= commands, () -> "stored " + causes.size() + " commands of " + commands);

      // the survivor serves every receipt: the state it reads is the stored one, and it takes commands
      for (int r = 0; r < RECEIPTS; r++) {
        String key = "r-" + r;
        List<JsonNode> events = stored.events("receipt", key);
        Entity<Receipt> receipt = client.blocking().get(key);
        assertEquals(events.size(), receipt.revision(), key + " revision");
        assertEquals(0, stored.addedTotal(key).compareTo(receipt.state().total()), key + " total");
        CommandResult<Receipt, ReceiptEvent> after = client.blocking().addItem(key, new AddItem("after", BigDecimal.ONE, 1));
        assertEquals(events.size() + 1, after.entity().revision(), key + " revision after the kill");
      }
      assertTrue(survivor.isAlive(), survivor::output);
      assertEquals(Set.of(survivor.instance()), addItemsServedByInstance(service.connection(), 1).keySet());
    }
  }

  /**
   * Asks {@code $SRV.STATS.receipts} of every instance (each answers on its own) and returns, by
   * instance id, how many {@code add-item} requests it received.
   */
  private static Map<String, Long> addItemsServedByInstance(Connection connection, int instances) throws Exception {
    String inbox = connection.createInbox();
    Subscription replies = connection.subscribe(inbox);
    try {
      connection.flush(Duration.ofSeconds(5));
      connection.publish("$SRV.STATS.receipts", inbox, new byte[0]);
      Map<String, Long> served = new HashMap<>();
      while (served.size() < instances) {
        Message reply = replies.nextMessage(Duration.ofSeconds(10));
        if (reply == null) {
          throw new AssertionError("$SRV.STATS.receipts: " + served.size() + " of " + instances + " instances answered");
        }
        JsonNode stats = Wire.JSON.readTree(reply.getData());
        for (JsonNode endpoint : stats.path("endpoints")) {
          if (endpoint.path("subject").asText().equals(Wire.ADD_ITEM)) {
            served.put(stats.path("id").asText(), endpoint.path("num_requests").asLong());
          }
        }
      }
      return served;
    } finally {
      replies.unsubscribe();
    }
  }
}
