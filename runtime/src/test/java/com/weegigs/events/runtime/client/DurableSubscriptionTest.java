package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.Counters.Account;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters.Deposit;
import com.weegigs.events.runtime.fixtures.Counters.Open;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Durable subscriptions against a real nats-server: the {@code counters} service stores in
 * JetStream, and subscribers read its stream through named durable consumers.
 */
@NatsTest
class DurableSubscriptionTest {
  private static final Duration TIMEOUT = ServiceHarness.TIMEOUT;
  private static final AtomicInteger STREAMS = new AtomicInteger();

  private final NatsServer server;
  private final ServiceHarness harness;
  private final JetStreamStoreConfig store;
  private final List<ServiceClient> clients = new ArrayList<>();
  private AggregateClient<Counter, Object> counters;
  private AggregateClient<Account, Object> accounts;

  DurableSubscriptionTest(NatsServer server) {
    this.server = server;
    this.harness = new ServiceHarness(server);
    int n = STREAMS.incrementAndGet();
    this.store = JetStreamStoreConfig.forService("counters")
        .withStreamName("durable-" + n)
        .withSubjectPrefix("wee-store.durable-" + n)
        .withBuckets("durable-outcomes-" + n, "durable-snapshots-" + n)
        .withStorage(JetStreamStoreConfig.Storage.MEMORY);
  }

  @BeforeEach
  void start() {
    harness.start(builder -> builder.withEventStore(store));
    ServiceClient client = client();
    counters = new AggregateClient<>(client, Counters.COUNTER);
    accounts = new AggregateClient<>(client, Counters.ACCOUNT);
  }

  @AfterEach
  void stop() {
    clients.forEach(ServiceClient::close);
    harness.close();
  }

  /** A client on a connection of its own, closed after the test. */
  private ServiceClient client() {
    ServiceClient client = ServiceClient.builder("counters").url(server.url()).build();
    clients.add(client);
    return client;
  }

  private DurableSubscriptionConfig named(String name) {
    return DurableSubscriptionConfig.named(name).withStore(store);
  }

  private RecordedEvent<?> add(String key, long amount) {
    return AggregateClient.await(counters.send(Counters.ADD, key, new Add(amount), CallOptions.DEFAULT)).events().get(0);
  }

