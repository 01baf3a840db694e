package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code item-added} is at version 2 (it gained {@code currency}); events stored by the code that knew
 * only version 1 are upcast by {@code ItemAdded.upcast(V1)} wherever they are read. The store here
 * holds the exact bytes the version-1 code wrote (in memory, or as command messages in the JetStream
 * stream), and the service runs on a real nats-server.
 */
@NatsTest
class VersionedEventsTest {
  private static final AggregateId OLD = new AggregateId("receipt", "before-v2");

  /** An {@code item-added} event byte for byte as the version-1 code recorded and published it. */
  private static byte[] version1(long revision, String name, String price, int quantity, String lineTotal) {
    return ("{\"id\":\"e-" + revision + "\",\"aggregate\":{\"type\":\"receipt\",\"key\":\"before-v2\"},\"type\":\"item-added\","
        + "\"revision\":" + revision + ",\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{\"name\":\"" + name + "\",\"price\":"
        + price + ",\"quantity\":" + quantity + ",\"lineTotal\":" + lineTotal + "},\"metadata\":{\"causationId\":\"m-" + revision
        + "\"}}").getBytes(StandardCharsets.UTF_8);
  }

  private static RecordedEvent<ItemAdded> recorded(long revision, ItemAdded data) {
    return new RecordedEvent<>("e-" + revision, OLD, "item-added", revision, Instant.parse("2026-11-27T10:00:00Z"), data,
        new EventMetadata(null, "m-" + revision, null));
  }

  private static ItemAdded added(String name, String price, int quantity, String lineTotal) {
    return new ItemAdded(name, new BigDecimal(price), quantity, new BigDecimal(lineTotal), ReceiptHandlers.CURRENCY);
  }

  /** A store holding two lines recorded by the version-1 code, as its bytes. */
  private static InMemoryEventStore storeWrittenByVersion1() {
    InMemoryEventStore store = TestServices.newStore();
    // The store keeps the bytes it is handed; the objects beside them only stand for what was appended.
    store.append(ReceiptCodecs.TYPE, OLD, 0, "m-1", List.of(recorded(1, added("Coffee", "4.50", 2, "9.00"))),
        new byte[][] {version1(1, "Coffee", "4.50", 2, "9.00")});
    store.append(ReceiptCodecs.TYPE, OLD, 1, "m-2", List.of(recorded(2, added("Muffin", "3.25", 1, "3.25"))),
        new byte[][] {version1(2, "Muffin", "3.25", 1, "3.25")});
    return store;
  }

  /**
   * Stores the two version-1 lines in JetStream as the version-1 code did: one command message
   * each, in the format of docs/wire-contract.md ("Durable events on JetStream").
   */
  private static void storeInJetStreamAsVersion1(Connection connection) throws Exception {
    JetStream stream = connection.jetStream();
    String subject = StoredCommands.PREFIX + "receipt." + StoredCommands.token(OLD.key());
    long last = 0;
    byte[][] events = {version1(1, "Coffee", "4.50", 2, "9.00"), version1(2, "Muffin", "3.25", 1, "3.25")};
    for (int i = 0; i < events.length; i++) {
      long revision = i + 1;
      Headers headers = new Headers()
          .put("Wee-Event-Ids", "e-" + revision)
          .put("Wee-Event-Types", "item-added")
          .put("Wee-Revisions", revision + "-" + revision)
          .put("Nats-Msg-Id", "m-" + revision)
          .put("Nats-Expected-Last-Subject-Sequence", Long.toString(last));
      byte[] body = ("[" + new String(events[i], StandardCharsets.UTF_8) + "]").getBytes(StandardCharsets.UTF_8);
      last = stream.publish(subject, headers, body).getSeqno();
    }
  }

  @Test
  void theStoreReadsVersion1BytesAsTheCurrentRecord() {
    assertEquals(List.of(recorded(1, added("Coffee", "4.50", 2, "9.00")), recorded(2, added("Muffin", "3.25", 1, "3.25"))),
        storeWrittenByVersion1().load(ReceiptCodecs.TYPE, OLD, 0));
  }

  @Test
  void queriesAndCommandsRebuildTheStateFromUpcastEvents(NatsServer server) throws Exception {
    TestServices.Running service = TestServices.receipts(server, storeWrittenByVersion1(), builder -> builder);
    try (ServiceClient client = TestServices.client(server.connect())) {
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();

      Entity<Receipt> before = receipts.get(OLD.key());
      assertEquals(2, before.revision());
      assertEquals(List.of(new Item("Coffee", new BigDecimal("4.50"), 2), new Item("Muffin", new BigDecimal("3.25"), 1)),
          before.state().items());
      assertEquals(0, new BigDecimal("12.25").compareTo(before.state().total()), before::toString);

      CommandResult<Receipt, ReceiptEvent> result = receipts.addItem(OLD.key(), new AddItem("Tea", new BigDecimal("2.00"), 1));
      assertEquals(3, result.entity().revision());
      assertEquals(3, result.entity().state().items().size());
      assertEquals(0, new BigDecimal("14.25").compareTo(result.entity().state().total()), result::toString);
      assertEquals(ReceiptHandlers.CURRENCY, ((ItemAdded) result.events().get(0).data()).currency());
    } finally {
      service.close();
    }
  }

