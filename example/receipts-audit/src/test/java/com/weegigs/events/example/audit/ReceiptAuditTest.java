package com.weegigs.events.example.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.RejectedException;
import com.weegigs.events.runtime.fixtures.Tokens;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The audit, which knows the receipts service only through its API jar, writes one line for every
 * receipt event the real receipts service records, and nothing for commands it refuses. Each event
 * type has a subscription of its own, so lines of different types may come in any order; each line
 * names the event's revision.
 */
@NatsTest
class ReceiptAuditTest {
  private static final Duration WAIT = Duration.ofSeconds(10);

  @Test
  void writesALineForEveryReceiptEvent(NatsServer server) throws Exception {
    BlockingQueue<String> trail = new LinkedBlockingQueue<>();
    Connection connection = server.connect();
    NatsService service = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .natsUrl(server.url())
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition())
        .withAuthentication(AuthenticationConfig.hmac(Tokens.SECRET, Tokens.ISSUER, Tokens.AUDIENCE))
        .start();
    // a manager's till: voiding a receipt takes the manager role
    try (service; ServiceClient client = ServiceClient.builder("receipts").connection(connection)
            .withBearerToken(() -> Tokens.hs256(Tokens.claims("manager-9", "manager"))).build();
        ReceiptAudit audit = ReceiptAudit.start(ReceiptClient.create(client), trail::add)) {
      connection.flush(WAIT);
      assertEquals(List.of("receipts.events.receipt.item-added", "receipts.events.receipt.item-removed",
          "receipts.events.receipt.receipt-finalized", "receipts.events.receipt.receipt-voided"), audit.subjects());

      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();
      receipts.addItem("till-9", new AddItem("Coffee", new BigDecimal("4.50"), 2));
      receipts.addItem("till-9", new AddItem("Muffin", new BigDecimal("3.25"), 1));
      receipts.removeItem("till-9", new RemoveItem("Coffee"));
      receipts.finalizeCommand("till-9", new Finalize());
      // Refused (the receipt is closed): no event, so the void that follows is revision 5.
      assertThrows(RejectedException.class, () -> receipts.addItem("till-9", new AddItem("Tea", new BigDecimal("4.99"), 1)));
      receipts.voidReceipt("till-9", new VoidReceipt("customer changed their mind"));

      assertEquals(List.of(
          "audit: receipt 'till-9' #1 item added: Coffee 4.50 x 2 = 9.00 EUR",
          "audit: receipt 'till-9' #2 item added: Muffin 3.25 x 1 = 3.25 EUR",
          "audit: receipt 'till-9' #3 item removed: Coffee, refund 9.00",
          "audit: receipt 'till-9' #4 finalized: 1 line(s), total 3.25",
          "audit: receipt 'till-9' #5 voided (customer changed their mind), total 3.25"), byRevision(take(trail, 5)));
    } finally {
      connection.close();
    }
  }

  /** {@code lines} in the order of the revision they name. */
  private static List<String> byRevision(List<String> lines) {
    return lines.stream().sorted(Comparator.comparingInt(line -> Integer.parseInt(line.replaceAll(".*#(\\d+) .*", "$1")))).toList();
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
