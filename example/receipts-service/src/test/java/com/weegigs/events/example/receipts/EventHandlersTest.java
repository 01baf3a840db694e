package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.client.SubscriptionGroup;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A class of {@code @EventHandler} methods ({@link ReceiptAuditor}) subscribed with one generated
 * call, end to end on the receipts service storing in JetStream: live handlers get what is
 * published from then on, durable ones what is stored (from the first event, or from when they
 * first subscribed), by event record and by the sealed {@link ReceiptEvent}, with the
 * {@code RecordedEvent} where asked for.
 */
@NatsTest
class EventHandlersTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static String next(BlockingQueue<String> queue) throws InterruptedException {
    String item = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(item, "nothing arrived within " + TIMEOUT);
    return item;
  }

  private static BigDecimal money(String amount) {
    return new BigDecimal(amount);
  }

  @Test
  void theGeneratedSubscriptionsFeedEveryHandlerLiveAndDurably(NatsServer server) throws Exception {
    JetStreamStoreConfig store = JetStreamStoreConfig.forService("receipts").withStorage(JetStreamStoreConfig.Storage.MEMORY);
    TestServices.Running service = TestServices.receipts(server, builder -> builder.withEventStore(store));
    try (service; ServiceClient client = TestServices.client(server.connect())) {
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();
      receipts.addItem("a-1", new AddItem("Coffee", money("4.50"), 2));

      ReceiptAuditor auditor = new ReceiptAuditor();
      SubscriptionGroup subscriptions = ReceiptAuditorSubscriptions.subscribe(client, auditor);
      try (subscriptions) {
        assertEquals(6, subscriptions.subscriptions().size());
        assertTrue(subscriptions.isActive());
        receipts.addItem("a-1", new AddItem("Tea", money("2.00"), 1));
        receipts.removeItem("a-1", new RemoveItem("Coffee"));
        SupplierClient.create(client).blocking().registerSupplier("s-1", new RegisterSupplier("Beans Ltd"));

        // live: only what was published after subscribing
        assertEquals("Tea", next(auditor.liveAdded));
        assertEquals(List.of("added Tea@a-1/2", "removed Coffee@a-1/3"), List.of(next(auditor.liveAll), next(auditor.liveAll)));
        assertEquals("s-1 Beans Ltd", next(auditor.liveSuppliers));

        // durable from the beginning: the line added before subscribing too
        assertEquals(List.of("item-added@1", "item-added@2", "item-removed@3"),
            List.of(next(auditor.storedAll), next(auditor.storedAll), next(auditor.storedAll)));
        assertEquals("Coffee 9.00", next(auditor.storedRemoved));

        // durable from its first subscription: not the line stored before it
        assertEquals("Tea@2", next(auditor.storedSinceStart));
        receipts.addItem("a-1", new AddItem("Muffin", money("3.25"), 1));
        assertEquals("Muffin@4", next(auditor.storedSinceStart));
        assertEquals("Muffin", next(auditor.liveAdded));
      }
      assertFalse(subscriptions.isActive());
    }
  }
}
