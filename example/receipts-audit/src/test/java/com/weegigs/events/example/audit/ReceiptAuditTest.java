package com.weegigs.events.example.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.example.receipts.AddItem;
import com.weegigs.events.example.receipts.Finalize;
import com.weegigs.events.example.receipts.ReceiptClient;
import com.weegigs.events.example.receipts.ReceiptHandlers;
import com.weegigs.events.example.receipts.ReceiptStub;
import com.weegigs.events.example.receipts.ReceiptsService;
import com.weegigs.events.example.receipts.RemoveItem;
import com.weegigs.events.example.receipts.SupplierStub;
import com.weegigs.events.example.receipts.VoidReceipt;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.client.SubscriptionGroup;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.fixtures.Tokens;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit, which knows the receipts service only through its API jar, writes one line for every
 * receipt event the real receipts service stores, in the order stored, and nothing for commands it
 * refuses. It is a durable subscriber: events stored before it first starts, and while it is
 * stopped, come when it starts, and what it already wrote does not come again.
 */
@NatsTest
class ReceiptAuditTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void writesALineForEveryStoredReceiptEventAcrossItsRestarts(NatsServer server) throws Exception {
    BlockingQueue<String> trail = new LinkedBlockingQueue<>();
    NatsService service = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .natsUrl(server.url())
        .withEventStore(JetStreamStoreConfig.forService("receipts").withStorage(JetStreamStoreConfig.Storage.MEMORY))
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition())
        .withAuthentication(AuthenticationConfig.hmac(Tokens.SECRET, Tokens.ISSUER, Tokens.AUDIENCE))
        .start();
    // a manager's till: voiding a receipt takes the manager role
    try (service; ServiceClient client = ServiceClient.builder("receipts").connection(server.connect())
        .withBearerToken(() -> Tokens.hs256(Tokens.claims("manager-9", "manager"))).build()) {
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();
      // stored before the audit ever ran
      receipts.addItem("till-9", new AddItem("Coffee", new BigDecimal("4.50"), 2));

      Audit audit = Audit.start(server, trail);
      assertEquals(List.of("audit: receipt 'till-9' #1 item added: Coffee 4.50 x 2 = 9.00 EUR"), take(trail, 1));
      receipts.addItem("till-9", new AddItem("Muffin", new BigDecimal("3.25"), 1));
      assertEquals(List.of("audit: receipt 'till-9' #2 item added: Muffin 3.25 x 1 = 3.25 EUR"), take(trail, 1));
      audit.stop();

      // stored while the audit is down
      receipts.removeItem("till-9", new RemoveItem("Coffee"));
      receipts.finalizeCommand("till-9", new Finalize());
      // Refused (the receipt is closed): no event, so the void that follows is revision 5.
      assertThrows(RejectedException.class, () -> receipts.addItem("till-9", new AddItem("Tea", new BigDecimal("4.99"), 1)));
      receipts.voidReceipt("till-9", new VoidReceipt("customer changed their mind"));

      audit = Audit.start(server, trail);
      try {
        assertEquals(List.of(
            "audit: receipt 'till-9' #3 item removed: Coffee, refund 9.00",
            "audit: receipt 'till-9' #4 finalized: 1 line(s), total 3.25",
            "audit: receipt 'till-9' #5 voided (customer changed their mind), total 3.25"), take(trail, 3));
      } finally {
        audit.stop();
      }
    }
  }

  /** One run of the audit as AuditMain runs it: a connection of its own, the generated subscriptions. */
  private record Audit(Connection connection, SubscriptionGroup subscriptions) {
    static Audit start(NatsServer server, BlockingQueue<String> trail) {
      Connection connection = server.connect();
      SubscriptionGroup subscriptions = ReceiptAuditSubscriptions.subscribe(ServiceClient.create(connection, "receipts"),
          new ReceiptAudit(trail::add));
      assertEquals(List.of("wee-store.receipts.receipt.*"),
          subscriptions.subscriptions().stream().map(EventSubscription::subject).toList());
      assertTrue(subscriptions.isActive(), "subscribed");
      return new Audit(connection, subscriptions);
    }

    /** Stops as AuditMain does on SIGTERM: the subscriber, then the connection, as the process ending would. */
    void stop() throws InterruptedException {
      subscriptions.close();
      connection.close();
    }
  }

  /** The next {@code count} lines, each waited for at most {@link #WAIT}; then nothing more. */
  private static List<String> take(BlockingQueue<String> trail, int count) throws InterruptedException {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      String line = trail.poll(WAIT.toMillis(), TimeUnit.MILLISECONDS);
      if (line == null) {
        break;
      }
      lines.add(line);
    }
    assertNull(trail.peek(), "more lines than events");
    return lines;
  }
}
