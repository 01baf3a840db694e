package com.weegigs.events.benchmarks.client;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.Medians;
import com.weegigs.events.benchmarks.RunOptions;
import com.weegigs.events.example.receipts.AddItem;
import com.weegigs.events.example.receipts.ReceiptClient;
import com.weegigs.events.example.receipts.ReceiptHandlers;
import com.weegigs.events.example.receipts.ReceiptStub;
import com.weegigs.events.example.receipts.ReceiptsService;
import com.weegigs.events.example.receipts.SupplierStub;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.service.StateCacheConfig;
import io.nats.client.Connection;
import io.nats.client.KeyValue;
import io.nats.client.api.KeyValueEntry;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * {@code js-state}: what the receipts service on the JetStream store ({@link
 * ClientScenario#JET_STREAM_CONFIG}, every default: a snapshot every 100 events) costs to load an
 * aggregate cold, and what it keeps on the heap per aggregate.
 *
 * <ul>
 *   <li><b>Cold load.</b> One receipt with {@value #LONG} events (its snapshot at revision 1,000 in
 *       the bucket) and one with {@value #SHORT}. Each repeat starts a fresh service instance (an
 *       empty state cache, a store that knows nothing) and sends one {@code get} of one receipt, for
 *       each receipt in turn (the order alternating). The figure is the service's own
 *       {@code rehydrationNanos} for that load (snapshot, events after it, fold), read from
 *       {@code receipts.stats}; the {@code get}'s round trip, which adds the reply (a receipt of
 *       1,000 items is about 70 KB), is kept beside it. Medians over the repeats, after unrecorded
 *       warm-up repeats.
 *   <li><b>Memory per aggregate.</b> A fresh service, then 5 {@code add-item} to each of
 *       {@code --aggregates} fresh receipts (64 in flight, the receipts of the suite's load), and the
 *       heap after a full collection against the heap before, per receipt: once with the default state
 *       cache and once with none. The first is what the service keeps per aggregate (the cached state
 *       and the store's bookkeeping: its position of each aggregate and its memory of up to 10,000
 *       recent outcomes, the same either way), the difference what one cached state costs.
 * </ul>
 */
public final class JetStreamState {
  /** Events in the receipt whose load uses a snapshot. */
  static final int LONG = 1000;
  /** Events in the short receipt. */
  static final int SHORT = 10;
  static final String LONG_KEY = "cold-" + LONG;
  static final String SHORT_KEY = "cold-" + SHORT;
  private static final String SERVICE = ReceiptsService.DESCRIPTOR.name();
  private static final int IN_FLIGHT = 64;
  private static final AddItem COFFEE = new AddItem("Coffee", new BigDecimal("4.50"), 2);
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final ObjectMapper JSON = new ObjectMapper();

  private JetStreamState() {}

  /**
   * What {@code js-state} measured.
   *
   * @param longLoadMicros median load of the receipt with 1,000 events, in the service (µs)
   * @param shortLoadMicros median load of the receipt with 10 events, in the service (µs)
   * @param longQueryMicros median round trip of the {@code get} of the receipt with 1,000 events (µs)
   * @param shortQueryMicros median round trip of the {@code get} of the receipt with 10 events (µs)
   * @param aggregates receipts written for the memory figures
   * @param serviceBytesPerAggregate heap the service keeps per aggregate with the default state cache
   * @param uncachedBytesPerAggregate the same with no state cache
   */
  public record Result(double longLoadMicros, double shortLoadMicros, double longQueryMicros,
      double shortQueryMicros, int aggregates, double serviceBytesPerAggregate, double uncachedBytesPerAggregate) {

    /** The {@code RESULT} line. */
    public String resultLine() {
      return String.format(Locale.ROOT,
          "RESULT scenario=js-state cold_load_long_us=%.1f cold_load_short_us=%.1f cold_load_ratio=%.3f"
              + " cold_query_long_us=%.1f cold_query_short_us=%.1f cold_query_ratio=%.3f aggregates=%d"
              + " service_bytes_per_aggregate=%.0f uncached_bytes_per_aggregate=%.0f cache_bytes_per_aggregate=%.0f",
          longLoadMicros, shortLoadMicros, longLoadMicros / shortLoadMicros,
          longQueryMicros, shortQueryMicros, longQueryMicros / shortQueryMicros, aggregates,
          serviceBytesPerAggregate, uncachedBytesPerAggregate, serviceBytesPerAggregate - uncachedBytesPerAggregate);
    }
  }

  /** Runs both measurements; {@code --quick} takes fewer repeats and receipts. */
  public static Result run(RunOptions options) throws Exception {
    String url = options.required("nats-url");
    boolean quick = options.flag("quick");
    int repeats = options.integer("repeats", quick ? 3 : 9);
    int warmups = quick ? 2 : 5;
    int aggregates = options.integer("aggregates", quick ? 500 : 2000);
    try (Connection serviceConnection = Connections.connect(url, ClientScenario.SERVICE_CONNECTION);
        Connection clientConnection = Connections.connect(url, ClientScenario.CLIENT_CONNECTION);
        ServiceClient serviceClient = ServiceClient.builder(SERVICE).connection(clientConnection).build()) {
      ReceiptClient receipts = ReceiptClient.create(serviceClient);
      JetStreamStreams.delete(serviceConnection, ClientScenario.JET_STREAM_CONFIG);

      try (NatsService service = service(serviceConnection, StateCacheConfig.defaults())) {
        write(receipts, LONG_KEY, LONG);
        write(receipts, SHORT_KEY, SHORT);
      }
      awaitSnapshot(clientConnection, LONG_KEY, LONG);
      List<Double> longLoads = new ArrayList<>();
      List<Double> shortLoads = new ArrayList<>();
      List<Double> longQueries = new ArrayList<>();
      List<Double> shortQueries = new ArrayList<>();
      for (int r = 0; r < warmups + repeats; r++) {
        boolean recorded = r >= warmups;
        for (int i = 0; i < 2; i++) {
          boolean isLong = (i == 0) == (r % 2 == 0);
          double[] load = coldLoad(serviceConnection, clientConnection, receipts,
              isLong ? LONG_KEY : SHORT_KEY, isLong ? LONG : SHORT);
          if (recorded) {
            (isLong ? longLoads : shortLoads).add(load[0]);
            (isLong ? longQueries : shortQueries).add(load[1]);
          }
        }
      }
      double cached = bytesPerAggregate(serviceConnection, receipts, StateCacheConfig.defaults(), "m", aggregates);
      double uncached = bytesPerAggregate(serviceConnection, receipts, new StateCacheConfig(0), "u", aggregates);
      return new Result(Medians.median(longLoads), Medians.median(shortLoads), Medians.median(longQueries),
          Medians.median(shortQueries), aggregates, cached, uncached);
    }
  }

  /** The receipts service on the JetStream store, with {@code cache}; the default concurrency. */
  static NatsService service(Connection connection, StateCacheConfig cache) throws Exception {
    NatsService service = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .connection(connection)
        .withEventStore(ClientScenario.JET_STREAM_CONFIG)
        .withStateCache(cache)
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition())
        .start();
    connection.flush(Duration.ofSeconds(5));
    return service;
  }

  /** {@code events} {@code add-item} commands to {@code key}, 16 at a time. */
  static void write(ReceiptClient receipts, String key, int events) throws Exception {
    List<CompletableFuture<?>> window = new ArrayList<>();
    for (int i = 0; i < events; i++) {
      window.add(receipts.addItem(key, COFFEE));
      if (window.size() == 16 || i == events - 1) {
        CompletableFuture.allOf(window.toArray(CompletableFuture[]::new)).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        window.clear();
      }
    }
  }

  /**
   * Waits until the snapshots bucket holds {@code key}'s snapshot at {@code revision}: the service
   * writes it without waiting, and a cold load before it is there would read every event.
   */
  static void awaitSnapshot(Connection connection, String key, long revision) throws Exception {
    KeyValue bucket = connection.keyValue(ClientScenario.JET_STREAM_CONFIG.snapshotsBucket());
    long deadline = System.nanoTime() + TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      KeyValueEntry entry = bucket.get("receipt." + key);
      if (entry != null && entry.getValue() != null
          && JSON.readTree(entry.getValue()).path("revision").asLong() == revision) {
        return;
      }
      Thread.sleep(20);
    }
    throw new IOException("no snapshot of " + key + " at revision " + revision + " within " + TIMEOUT.toSeconds() + " s");
  }

  /**
   * One {@code get} of {@code key} on a fresh service instance: the service's time to load it
   * ({@code rehydrationNanos}) and the request's round trip, both in µs.
   */
  private static double[] coldLoad(Connection serviceConnection, Connection clientConnection, ReceiptClient receipts,
      String key, long revision) throws Exception {
    try (NatsService service = service(serviceConnection, StateCacheConfig.defaults())) {
      long started = System.nanoTime();
      long got = receipts.get(key).get(TIMEOUT.toSeconds(), TimeUnit.SECONDS).revision();
      long roundTrip = System.nanoTime() - started;
      if (got != revision) {
        throw new IllegalStateException(key + " is at revision " + got + ", not " + revision);
      }
      ServiceStats stats = ServiceStats.read(clientConnection, SERVICE, "receipt");
      if (stats.rehydrations() != 1) {
        throw new IllegalStateException("a cold get of " + key + " rehydrated " + stats.rehydrations() + " times");
      }
      return new double[] {stats.rehydrationNanos() / 1e3, roundTrip / 1e3};
    }
  }

  /**
   * Heap kept per aggregate by a fresh service with {@code cache} after 5 {@code add-item} to each
   * of {@code aggregates} fresh receipts ({@code prefix-N}), 64 in flight.
   */
  private static double bytesPerAggregate(Connection serviceConnection, ReceiptClient receipts, StateCacheConfig cache,
      String prefix, int aggregates) throws Exception {
    try (NatsService service = service(serviceConnection, cache)) {
      // the code paths warm and the connection's buffers grown before the first figure
      write(receipts, prefix + "-warm", 5);
      long before = ThreadAllocation.heapAfterGc();
      Semaphore inFlight = new Semaphore(IN_FLIGHT);
      List<Throwable> failures = new ArrayList<>();
      for (int round = 0; round < ClientScenario.COMMANDS_PER_RECEIPT; round++) {
        for (int i = 0; i < aggregates; i++) {
          inFlight.acquire();
          receipts.addItem(prefix + "-" + i, COFFEE).whenComplete((result, failure) -> {
            if (failure != null) {
              synchronized (failures) {
                failures.add(failure);
              }
            }
            inFlight.release();
          });
        }
      }
      if (!inFlight.tryAcquire(IN_FLIGHT, TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        throw new IOException("the last commands did not complete within " + TIMEOUT.toSeconds() + " s");
      }
      if (!failures.isEmpty()) {
        throw new IOException(failures.size() + " commands failed, the first: " + failures.get(0));
      }
      long after = ThreadAllocation.heapAfterGc();
      return (double) (after - before) / aggregates;
    }
  }
}
