package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.weegigs.events.runtime.client.DurableSubscriptionConfig;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The generated client's durable subscriptions, end to end on the receipts service storing in JetStream. */
@NatsTest
class DurableSubscriptionsTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(item, "nothing arrived within " + TIMEOUT);
    return item;
  }

  @Test
  void typedDurableSubscribersGetTheStoredEventsAndGoOnWhereTheyStopped(NatsServer server) throws Exception {
    JetStreamStoreConfig store = JetStreamStoreConfig.forService("receipts").withStorage(JetStreamStoreConfig.Storage.MEMORY);
    TestServices.Running service = TestServices.receipts(server, builder -> builder.withEventStore(store));
    try (service; ServiceClient serviceClient = TestServices.client(server.connect())) {
      ReceiptClient client = ReceiptClient.create(serviceClient);
      ReceiptClient.Blocking receipts = client.blocking();
      receipts.addItem("d-1", new AddItem("Coffee", new BigDecimal("4.50"), 2));
      receipts.addItem("d-1", new AddItem("Muffin", new BigDecimal("3.25"), 1));
      receipts.removeItem("d-1", new RemoveItem("Coffee"));

      BlockingQueue<String> added = new LinkedBlockingQueue<>();
      DurableSubscriptionConfig stockConfig = DurableSubscriptionConfig.named("stock");
      EventSubscription stock = client.onItemAdded(stockConfig,
          (event, delivery) -> added.add(event.data().name() + "#" + delivery.count()));
      BlockingQueue<String> all = new LinkedBlockingQueue<>();
      client.onEvent(DurableSubscriptionConfig.named("audit"), (event, delivery) -> all.add(event.type() + "@" + event.revision()));
      BlockingQueue<String> items = new LinkedBlockingQueue<>();
      client.onEvent(DurableSubscriptionConfig.named("items"), List.of(ReceiptCodecs.ITEM_ADDED, ReceiptCodecs.ITEM_REMOVED),
          (event, delivery) -> items.add(event.type()));

      assertEquals("Coffee#1", next(added));
      assertEquals("Muffin#1", next(added));
      assertEquals("item-added@1", next(all));
      assertEquals("item-added@2", next(all));
      assertEquals("item-removed@3", next(all));
      assertEquals(List.of("item-added", "item-added", "item-removed"), List.of(next(items), next(items), next(items)));

      stock.close();
      receipts.addItem("d-1", new AddItem("Tea", new BigDecimal("2.00"), 1));
      assertEquals("item-added@4", next(all));
      client.onItemAdded(stockConfig, (event, delivery) -> added.add(event.data().name() + "#" + delivery.count()));
      assertEquals("Tea#1", next(added), "only what was stored while it was away, on its first delivery");
    }
  }
}
