package com.weegigs.events.example.receipts;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.PrintStream;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The runnable receipts example: {@code java -jar receipts-example.jar serve|demo}.
 *
 * <ul>
 *   <li>{@code serve}: hosts the receipts service (aggregates {@code receipt} and {@code supplier})
 *       on {@code NATS_URL} (default {@code nats://localhost:4222}) until the process gets SIGTERM
 *       or SIGINT, then shuts down gracefully, storing its events in JetStream (stream
 *       {@code wee-events-receipts}, created when missing; the server needs JetStream). {@code serve
 *       --store memory} keeps them in memory instead, lost when the process ends. Prints a line
 *       containing {@code ready} once the service answers requests.
 *   <li>{@code demo}: a scripted client session against the service on {@code NATS_URL}, printed
 *       as a transcript. {@code demo --embedded} hosts the service in the same process for the
 *       session, so only a NATS server is needed.
 * </ul>
 */
public final class Main {
  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar receipts-example.jar <serve [--store jetstream|memory] | demo [--embedded]>",
      "  serve              host the receipts service on NATS_URL (default nats://localhost:4222) until SIGTERM,",
      "                     storing its events in JetStream (the server needs -js)",
      "  serve --store memory   the same, keeping the events in memory (lost when the process ends)",
      "  demo               run a scripted client session against the service on NATS_URL",
      "  demo --embedded    the same, hosting the service in this process for the session");

  private Main() {}

  /**
   * Runs {@code serve} or {@code demo}.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    String command = arguments.isEmpty() ? "" : arguments.get(0);
    List<String> options = arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size());
    int status;
    switch (command) {
      case "serve" -> {
        Store store = storeOption(options);
        status = store == null ? usage() : serve(store, System.out);
      }
      case "demo" -> status = options.isEmpty() || options.equals(List.of("--embedded"))
          ? demo(options.contains("--embedded"), System.out)
          : usage();
      default -> status = usage();
    }
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Where {@code serve} keeps the events. */
  enum Store {
    /** In JetStream: durable, shared by every instance. */
    JETSTREAM,
    /** In this process's memory. */
    MEMORY
  }

  /** The store {@code serve}'s options ask for (JetStream when none), or {@code null} when they are not understood. */
  static Store storeOption(List<String> options) {
    if (options.isEmpty()) {
      return Store.JETSTREAM;
    }
    if (options.size() == 2 && options.get(0).equals("--store")) {
      return switch (options.get(1)) {
        case "jetstream" -> Store.JETSTREAM;
        case "memory" -> Store.MEMORY;
        default -> null;
      };
    }
    return null;
  }

  private static int usage() {
    System.err.println(USAGE);
    return 2;
  }

  /** Where NATS is: {@code NATS_URL}, else {@code nats://localhost:4222}. */
  static String natsUrl() {
    return NatsService.defaultNatsUrl();
  }

  /**
   * Starts the receipts service: both aggregates, the in-memory store and the default settings
   * (queue group {@code q}, 16 workers).
   *
   * @param natsUrl where NATS is
   * @return the running service
   */
  static NatsService startService(String natsUrl) {
    return startService(natsUrl, Store.MEMORY);
  }

  /**
   * Starts the receipts service with the default settings, storing in {@code store}.
   *
   * @param natsUrl where NATS is
   * @param store where the events are kept
   * @return the running service
   */
  static NatsService startService(String natsUrl, Store store) {
    NatsService.Builder builder = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .natsUrl(natsUrl)
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition());
    if (store == Store.JETSTREAM) {
      builder.withEventStore(JetStreamStoreConfig.forService(ReceiptsService.DESCRIPTOR.name()));
    }
    return builder.start();
  }

  private static int serve(Store store, PrintStream out) throws Exception {
    String url = natsUrl();
    NatsService service = startService(url, store).closeOnShutdown();
    Connection probe = connect(url);
    try {
      // "ready" means answering, not merely subscribed: ask the health endpoint like a client would
      if (probe.request("receipts.health", new byte[0], Duration.ofSeconds(10)) == null) {
        throw new IllegalStateException("the service did not answer its health check on " + url);
      }
    } finally {
      probe.close();
    }
    out.println("receipts " + service.version() + " ready on " + url + " (instance " + service.id() + ", "
        + (store == Store.JETSTREAM ? "events in JetStream" : "events in memory") + "); stop with SIGTERM or Ctrl-C");
    out.flush();
    service.awaitClosed();
    out.println("receipts stopped");
    return 0;
  }

  private static int demo(boolean embedded, PrintStream out) throws Exception {
    String url = natsUrl();
    NatsService service = embedded ? startService(url) : null;
    Connection connection = connect(url);
    try {
      new Demo(connection, out).run();
      return 0;
    } finally {
      connection.close();
      if (service != null) {
        service.close();
      }
    }
  }

  private static Connection connect(String url) throws Exception {
    return Nats.connect(new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5)).build());
  }
}
