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
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * {@code client-inmem}: the generated {@link ReceiptClient} calling the generated receipts service
 * ({@link NatsService} hosting {@code ReceiptStub.definition(new ReceiptHandlers())} over an
 * {@link InMemoryEventStore}), in one JVM, each on its own NATS connection, with the default
 * configuration of both. Each request loop sends {@code add-item} and moves to a fresh receipt
 * every {@link #COMMANDS_PER_RECEIPT} commands, so no receipt grows past 5 items and the reply
 * stays near the raw responder's 300 bytes.
 */
public final class ClientInMemoryScenario
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

  private final Connection serviceConnection;
  private NatsService service;
  private final Connection clientConnection;
  private final ServiceClient serviceClient;
  private final ReceiptClient receipts;
  private final long[] sent;

  private ClientInMemoryScenario(
      Connection serviceConnection,
      NatsService service,
      Connection clientConnection,
      ServiceClient serviceClient,
      int inFlight) {
    this.serviceConnection = serviceConnection;
    this.service = service;
    this.clientConnection = clientConnection;
    this.serviceClient = serviceClient;
    this.receipts = ReceiptClient.create(serviceClient);
    this.sent = new long[inFlight];
  }

  /** Starts the service and the client. */
  public static ClientInMemoryScenario start(String natsUrl, int inFlight) throws Exception {
    Connection serviceConnection = Connections.connect(natsUrl, SERVICE_CONNECTION);
    NatsService service = service(serviceConnection);
    Connection clientConnection = Connections.connect(natsUrl, CLIENT_CONNECTION);
    ServiceClient serviceClient = client(clientConnection);
    return new ClientInMemoryScenario(
        serviceConnection, service, clientConnection, serviceClient, inFlight);
  }

  /**
   * The client, with its default executor. For profiling only, {@code -Dwee.bench.client-executor}
   * swaps it: {@code direct} completes futures on the NATS thread that received the reply,
   * {@code fixed-N} on N threads; the suite never sets it.
   */
  private static ServiceClient client(Connection connection) {
    String executor = System.getProperty("wee.bench.client-executor", "default");
    ServiceClient.Builder builder =
        ServiceClient.builder(ReceiptsService.DESCRIPTOR.name()).connection(connection);
    if (executor.equals("direct")) {
      builder.executor(Runnable::run);
    } else if (executor.startsWith("fixed-")) {
      builder.executor(java.util.concurrent.Executors.newFixedThreadPool(
          Integer.parseInt(executor.substring("fixed-".length())),
          Connections.named("wee-client-fixed")));
    }
    return builder.build();
  }

  /** A receipts service with an empty in-memory store, on {@code connection}. */
  private static NatsService service(Connection connection) throws Exception {
    NatsService service =
        NatsService.builder(ReceiptsService.DESCRIPTOR)
            .connection(connection)
            .withEventStore(new InMemoryEventStore())
            // the receipts handlers never block, so the service opts into running fast endpoints
            // on their dispatcher thread, as a user with such handlers would (the default is the pool)
            .withConcurrency(ConcurrencyConfig.defaults().withInlineBelow(INLINE_BELOW))
            .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
            // the example's service also declares suppliers; it refuses to start without them
            .aggregate(SupplierStub.definition())
            .start();
    connection.flush(Duration.ofSeconds(5));
    return service;
  }

  /**
   * A fresh service and store (the JIT's work stays): the in-memory store keeps every event, so
   * without this a run's figures would depend on how many commands earlier runs had stored.
   */
  @Override
  public void reset() throws Exception {
    service.close();
    service = service(serviceConnection);
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
    service.close();
    serviceConnection.close();
  }
}
