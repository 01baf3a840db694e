package com.weegigs.events.benchmarks.client;

import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.RequestTarget;
import com.weegigs.events.example.receipts.AddItem;
import com.weegigs.events.example.receipts.Receipt;
import com.weegigs.events.example.receipts.ReceiptClient;
import com.weegigs.events.example.receipts.ReceiptEvent;
import com.weegigs.events.example.receipts.ReceiptHandlers;
import com.weegigs.events.example.receipts.ReceiptStub;
import com.weegigs.events.example.receipts.ReceiptsService;
import com.weegigs.events.example.receipts.SupplierStub;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import io.nats.client.Connection;
import java.math.BigDecimal;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

/**
 * {@code client-inmem}, its telemetry rows and {@code client-js}: the generated {@link
 * ReceiptClient} calling the generated receipts service ({@link NatsService} hosting {@code
 * ReceiptStub.definition(new ReceiptHandlers())}), in one JVM, each on its own NATS connection. Each request loop sends
 * {@code add-item} and moves to a fresh receipt every {@link #COMMANDS_PER_RECEIPT} commands, so no
 * receipt grows past 5 items and the reply stays near the raw responder's 300 bytes.
 *
 * <ul>
 *   <li>{@code client-inmem} stores in an {@link InMemoryEventStore}. The receipts handlers never
 *       block, so the service opts into running fast endpoints on their dispatcher thread
 *       ({@code ConcurrencyConfig.withInlineBelow(1 ms)}), as a user with such handlers would.
 *   <li>{@code client-js} stores in JetStream ({@link JetStreamStoreConfig#forService} with every
 *       default: file storage, a snapshot every 100 events) with the default concurrency (every
 *       request on the worker pool): appending waits for JetStream's acknowledgement, so a command
 *       blocks, and a user would not run it on the dispatcher thread. Its stream and buckets are
 *       deleted at the start and purged before each measured run. After each run it reads the
 *       service's {@code receipts.stats} and adds the state cache's hits and misses to its result.
 *   <li>{@code client-inmem-otel-off}, {@code client-inmem-otel-all} and
 *       {@code client-inmem-otel-request} are {@code client-inmem} with an OpenTelemetry SDK given to
 *       the service and the client ({@link ClientTelemetry}): one that samples no trace, one that
 *       samples every trace and records metrics, and the same with the service making one span per
 *       request instead of one per step.
 * </ul>
 */
