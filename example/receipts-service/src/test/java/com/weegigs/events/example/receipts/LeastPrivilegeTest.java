package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.DurableSubscriptionConfig;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.connection.NatsAuth;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The receipts service and a client, each under a user with exactly the permissions the processor
 * generated ({@code META-INF/wee-events/receipts.permissions.conf}, read from the class path), on a
 * real nats-server: the service serves with either store, the client calls it and hears its events,
 * and a user without the client permissions is refused with a clear error rather than left waiting
 * for a reply (the class timeout only guards against a hang).
 */
@Timeout(120)
class LeastPrivilegeTest {
  private static final NatsAuth SERVICE = NatsAuth.userPassword("receipts-service", "service-secret");
  private static final NatsAuth CLIENT = NatsAuth.userPassword("receipts-client", "client-secret");
  private static final NatsAuth SUBSCRIBER = NatsAuth.userPassword("receipts-subscriber", "subscriber-secret");
  private static final NatsAuth OUTSIDER = NatsAuth.userPassword("outsider", "outsider-secret");
  private static NatsServer server;

  @BeforeAll
  static void start() throws IOException {
    server = NatsServer.launchWithConfig(generatedPermissions() + "\n"
        + "jetstream {}\n"
        + "authorization {\n"
        + "  users: [\n"
        + "    { user: \"receipts-service\", password: \"service-secret\", permissions: $RECEIPTS_SERVICE }\n"
        + "    { user: \"receipts-client\", password: \"client-secret\", permissions: $RECEIPTS_CLIENT }\n"
        + "    { user: \"receipts-subscriber\", password: \"subscriber-secret\", permissions: $RECEIPTS_SUBSCRIBER }\n"
        + "    { user: \"outsider\", password: \"outsider-secret\",\n"
        + "      permissions: { publish: { allow: [\"other.>\"] }, subscribe: { allow: [\"_INBOX.>\"] } } }\n"
        + "  ]\n"
        + "}\n");
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static String generatedPermissions() throws IOException {
    try (InputStream in = LeastPrivilegeTest.class.getClassLoader()
        .getResourceAsStream("META-INF/wee-events/receipts.permissions.conf")) {
      assertNotNull(in, "the processor wrote META-INF/wee-events/receipts.permissions.conf");
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void theServiceServesAndTheClientCallsWithTheInMemoryStore() throws Exception {
    try (NatsService service = receipts(builder -> builder)) {
      assertServing(service);
      callAndHear("least-privilege-memory");
    }
  }

  @Test
  void theServiceServesAndTheClientCallsWithTheJetStreamStore() throws Exception {
    JetStreamStoreConfig store = JetStreamStoreConfig.forService("receipts").withSnapshotInterval(2);
    try (NatsService service = receipts(builder -> builder.withEventStore(store))) {
      assertServing(service);
      callAndHear("least-privilege-js");
      callAndHear("least-privilege-js");
    }
    // a new instance has nothing cached: it reads the receipt back from the stream and the snapshot bucket
    try (NatsService service = receipts(builder -> builder.withEventStore(store));
        ServiceClient client = client(CLIENT)) {
      assertServing(service);
      assertEquals(2, ReceiptClient.create(client).blocking().get("least-privilege-js").state().items().size());
    }
  }

  @Test
  void aDurableSubscriberReadsTheStoredEvents() throws Exception {
    JetStreamStoreConfig store = JetStreamStoreConfig.forService("receipts");
    try (NatsService service = receipts(builder -> builder.withEventStore(store));
        ServiceClient subscriberClient = client(SUBSCRIBER)) {
      assertServing(service);
      BlockingQueue<String> heard = new LinkedBlockingQueue<>();
      ReceiptClient subscriber = ReceiptClient.create(subscriberClient);
      try (EventSubscription durable = subscriber.onItemAdded(DurableSubscriptionConfig.named("least-privilege"),
          (event, delivery) -> heard.add(event.aggregate().key()))) {
        assertTrue(durable.isActive());
        subscriber.blocking().addItem("least-privilege-durable", new AddItem("Tea", new BigDecimal("2.50"), 1));
        String key;
        do {
          key = heard.poll(10, TimeUnit.SECONDS);
          assertNotNull(key, "the durable subscriber heard no item-added event of least-privilege-durable");
        } while (!key.equals("least-privilege-durable"));
      }
    }
  }

  @Test
  void aUserWithoutTheClientPermissionsIsRefused() {
    try (NatsService service = receipts(builder -> builder);
        ServiceClient client = client(OUTSIDER)) {
      assertServing(service);
      CompletionException failure = assertThrows(CompletionException.class, () -> ReceiptClient.create(client)
          .addItem("refused", new AddItem("Tea", new BigDecimal("2.50"), 1), CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)))
          .join());
      ForbiddenException forbidden = assertInstanceOf(ForbiddenException.class, failure.getCause());
      assertTrue(forbidden.getMessage().contains("Permissions Violation for Publish to \"receipts.command.receipt.add-item\""),
          forbidden.getMessage());
    }
  }

  private static void assertServing(NatsService service) {
    assertTrue(service.connection().getStatus() == io.nats.client.Connection.Status.CONNECTED, "the service is connected");
  }

  private static NatsService receipts(UnaryOperator<NatsService.Builder> store) {
    return store.apply(NatsService.builder(ReceiptsService.DESCRIPTOR)
            .natsUrl(server.url())
            .withAuth(SERVICE)
            .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
            .aggregate(SupplierStub.definition()))
        .start();
  }

  private static ServiceClient client(NatsAuth auth) {
    return ServiceClient.builder("receipts").url(server.url()).withAuth(auth).build();
  }

  /** Adds an item to {@code key} as the client user, and hears the event it recorded. */
  private static void callAndHear(String key) throws InterruptedException {
    try (ServiceClient client = client(CLIENT)) {
      ReceiptClient receipts = ReceiptClient.create(client);
      BlockingQueue<RecordedEvent<ItemAdded>> heard = new LinkedBlockingQueue<>();
      try (EventSubscription subscription = receipts.onItemAdded(heard::add)) {
        assertTrue(subscription.isActive());
        receipts.blocking().addItem(key, new AddItem("Coffee", new BigDecimal("4.50"), 1));
        RecordedEvent<ItemAdded> event = heard.poll(10, TimeUnit.SECONDS);
        assertNotNull(event, "the client heard no item-added event");
        assertEquals(key, event.aggregate().key());
      }
      assertEquals(key, receipts.blocking().get(key).state().id());
    }
  }
}