  @Test
  void version1CommandMessagesInJetStreamAreReadAsVersion2ByQueriesCommandsAndAReload(NatsServer server) throws Exception {
    Connection connection = server.connect();
    NatsService first = Main.startService(server.url(), Main.Store.JETSTREAM); // creates the stream
    try (ServiceClient client = TestServices.client(server.connect())) {
      storeInJetStreamAsVersion1(connection);
      ReceiptClient.Blocking receipts = ReceiptClient.create(client).blocking();

      Entity<Receipt> before = receipts.get(OLD.key());
      assertEquals(2, before.revision());
      assertEquals(List.of(new Item("Coffee", new BigDecimal("4.50"), 2), new Item("Muffin", new BigDecimal("3.25"), 1)),
          before.state().items());
      CommandResult<Receipt, ReceiptEvent> result = receipts.addItem(OLD.key(), new AddItem("Tea", new BigDecimal("2.00"), 1));
      assertEquals(3, result.entity().revision());
      assertEquals(0, new BigDecimal("14.25").compareTo(result.entity().state().total()), result::toString);
      first.close();

      // the new line is stored at version 2, beside the version-1 ones
      List<JsonNode> stored = StoredCommands.read(connection).events("receipt", OLD.key());
      assertEquals(List.of(false, false, true), stored.stream().map(event -> event.has("version")).toList());
      assertEquals(2, stored.get(2).path("version").asInt());

      // a store that never saw them reads the version-1 events as version 2
      JetStreamEventStore cold = JetStreamEventStore.open(connection, JetStreamStoreConfig.forService("receipts"));
      List<RecordedEvent<?>> loaded = cold.load(ReceiptCodecs.TYPE, OLD, 0);
      assertEquals(List.of(recorded(1, added("Coffee", "4.50", 2, "9.00")), recorded(2, added("Muffin", "3.25", 1, "3.25"))),
          loaded.subList(0, 2));

      // and so does a new instance of the service, cold
      NatsService second = Main.startService(server.url(), Main.Store.JETSTREAM);
      try {
        Entity<Receipt> reloaded = receipts.get(OLD.key());
        assertEquals(3, reloaded.revision());
        assertEquals(result.entity().state(), reloaded.state());
      } finally {
        second.close();
      }
    } finally {
      first.close();
    }
  }

  @Test
  void aSubscriptionReadsAVersion1EventPublishedByAnOlderInstance(NatsServer server) throws Exception {
    Connection olderInstance = server.connect();
    try (ServiceClient client = TestServices.client(server.connect())) {
      BlockingQueue<RecordedEvent<ItemAdded>> received = new LinkedBlockingQueue<>();
      ReceiptClient.create(client).onItemAdded(received::add);
      // Make sure the subscription is in place at the server before the older instance publishes.
      client.connection().flush(Duration.ofSeconds(5));

      olderInstance.publish(ReceiptSubjects.ITEM_ADDED_EVENT, version1(1, "Coffee", "4.50", 2, "9.00"));

      RecordedEvent<ItemAdded> event = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(event, "no event arrived");
      assertEquals(recorded(1, added("Coffee", "4.50", 2, "9.00")), event);
    } finally {
      olderInstance.close();
    }
  }

  @Test
  void newEventsAreRecordedAndPublishedAtVersion2(NatsServer server) throws Exception {
    InMemoryEventStore store = storeWrittenByVersion1();
    Connection connection = server.connect();
    TestServices.Running service = TestServices.receipts(server, store, builder -> builder);
    try (ServiceClient client = TestServices.client(server.connect())) {
      Subscription published = connection.subscribe("receipts.events.receipt.item-added");
      connection.flush(Duration.ofSeconds(5));
      ReceiptClient.create(client).blocking().addItem(OLD.key(), new AddItem("Tea", new BigDecimal("2.00"), 1));

      Message message = published.nextMessage(Duration.ofSeconds(5));
      assertNotNull(message, "the event was not published");
      String text = new String(message.getData(), StandardCharsets.UTF_8);
      assertTrue(text.contains("\"type\":\"item-added\",\"version\":2,\"revision\":3"), text);
      assertTrue(text.contains("\"currency\":\"EUR\""), text);
      assertEquals(3, store.load(ReceiptCodecs.TYPE, OLD, 0).size());
    } finally {
      service.close();
      connection.close();
    }
  }
}