public final class ClientScenario
    implements RequestTarget<CommandResult<Receipt, ReceiptEvent>> {
  /** Inline execution for endpoints whose requests average under this (see {@link ConcurrencyConfig}). */
  static final Duration INLINE_BELOW = Duration.ofMillis(1);

  /** Commands sent to one receipt before its loop moves to a fresh one. */
  public static final int COMMANDS_PER_RECEIPT = 5;
  /** Prefix of the threads of the service's connection. */
  static final String SERVICE_CONNECTION = "svc";
  /** Prefix of the threads of the client's connection. */
  static final String CLIENT_CONNECTION = "client";

  private static final AddItem COFFEE = new AddItem("Coffee", new BigDecimal("4.50"), 2);

  /** Where the service stores its events. */
  public enum Store {
    /** {@code client-inmem}: an {@link InMemoryEventStore}, fast endpoints inline. */
    IN_MEMORY,
    /** {@code client-js}: JetStream with the defaults, every request on the worker pool. */
    JET_STREAM
  }

  /** The JetStream store's configuration in {@code client-js}: every default. */
  static final JetStreamStoreConfig JET_STREAM_CONFIG = JetStreamStoreConfig.forService(ReceiptsService.DESCRIPTOR.name());

  private final Store store;
  private final ClientTelemetry.Installed telemetry;
  private final Connection serviceConnection;
  private NatsService service;
  private final Connection clientConnection;
  private final ServiceClient serviceClient;
  private final ReceiptClient receipts;
  private final long[] sent;

  private ClientScenario(
      Store store,
      ClientTelemetry.Installed telemetry,
      Connection serviceConnection,
      NatsService service,
      Connection clientConnection,
      ServiceClient serviceClient,
      int inFlight) {
    this.store = store;
    this.telemetry = telemetry;
    this.serviceConnection = serviceConnection;
    this.service = service;
    this.clientConnection = clientConnection;
    this.serviceClient = serviceClient;
    this.receipts = ReceiptClient.create(serviceClient);
    this.sent = new long[inFlight];
  }

  /** Starts {@code client-inmem}: the service over an in-memory store, and the client. */
  public static ClientScenario start(String natsUrl, int inFlight) throws Exception {
    return start(Store.IN_MEMORY, natsUrl, inFlight);
  }

  /** Starts the service over {@code store} and the client; a JetStream store starts empty. */
  public static ClientScenario start(Store store, String natsUrl, int inFlight) throws Exception {
    return start(store, ClientTelemetry.PLAIN, natsUrl, inFlight);
  }

  /**
   * Starts the service over {@code store} and the client, both with {@code telemetry}'s
   * OpenTelemetry; a JetStream store starts empty.
   */
  public static ClientScenario start(Store store, ClientTelemetry telemetry, String natsUrl, int inFlight)
      throws Exception {
    ClientTelemetry.Installed installed = telemetry.install();
    Connection serviceConnection = Connections.connect(natsUrl, SERVICE_CONNECTION);
    if (store == Store.JET_STREAM) {
      JetStreamStreams.delete(serviceConnection, JET_STREAM_CONFIG);
    }
    NatsService service = service(store, installed, serviceConnection);
    Connection clientConnection = Connections.connect(natsUrl, CLIENT_CONNECTION);
    ServiceClient serviceClient = client(installed, clientConnection);
    return new ClientScenario(
        store, installed, serviceConnection, service, clientConnection, serviceClient, inFlight);
  }

  /**
   * The client, with its default executor. For profiling only, {@code -Dwee.bench.client-executor}
   * swaps it: {@code direct} completes futures on the NATS thread that received the reply,
   * {@code fixed-N} on N threads; the suite never sets it.
   */
  private static ServiceClient client(ClientTelemetry.Installed telemetry, Connection connection) {
    String executor = System.getProperty("wee.bench.client-executor", "default");
    ServiceClient.Builder builder = ServiceClient.builder(ReceiptsService.DESCRIPTOR.name())
        .connection(connection)
        .withOpenTelemetry(telemetry.openTelemetry());
    if (executor.equals("direct")) {
      builder.executor(Runnable::run);
    } else if (executor.startsWith("fixed-")) {
      builder.executor(java.util.concurrent.Executors.newFixedThreadPool(
          Integer.parseInt(executor.substring("fixed-".length())),
          Connections.named("wee-client-fixed")));
    }
    return builder.build();
  }

  /** A receipts service on {@code connection}: an empty in-memory store, or the JetStream store. */
  private static NatsService service(Store store, ClientTelemetry.Installed telemetry, Connection connection)
      throws Exception {
    NatsService.Builder builder = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .connection(connection)
        .withOpenTelemetry(telemetry.openTelemetry())
        .withSpanDetail(telemetry.spanDetail());
    if (store == Store.IN_MEMORY) {
      builder.withEventStore(new InMemoryEventStore())
          // the receipts handlers never block, so the service opts into running fast endpoints
          // on their dispatcher thread, as a user with such handlers would (the default is the pool)
          .withConcurrency(ConcurrencyConfig.defaults().withInlineBelow(INLINE_BELOW));
    } else {
      builder.withEventStore(JET_STREAM_CONFIG);
    }
    NatsService service =
        builder
            .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
            // the example's service also declares suppliers; it refuses to start without them
            .aggregate(SupplierStub.definition())
            .start();
    connection.flush(Duration.ofSeconds(5));
    return service;
  }

  /**
   * A fresh service and an empty store (the JIT's work stays): the store keeps every event, so
   * without this a run's figures would depend on how many commands earlier runs had stored. The
   * fresh service's state cache is empty and its counters zero.
   */
  @Override
  public void reset() throws Exception {
    idle();
    if (store == Store.JET_STREAM) {
      JetStreamStreams.purge(serviceConnection, JET_STREAM_CONFIG);
    }
    service = service(store, telemetry, serviceConnection);
  }

  /**
   * Stops the service: the {@code client-*} scenarios' services answer the same subjects, and in
   * the suite every scenario's JVM is up at once; {@link #reset} starts a fresh one.
   */
  @Override
  public void idle() {
    if (service != null) {
      service.close();
      service = null;
    }
  }

  /**
   * {@code client-js}: the state cache's hits and misses since the last {@link #reset} (the settle
   * time and the measured run), from the service's {@code receipts.stats}.
   */
  @Override
  public Map<String, String> figures() throws Exception {
    if (store != Store.JET_STREAM) {
      return Map.of();
    }
    return ServiceStats.read(clientConnection, ReceiptsService.DESCRIPTOR.name(), "receipt").cacheFigures();
  }

  /** The OpenTelemetry the service and the client were given. */
  ClientTelemetry.Installed telemetry() {
    return telemetry;
  }

  /** The service this scenario hosts. */
  NatsService service() {
    return service;
  }

  @Override
  public CompletableFuture<CommandResult<Receipt, ReceiptEvent>> send(int slot) {
    long n = sent[slot]++;
    String key = "r-" + slot + "-" + (n / COMMANDS_PER_RECEIPT);
    return receipts.addItem(key, COFFEE);
  }

  @Override
  public boolean failed(CommandResult<Receipt, ReceiptEvent> reply) {
    // the typed client has decoded the reply; an error reply completes the future exceptionally
    return reply.entity() == null || reply.events().isEmpty();
  }

  @Override
  public void close() throws Exception {
    serviceClient.close();
    clientConnection.close();
    idle();
    serviceConnection.close();
    telemetry.close();
  }
}
