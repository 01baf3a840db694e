package com.weegigs.events.example.audit;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.EventSubscription;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.client.SubscriptionGroup;
import com.weegigs.events.runtime.connection.TlsConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;

/**
 * The runnable audit service, {@code java -jar receipts-audit.jar}: reads the receipts service's
 * stored events on {@code NATS_URL} (default {@code nats://localhost:4222}) as the durable subscriber
 * {@value ReceiptAudit#DURABLE} and prints a line for each (see {@link ReceiptAudit}) until the
 * process gets SIGTERM or SIGINT; started again, it goes on where it stopped. Prints a line
 * containing {@code ready} once it is subscribed. The receipts service must have run on JetStream
 * there first (it creates the stream the events are stored in); otherwise the audit says so and exits.
 * When {@code NATS_CA} names a PEM file of CA certificates, the connection uses TLS trusting them
 * (events need no bearer token: they are not requests).
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
    SubscriptionGroup subscriptions;
    try {
      subscriptions = ReceiptAuditSubscriptions.subscribe(service, new ReceiptAudit(line -> {
        synchronized (out) {
          out.println(line);
          out.flush();
        }
      }));
    } catch (IllegalStateException e) {
      // no stream yet (the service has not run on JetStream here), or no JetStream at all
      System.err.println(ReceiptAudit.PREFIX + "cannot subscribe: " + e.getMessage());
      connection.close();
      System.exit(1);
      return;
    }
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        // Closed, the subscriber finishes and acknowledges the event in hand and pulls no more, so a
        // restart goes on after the last line written; then the connection closes.
        subscriptions.close();
        connection.close();
      } catch (InterruptedException e) {
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
      out.println(ReceiptAudit.PREFIX + "ready on " + url + ", listening on " + subscriptions.subscriptions().stream()
          .map(EventSubscription::subject).collect(Collectors.joining(", ")) + " (durable " + ReceiptAudit.DURABLE + ")");
      out.flush();
    }
    stopped.await();
  }
}
