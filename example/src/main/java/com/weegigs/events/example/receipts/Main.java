package com.weegigs.events.example.receipts;

import com.weegigs.events.runtime.NatsService;
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
 *   <li>{@code serve}: hosts the receipts service (aggregates {@code receipt} and {@code supplier},
 *       in-memory store) on {@code NATS_URL} (default {@code nats://localhost:4222}) until the
 *       process gets SIGTERM or SIGINT, then shuts down gracefully. Prints a line containing
 *       {@code ready} once the service answers requests.
 *   <li>{@code demo}: a scripted client session against the service on {@code NATS_URL}, printed
 *       as a transcript. {@code demo --embedded} hosts the service in the same process for the
 *       session, so only a NATS server is needed.
 * </ul>
 */
public final class Main {
  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar receipts-example.jar <serve | demo [--embedded]>",
      "  serve              host the receipts service on NATS_URL (default nats://localhost:4222) until SIGTERM",
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
      case "serve" -> status = options.isEmpty() ? serve(System.out) : usage();
      case "demo" -> status = options.isEmpty() || options.equals(List.of("--embedded"))
          ? demo(options.contains("--embedded"), System.out)
          : usage();
      default -> status = usage();
    }
    if (status != 0) {
      System.exit(status);
    }
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
    return NatsService.builder(ReceiptsService.DESCRIPTOR)
        .natsUrl(natsUrl)
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition())
        .start();
  }

  private static int serve(PrintStream out) throws Exception {
    String url = natsUrl();
    NatsService service = startService(url).closeOnShutdown();
    Connection probe = connect(url);
    try {
      // "ready" means answering, not merely subscribed: ask the health endpoint like a client would
      if (probe.request("receipts.health", new byte[0], Duration.ofSeconds(10)) == null) {
        throw new IllegalStateException("the service did not answer its health check on " + url);
      }
    } finally {
      probe.close();
    }
    out.println("receipts " + service.version() + " ready on " + url + " (instance " + service.id()
        + "); stop with SIGTERM or Ctrl-C");
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