  private static <T> T next(BlockingQueue<T> queue) throws InterruptedException {
    T item = queue.poll(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(item, "nothing arrived within " + TIMEOUT);
    return item;
  }

  private static void await(CountDownLatch latch) throws InterruptedException {
    assertTrue(latch.await(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS), "not done within " + TIMEOUT);
  }

  @Test
  void getsEveryEventFromTheBeginningAndOnlyNewOnesAfterARestart() throws Exception {
    List<String> stored = new ArrayList<>();
    for (int i = 1; i <= 5; i++) {
      stored.add(add("c-" + i % 2, i).id());
    }
    BlockingQueue<RecordedEvent<Object>> received = new LinkedBlockingQueue<>();
    EventSubscription first = counters.subscribeAllDurable(named("audit"), (event, delivery) -> received.add(event));
    List<String> seen = new ArrayList<>();
    for (int i = 0; i < 5; i++) {
      seen.add(next(received).id());
    }
    assertEquals(stored, seen);
    first.close();
    assertFalse(first.isActive());

    for (int i = 6; i <= 8; i++) {
      stored.add(add("c-" + i % 2, i).id());
    }
    counters.subscribeAllDurable(named("audit"), (event, delivery) -> received.add(event));
    for (int i = 0; i < 3; i++) {
      seen.add(next(received).id());
    }
    // in stream order, each once: a duplicate would have come before the last new event
    assertEquals(stored, seen);
    assertTrue(received.isEmpty(), () -> "delivered again: " + received);
  }

  @Test
  void aListenerThatThrowsThreeTimesSeesTheEventFourTimesThenNeverAgain() throws Exception {
    DurableSubscriptionConfig config = named("flaky").withBackoff(Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
    Map<Long, List<Long>> deliveries = new ConcurrentHashMap<>();
    BlockingQueue<Long> handled = new LinkedBlockingQueue<>();
    DurableEventListener<Added> listener = (event, delivery) -> {
      List<Long> counts = deliveries.computeIfAbsent(event.data().amount(), amount -> new CopyOnWriteArrayList<>());
      counts.add(delivery.count());
      if (event.data().amount() == 7 && counts.size() < 4) {
        throw new IllegalStateException("not yet (" + counts.size() + ")");
      }
      handled.add(event.data().amount());
    };
    EventSubscription subscription = counters.subscribeDurable(config, Counters.ADDED, listener);
    add("f", 7);
    add("f", 1);
    assertEquals(7L, next(handled));
    assertEquals(1L, next(handled));
    assertEquals(List.of(1L, 2L, 3L, 4L), deliveries.get(7L));
    assertEquals(List.of(1L), deliveries.get(1L));

    subscription.close();
    counters.subscribeDurable(config, Counters.ADDED, listener);
    add("f", 2);
    assertEquals(2L, next(handled));
    assertEquals(List.of(1L, 2L, 3L, 4L), deliveries.get(7L));
    assertEquals(List.of(1L), deliveries.get(1L));
  }

  @Test
  void afterMaxDeliveriesTheCommandIsOnTheDeadLetterSubjectAndTheSubscriptionGoesOn() throws Exception {
    Connection watcher = server.connect();
    Subscription letters = watcher.subscribe("wee-dead.counters.doomed");
    watcher.flush(TIMEOUT);
    BlockingQueue<Long> handled = new LinkedBlockingQueue<>();
    List<Long> counts = new CopyOnWriteArrayList<>();
    counters.subscribeDurable(named("doomed").withMaxDeliveries(3).withBackoff(Duration.ofMillis(10)), Counters.ADDED,
        (event, delivery) -> {
          if (event.data().amount() == 13) {
            counts.add(delivery.count());
            throw new IllegalArgumentException("unlucky " + event.data().amount());
          }
          handled.add(event.data().amount());
        });
    RecordedEvent<?> unlucky = add("d", 13);
    add("d", 1);

    Message letter = letters.nextMessage(TIMEOUT);
    assertNotNull(letter, "no dead letter");
    assertEquals("java.lang.IllegalArgumentException: unlucky 13",
        letter.getHeaders().getFirst("Wee-Dead-Reason").replaceFirst("^.*: (java\\.)", "$1"));
    assertTrue(letter.getHeaders().getFirst("Wee-Dead-Reason").startsWith("the listener failed on delivery 3 of 3"),
        letter.getHeaders().getFirst("Wee-Dead-Reason"));
    assertEquals("3", letter.getHeaders().getFirst("Wee-Dead-Deliveries"));
    assertEquals("doomed", letter.getHeaders().getFirst("Wee-Dead-Durable"));
    assertEquals(store.streamName(), letter.getHeaders().getFirst("Wee-Dead-Stream"));
    assertEquals(store.subjectPrefix() + ".counter.d", letter.getHeaders().getFirst("Wee-Dead-Subject"));
    assertNotNull(letter.getHeaders().getFirst("Wee-Dead-Sequence"));
    assertEquals("added", letter.getHeaders().getFirst(CommandMessages.EVENT_TYPES));
    assertEquals(null, letter.getHeaders().getFirst(CommandMessages.MSG_ID), "JetStream's own headers are left out");
    List<RecordedEvent<?>> events = CommandMessages.decode(Counters.COUNTER, letter.getHeaders(), letter.getData());
    assertEquals(unlucky.id(), events.get(0).id());

    assertEquals(1L, next(handled));
    assertEquals(List.of(1L, 2L, 3L), counts);
  }

  @Test
  void aStreamOnTheDeadLetterSubjectsKeepsTheLetters() throws Exception {
    Connection watcher = server.connect();
    watcher.jetStreamManagement().addStream(StreamConfiguration.builder()
        .name("dead-" + store.streamName()).subjects("wee-dead.counters.kept").storageType(StorageType.Memory).build());
    BlockingQueue<Long> handled = new LinkedBlockingQueue<>();
    counters.subscribeDurable(named("kept").withMaxDeliveries(1), Counters.ADDED, (event, delivery) -> {
      if (event.data().amount() == 13) {
        throw new IllegalArgumentException("unlucky");
      }
      handled.add(event.data().amount());
    });
    add("k", 13);
    add("k", 1);
    assertEquals(1L, next(handled));
    // the letter is stored before the command is terminated, so before the next one is handled
    var stored = watcher.jetStreamManagement().getLastMessage("dead-" + store.streamName(), "wee-dead.counters.kept");
    assertEquals("1", stored.getHeaders().getFirst("Wee-Dead-Deliveries"));
  }

  @Test
  void startsAtATimeOrAtAStreamSequence() throws Exception {
    add("s", 1);
    add("s", 2);
    long second = server.connect().jetStreamManagement().getStreamInfo(store.streamName()).getStreamState().getLastSequence();
    Instant between = Instant.now();
    add("s", 3);

    BlockingQueue<Delivery> fromSequence = new LinkedBlockingQueue<>();
    BlockingQueue<Long> amounts = new LinkedBlockingQueue<>();
    counters.subscribeDurable(named("from-seq").withStart(DurableSubscriptionConfig.StartPosition.atSequence(second)),
        Counters.ADDED, (event, delivery) -> {
          fromSequence.add(delivery);
          amounts.add(event.data().amount());
        });
    assertEquals(second, next(fromSequence).streamSequence());
    assertEquals(2L, next(amounts));
    assertEquals(3L, next(amounts));

    BlockingQueue<Long> fromTime = new LinkedBlockingQueue<>();
    counters.subscribeDurable(named("from-time").withStart(DurableSubscriptionConfig.StartPosition.at(between)),
        Counters.ADDED, (event, delivery) -> fromTime.add(event.data().amount()));
    assertEquals(3L, next(fromTime));
    add("s", 4);
    assertEquals(4L, next(fromTime));
    assertEquals(4L, next(amounts));
  }

  @Test
  void filtersByOneEventTypeOrSeveral() throws Exception {
    AggregateClient.await(accounts.send(Counters.OPEN, "a-1", new Open("ann"), CallOptions.DEFAULT));
    AggregateClient.await(accounts.send(Counters.DEPOSIT, "a-1", new Deposit(5), CallOptions.DEFAULT));
    add("noise", 1);
    AggregateClient.await(accounts.send(Counters.DEPOSIT, "a-1", new Deposit(6), CallOptions.DEFAULT));

    BlockingQueue<Object> deposits = new LinkedBlockingQueue<>();
    accounts.subscribeDurable(named("deposits"), Counters.DEPOSITED, (event, delivery) -> deposits.add(event.data()));
    BlockingQueue<String> both = new LinkedBlockingQueue<>();
    accounts.subscribeDurable(named("both"), List.of(Counters.OPENED, Counters.DEPOSITED),
        (event, delivery) -> both.add(event.type() + "@" + event.revision()));

    assertEquals(new Counters.Deposited(5), next(deposits));
    assertEquals(new Counters.Deposited(6), next(deposits));
    assertEquals("opened@1", next(both));
    assertEquals("deposited@2", next(both));
    assertEquals("deposited@3", next(both));
    AggregateClient.await(accounts.send(Counters.OPEN, "a-2", new Open("bob"), CallOptions.DEFAULT));
    assertEquals("opened@1", next(both));
    AggregateClient.await(accounts.send(Counters.DEPOSIT, "a-2", new Deposit(7), CallOptions.DEFAULT));
    assertEquals(new Counters.Deposited(7), next(deposits));
    assertTrue(deposits.isEmpty(), () -> "more than the deposits: " + deposits);
  }

  @Test
  void twoInstancesShareTheWorkEachEventOnceAndEveryAggregateInOrder() throws Exception {
    int aggregates = 10;
    int perAggregate = 10;
    List<String> handled = Collections.synchronizedList(new ArrayList<>());
    Map<String, AtomicInteger> byInstance = new ConcurrentHashMap<>();
    CountDownLatch all = new CountDownLatch(aggregates * perAggregate);
    for (String instance : List.of("one", "two")) {
      AggregateClient<Counter, Object> own = new AggregateClient<>(client(), Counters.COUNTER);
      byInstance.put(instance, new AtomicInteger());
      own.subscribeAllDurable(named("shared"), (event, delivery) -> {
        handled.add(event.aggregate().key() + "@" + event.revision());
        byInstance.get(instance).incrementAndGet();
        all.countDown();
      });
    }
    List<java.util.concurrent.CompletableFuture<?>> sent = new ArrayList<>();
    for (int i = 0; i < perAggregate; i++) {
      for (int k = 0; k < aggregates; k++) {
        sent.add(counters.send(Counters.ADD, "k-" + k, new Add(1), CallOptions.DEFAULT));
      }
    }
    sent.forEach(AggregateClient::await);
    await(all);

    assertEquals(aggregates * perAggregate, new HashSet<>(handled).size(), "each event once");
    Map<String, Long> last = new HashMap<>();
    for (String entry : handled) {
      String key = entry.substring(0, entry.indexOf('@'));
      long revision = Long.parseLong(entry.substring(entry.indexOf('@') + 1));
      assertEquals(last.getOrDefault(key, 0L) + 1, revision, () -> "out of order: " + handled);
      last.put(key, revision);
    }
    assertTrue(byInstance.get("one").get() > 0 && byInstance.get("two").get() > 0, () -> "not shared: " + byInstance);
  }

  @Test
  void aSubscriberKilledInTheMiddleMissesNothingOnceRestarted() throws Exception {
    // the ack wait is how long the killed instance's command waits before it is delivered again; it must
    // also be longer than the new instance needs to acknowledge it on a loaded machine, or it comes a third time
    DurableSubscriptionConfig config = named("killed").withAckWait(Duration.ofSeconds(3));
    List<Long> stored = new ArrayList<>();
    for (long i = 1; i <= 6; i++) {
      add("x", i);
      stored.add(i);
    }
    ServiceClient doomed = client();
    List<Long> acknowledged = new CopyOnWriteArrayList<>();
    CountDownLatch inThird = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    new AggregateClient<>(doomed, Counters.COUNTER).subscribeDurable(config, Counters.ADDED, (event, delivery) -> {
      if (event.data().amount() == 3) {
        inThird.countDown();
        release.await();
      }
      acknowledged.add(event.data().amount());
    });
    await(inThird);
    doomed.connection().close(); // abruptly: the listener is in the middle of the third event
    release.countDown();

    BlockingQueue<Long> afterRestart = new LinkedBlockingQueue<>();
    BlockingQueue<Long> counts = new LinkedBlockingQueue<>();
    new AggregateClient<>(client(), Counters.COUNTER).subscribeDurable(config, Counters.ADDED, (event, delivery) -> {
      afterRestart.add(event.data().amount());
      counts.add(delivery.count());
    });
    List<Long> seen = new ArrayList<>(List.of(1L, 2L));
    assertEquals(List.of(1L, 2L), acknowledged.subList(0, 2));
    for (int i = 0; i < 4; i++) {
      seen.add(next(afterRestart));
    }
    assertEquals(stored, seen);
    assertEquals(2L, next(counts), "the third was delivered before, to the killed instance");
    assertEquals(1L, next(counts));
  }

  /** Stores one command of {@code events} on account {@code key} as the service would, straight into the stream. */
  private void storeCommand(String key, Object... events) throws Exception {
    List<RecordedEvent<?>> recorded = new ArrayList<>();
    for (int i = 0; i < events.length; i++) {
      String type = events[i] instanceof Counters.Opened ? "opened" : "deposited";
      recorded.add(new RecordedEvent<>("ev-" + key + "-" + i, new AggregateId("account", key), type, i + 1,
          Instant.now(), events[i], new EventMetadata("corr", "cause", "user")));
    }
    server.connect().jetStream().publish(NatsMessage.builder()
        .subject(CommandMessages.subject(store.subjectPrefix(), new AggregateId("account", key)))
        .headers(CommandMessages.headers("cmd-" + key, 0, recorded))
        .data(CommandMessages.body(CommandMessages.wireForms(Counters.ACCOUNT, recorded)))
        .build());
  }

  @Test
  void aCommandsMatchingEventsComeTogetherAndComeAgainTogether() throws Exception {
    storeCommand("m-1", new Counters.Opened("ann"), new Counters.Deposited(5));
    BlockingQueue<String> deposits = new LinkedBlockingQueue<>();
    accounts.subscribeDurable(named("only-deposits"), Counters.DEPOSITED,
        (event, delivery) -> deposits.add(event.type() + "@" + event.revision() + "#" + delivery.count()));
    assertEquals("deposited@2#1", next(deposits), "the other type in the command is skipped");

    BlockingQueue<String> both = new LinkedBlockingQueue<>();
    AtomicInteger failures = new AtomicInteger();
    accounts.subscribeDurable(named("both-retried").withBackoff(Duration.ofMillis(10)),
        List.of(Counters.OPENED, Counters.DEPOSITED), (event, delivery) -> {
          both.add(event.type() + "#" + delivery.count() + "@" + delivery.streamSequence());
          if (event.type().equals("deposited") && failures.getAndIncrement() == 0) {
            throw new IllegalStateException("once");
          }
        });
    assertEquals("opened#1@1", next(both));
    assertEquals("deposited#1@1", next(both));
    assertEquals("opened#2@1", next(both), "the whole command comes again");
    assertEquals("deposited#2@1", next(both));
  }

  @Test
  void aStrangersMessageOnAStoreSubjectIsSkipped() throws Exception {
    server.connect().jetStream().publish(store.subjectPrefix() + ".account.stranger", "not ours".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    AggregateClient.await(accounts.send(Counters.OPEN, "a-3", new Open("cy"), CallOptions.DEFAULT));
    BlockingQueue<String> opened = new LinkedBlockingQueue<>();
    accounts.subscribeAllDurable(named("careful"), (event, delivery) -> opened.add(event.aggregate().key() + "@" + delivery.streamSequence()));
    assertEquals("a-3@2", next(opened));
  }

  @Test
  void aDurableNameBelongsToOneAggregateTypeAndNeedsTheServicesStream() {
    accounts.subscribeAllDurable(named("taken"), (event, delivery) -> { });
    IllegalStateException taken = assertThrows(IllegalStateException.class,
        () -> counters.subscribeAllDurable(named("taken"), (event, delivery) -> { }));
    assertTrue(taken.getMessage().contains("a durable name belongs to one subscriber of one aggregate type"), taken.getMessage());
    IllegalStateException missing = assertThrows(IllegalStateException.class,
        () -> counters.subscribeAllDurable(DurableSubscriptionConfig.named("lost"), (event, delivery) -> { }));
    assertTrue(missing.getMessage().contains("the stream 'wee-events-counters'") && missing.getMessage().contains("does not exist"),
        missing.getMessage());
  }

  @Test
  void aCommandStoredWhileASubscriberClosesGoesToTheNextSubscriberOnItsFirstDelivery() throws Exception {
    // a pull of two: the server hands it the first command and keeps it waiting for one more
    DurableSubscriptionConfig config = named("handover").withMaxAckPending(2, 2);
    add("h", 1);
    CountDownLatch inFirst = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    EventSubscription first = counters.subscribeDurable(config, Counters.ADDED, (event, delivery) -> {
      inFirst.countDown();
      release.await();
    });
    await(inFirst);
    CompletableFuture<Void> closing = CompletableFuture.runAsync(first::close);
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (first.isActive()) {
      assertTrue(System.nanoTime() < deadline, "the subscriber did not start closing");
      Thread.sleep(10);
    }
    // stored while the closing subscriber's pull still waits on the server for a second command
    add("h", 2);
    release.countDown();
    closing.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);

    BlockingQueue<String> next = new LinkedBlockingQueue<>();
    counters.subscribeDurable(config, Counters.ADDED,
        (event, delivery) -> next.add(event.data().amount() + "#" + delivery.count()));
    assertEquals("2#1", next(next), "the closing subscriber's pull must not take it");
  }

  @Test
  void anExistingSubscriberKeepsItsPositionAndTakesNewLimits() throws Exception {
    add("p", 1);
    BlockingQueue<Long> amounts = new LinkedBlockingQueue<>();
    EventSubscription first = counters.subscribeDurable(named("limits"), Counters.ADDED, (event, delivery) -> amounts.add(event.data().amount()));
    assertEquals(1L, next(amounts));
    first.close();
    add("p", 2);
    counters.subscribeDurable(named("limits").withAckWait(Duration.ofSeconds(7)).withMaxAckPending(4, 2)
        .withStart(DurableSubscriptionConfig.StartPosition.atSequence(1)), Counters.ADDED,
        (event, delivery) -> amounts.add(event.data().amount()));
    assertEquals(2L, next(amounts), "goes on where it stopped, whatever the start");
    var consumer = server.connect().jetStreamManagement().getConsumerInfo(store.streamName(), "limits").getConsumerConfiguration();
    assertEquals(Duration.ofSeconds(7), consumer.getAckWait());
    assertEquals(4, consumer.getMaxAckPending());
  }

  @Test
  void aSubscriberGoesOnAfterTheServerRestarts() throws Exception {
    harness.close();
    JetStreamStoreConfig onDisk = store.withStorage(JetStreamStoreConfig.Storage.FILE)
        .withStreamName(store.streamName() + "-disk").withSubjectPrefix(store.subjectPrefix() + "-disk")
        .withBuckets(store.outcomesBucket() + "-disk", store.snapshotsBucket() + "-disk");
    harness.start(builder -> builder.withEventStore(onDisk));
    BlockingQueue<Long> amounts = new LinkedBlockingQueue<>();
    counters.subscribeDurable(DurableSubscriptionConfig.named("survivor").withStore(onDisk), Counters.ADDED,
        (event, delivery) -> amounts.add(event.data().amount()));
    add("r", 1);
    assertEquals(1L, next(amounts));
    // the listener returned; the acknowledgement follows it: restart only once the server has it
    Connection watcher = server.connect();
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (watcher.jetStreamManagement().getConsumerInfo(onDisk.streamName(), "survivor").getAckFloor().getStreamSequence() < 1) {
      assertTrue(System.nanoTime() < deadline, "the first command was never acknowledged");
      Thread.sleep(10);
    }

    server.restart();
    // the service and the client reconnect on their own: retry the command until it is stored once
    CallOptions once = CallOptions.DEFAULT.withMessageId(MessageIds.next());
    deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (true) {
      try {
        AggregateClient.await(counters.send(Counters.ADD, "r", new Add(2), once));
        break;
      } catch (com.weegigs.events.runtime.error.ServiceException e) {
        assertTrue(System.nanoTime() < deadline, () -> "the service did not come back: " + e);
        Thread.sleep(100);
      }
    }
    assertEquals(2L, next(amounts));
  }

  @Test
  void aCommandNeverAcknowledgedWithinItsDeliveriesIsDeadLetteredUnread() throws Exception {
    DurableSubscriptionConfig config = named("stuck").withMaxDeliveries(1).withAckWait(Duration.ofSeconds(1));
    Connection watcher = server.connect();
    Subscription letters = watcher.subscribe("wee-dead.counters.stuck");
    watcher.flush(TIMEOUT);
    add("h", 13);
    ServiceClient doomed = client();
    CountDownLatch inListener = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    new AggregateClient<>(doomed, Counters.COUNTER).subscribeDurable(config, Counters.ADDED, (event, delivery) -> {
      inListener.countDown();
      release.await();
    });
    await(inListener);
    doomed.connection().close(); // the instance dies on the only delivery allowed
    release.countDown();

    BlockingQueue<Long> handled = new LinkedBlockingQueue<>();
    counters.subscribeDurable(config, Counters.ADDED, (event, delivery) -> handled.add(event.data().amount()));
    Message letter = letters.nextMessage(TIMEOUT);
    assertNotNull(letter, "no dead letter");
    assertTrue(letter.getHeaders().getFirst("Wee-Dead-Reason").startsWith("not acknowledged after 1 deliveries"),
        letter.getHeaders().getFirst("Wee-Dead-Reason"));
    assertEquals("2", letter.getHeaders().getFirst("Wee-Dead-Deliveries"));
    add("h", 1);
    assertEquals(1L, next(handled), "the dead-lettered command is not handed to the listener");
  }

  @Test
  void aListenerSlowerThanTheAckWaitIsNotDeliveredAgainMeanwhile() throws Exception {
    // long enough that a loaded machine's scheduling hiccups stay well inside the half ack wait between signals
    Duration ackWait = Duration.ofSeconds(1);
    DurableSubscriptionConfig config = named("slow").withAckWait(ackWait);
    List<String> handled = new CopyOnWriteArrayList<>();
    CountDownLatch sixth = new CountDownLatch(1);
    CountDownLatch never = new CountDownLatch(1);
    for (int instance = 0; instance < 2; instance++) {
      new AggregateClient<>(client(), Counters.COUNTER).subscribeDurable(config, Counters.ADDED, (event, delivery) -> {
        // noted on arrival: a delivery again to the other instance would show while the first still works
        handled.add(event.data().amount() + "#" + delivery.count());
        if (event.data().amount() == 5) {
          // a slow listener: three ack waits
          assertFalse(never.await(ackWait.toMillis() * 3, TimeUnit.MILLISECONDS));
        }
        if (event.data().amount() == 6) {
          sixth.countDown();
        }
      });
    }
    add("slow", 5);
    add("slow", 6);
    await(sixth);
    assertEquals(List.of("5#1", "6#1"), handled);
  }

  @Test
  void closingTheClientStopsItsDurableSubscriptionsAndTheyGoOnFromThereLater() throws Exception {
    ServiceClient own = client();
    AggregateClient<Counter, Object> mine = new AggregateClient<>(own, Counters.COUNTER);
    BlockingQueue<String> seen = new LinkedBlockingQueue<>();
    List<EventSubscription> subscriptions = new ArrayList<>();
    for (String name : List.of("first", "second", "third")) {
      subscriptions.add(mine.subscribeAllDurable(named(name), (event, delivery) -> seen.add(name + ":" + event.revision())));
    }
    add("z", 1);
    Set<String> before = new HashSet<>(List.of(next(seen), next(seen), next(seen)));
    assertEquals(Set.of("first:1", "second:1", "third:1"), before);
    own.close();
    subscriptions.forEach(subscription -> assertFalse(subscription.isActive(), subscription::toString));

    add("z", 2);
    counters.subscribeAllDurable(named("second"), (event, delivery) -> seen.add("second:" + event.revision()));
    assertEquals("second:2", next(seen));
  }
}
