package com.weegigs.events.example.audit;

import com.weegigs.events.example.receipts.ReceiptClient;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.connection.TlsConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * The runnable audit service, {@code java -jar receipts-audit.jar}: listens to the receipts service's
 * events on {@code NATS_URL} (default {@code nats://localhost:4222}) and prints a line for each (see
 * {@link ReceiptAudit}) until the process gets SIGTERM or SIGINT. Prints a line containing
 * {@code ready} once it is subscribed. When {@code NATS_CA} names a PEM file of CA certificates, the
 * connection uses TLS trusting them (events need no bearer token: they are not requests).
 */
public final class AuditMain {
  private AuditMain() {}

  /**
   * Runs the audit until the process is stopped.
   *
   * @param args none
   */
  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      System.err.println("usage: java -jar receipts-audit.jar   (listens on NATS_URL, default nats://localhost:4222, until SIGTERM;"
          + " with TLS trusting the CA file NATS_CA when set)");
      System.exit(2);
    }
    PrintStream out = System.out;
    String url = NatsService.defaultNatsUrl();
    CountDownLatch stopped = new CountDownLatch(1);
    String ca = System.getenv("NATS_CA");
    Connection connection;
    if (ca == null || ca.isBlank()) {
      connection = Nats.connect(new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5)).build());
    } else {
      // the client opens the connection with TLS; draining that connection below stops it as well
      connection = ServiceClient.builder("receipts").url(url).withTls(TlsConfig.trusting(Path.of(ca))).build().connection();
    }
    ServiceClient service = ServiceClient.create(connection, "receipts");
    ReceiptAudit audit = ReceiptAudit.start(ReceiptClient.create(service), line -> {
      synchronized (out) {
        out.println(line);
        out.flush();
      }
    });
    // Subscribed means the server has the subscriptions: a flush round-trips after them.
    connection.flush(Duration.ofSeconds(5));
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        // Drained, the subscriptions hand the events already delivered to the trail, then the
        // connection closes, and with it the subscriptions and the service client.
        connection.drain(Duration.ofSeconds(5)).get();
      } catch (Exception e) {
        Thread.currentThread().interrupt();
      } finally {
        synchronized (out) {
          out.println(ReceiptAudit.PREFIX + "stopped");
          out.flush();
        }
        stopped.countDown();
      }
    }, "audit-shutdown"));
    synchronized (out) {
      out.println(ReceiptAudit.PREFIX + "ready on " + url + ", listening on " + String.join(", ", audit.subjects()));
      out.flush();
    }
    stopped.await();
  }
}
