package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Many commands at once, through the generated client: none is lost, none is applied twice, money stays exact. */
@NatsTest
class ConcurrencyTest {
  private static TestServices.Running service;
  private static ReceiptClient client;

  @BeforeAll
  static void start(NatsServer server) {
    service = TestServices.receipts(server, TestServices::withRoomFor1000);
    client = ReceiptClient.create(TestServices.client(server.connect()));
  }

  @AfterAll
  static void stop() {
    service.close();
  }

  /** The price of the i-th item: 0.01 to 2.00, so the exact total is easy to compute and easy to get wrong with doubles. */
  private static BigDecimal price(int i) {
    return BigDecimal.valueOf(i % 200 + 1, 2);
  }

  @Test
  void twoHundredConcurrentAddItemsOnOneReceipt() {
    String key = "busy-receipt";
    List<CompletableFuture<CommandResult<Receipt, ReceiptEvent>>> calls = new ArrayList<>();
    BigDecimal expected = BigDecimal.ZERO;
    for (int i = 0; i < 200; i++) {
      calls.add(client.addItem(key, new AddItem("item-" + i, price(i), 3)));
      expected = expected.add(price(i).multiply(BigDecimal.valueOf(3)));
    }
    Set<Long> revisions = new HashSet<>();
    for (CompletableFuture<CommandResult<Receipt, ReceiptEvent>> call : calls) {
      revisions.add(call.orTimeout(60, TimeUnit.SECONDS).join().entity().revision());
    }
    // each command saw its own revision: 1..200, no two alike
    assertEquals(200, revisions.size());
    Entity<Receipt> receipt = client.blocking().get(key);
    assertEquals(200, receipt.revision());
    assertEquals(200, receipt.state().items().size());
    assertEquals(0, expected.compareTo(receipt.state().total()), () -> "total " + receipt.state().total());
    assertEquals(0, new BigDecimal("603.00").compareTo(expected));
  }

  @Test
  void aThousandCommandsOverAHundredReceipts() {
    List<CompletableFuture<CommandResult<Receipt, ReceiptEvent>>> calls = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      calls.add(client.addItem("spread-" + (i % 100), new AddItem("item-" + i, price(i), 1)));
    }
    for (CompletableFuture<CommandResult<Receipt, ReceiptEvent>> call : calls) {
      call.orTimeout(120, TimeUnit.SECONDS).join();
    }
    for (int r = 0; r < 100; r++) {
      BigDecimal expected = BigDecimal.ZERO;
      for (int i = r; i < 1000; i += 100) {
        expected = expected.add(price(i));
      }
      Entity<Receipt> receipt = client.blocking().get("spread-" + r);
      assertEquals(10, receipt.revision(), "revision of spread-" + r);
      BigDecimal total = expected;
      assertEquals(0, total.compareTo(receipt.state().total()), () -> "total of " + receipt.aggregate().key());
    }
  }
}
