package com.weegigs.events.example.receipts;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.connection.TlsConfig;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import io.opentelemetry.api.baggage.propagation.W3CBaggagePropagator;
import io.opentelemetry.api.trace.propagation.W3CTraceContextPropagator;
import io.opentelemetry.context.propagation.ContextPropagators;
import io.opentelemetry.context.propagation.TextMapPropagator;
import io.opentelemetry.exporter.logging.LoggingSpanExporter;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;

/**
 * The runnable receipts example: {@code java -jar receipts-example.jar serve|demo}.
 *
 * <ul>
 *   <li>{@code serve}: hosts the receipts service (aggregates {@code receipt} and {@code supplier})
 *       on {@code NATS_URL} (default {@code nats://localhost:4222}) until the process gets SIGTERM
 *       or SIGINT, then shuts down gracefully, storing its events in JetStream (stream
 *       {@code wee-events-receipts}, created when missing; the server needs JetStream). {@code serve
 *       --store memory} keeps them in memory instead, lost when the process ends; {@code serve
 *       --replicas 3} replicates the stream and buckets on a 3-node cluster ({@code NATS_URL} then
 *       lists every node, comma-separated, so the service reconnects to a survivor). Prints a line
 *       containing {@code ready} once the service answers requests.
 *   <li>{@code demo}: a scripted client session against the service on {@code NATS_URL}, printed
 *       as a transcript. {@code demo --embedded} hosts the service in the same process for the
 *       session, so only a NATS server is needed. {@code demo --part 1 --receipt KEY} and
 *       {@code --part 2 --receipt KEY} run the session's two halves on one receipt, so that the
 *       service can be restarted between them.
 *   <li>{@code --trace} after either command: prints every OpenTelemetry span as it ends, on
 *       standard error (see {@link #installConsoleTracing()}).
 *   <li>{@code --secure} after either command: the connection uses TLS, trusting the CA
 *       certificates in the PEM file {@code NATS_CA}, and every command and query carries a JWT
 *       (HS256, the secret in {@code RECEIPTS_JWT_SECRET}; see {@link Secure}). The service
 *       verifies them; the demo calls as a till (role {@code clerk}), is refused the void, and
 *       voids as a manager.
 * </ul>
 */
public final class Main {
  private static final String USAGE = String.join(System.lineSeparator(),
      "usage: java -jar receipts-example.jar <serve [--store jetstream|memory] [--replicas 1|3]"
          + " | demo [--embedded] [--part 1|2] [--receipt KEY]>",
      "  serve              host the receipts service on NATS_URL (default nats://localhost:4222) until SIGTERM,",
      "                     storing its events in JetStream (the server needs -js)",
      "  serve --store memory   the same, keeping the events in memory (lost when the process ends)",
      "  serve --replicas 3     the same, with the stream and buckets replicated on a 3-node cluster",
      "                     (NATS_URL lists the nodes, comma-separated, so the service reconnects to any)",
      "  demo               run a scripted client session against the service on NATS_URL",
      "  demo --embedded    the same, hosting the service in this process for the session",
      "  demo --part 1 --receipt KEY   the session's first half on receipt KEY (two items added and read),",
      "  demo --part 2 --receipt KEY   and its second half (the receipt read again, then the rest): run",
      "                     the halves before and after a restart of the service to see nothing lost",
      "  --trace            (after serve or demo) print every OpenTelemetry span as it ends, on stderr",
      "  --secure           (after serve or demo) TLS trusting the CA in NATS_CA, and a JWT on every request",
      "                     (HS256 with the secret in RECEIPTS_JWT_SECRET, 32+ bytes; void-receipt needs a manager)");

  private Main() {}

  /**
   * Runs {@code serve} or {@code demo}.
   *
   * @param args the command and its options
   */
  public static void main(String[] args) throws Exception {
    List<String> arguments = Arrays.asList(args);
    String command = arguments.isEmpty() ? "" : arguments.get(0);
    List<String> options = new ArrayList<>(arguments.isEmpty() ? List.of() : arguments.subList(1, arguments.size()));
    if (options.remove("--trace")) {
      installConsoleTracing();
    }
    Secure secure = null;
    if (options.remove("--secure")) {
      try {
        secure = Secure.fromEnvironment();
      } catch (IllegalArgumentException e) {
        System.err.println(e.getMessage());
        System.exit(2);
      }
    }
    int status;
    switch (command) {
      case "serve" -> {
        Serve serve = serveOptions(options);
        status = serve == null ? usage() : serve(serve, secure, System.out);
      }
      case "demo" -> {
        DemoRun demo = demoOptions(options);
        status = demo == null ? usage() : demo(natsUrl(), demo, secure, System.out);
      }
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

  /**
   * What {@code serve} was asked for.
   *
   * @param store where the events are kept
   * @param replicas copies of the JetStream stream and buckets: 1, or 3 on a cluster
   */
  record Serve(Store store, int replicas) {}

  /**
   * {@code --secure}: TLS for the NATS connection, and a JWT on every request, HS256 with a shared
   * secret (a demo's choice: an identity provider's JWKS in production, see the root README,
   * "Security"). The service verifies issuer {@value #ISSUER} and audience {@value #AUDIENCE}; the
   * demo mints its tokens with the same secret.
   *
   * @param tls the TLS of every connection (the service's, the demo's)
   * @param secret the HS256 secret, 32 bytes or more
   */
  record Secure(TlsConfig tls, byte[] secret) {
    static final String ISSUER = "wee-events-demo";
    static final String AUDIENCE = "receipts";

    /** @throws IllegalArgumentException when the secret is shorter than 32 bytes */
    Secure {
      if (secret.length < 32) {
        throw new IllegalArgumentException("the JWT secret needs 32 bytes or more, not " + secret.length);
      }
    }

    /**
     * From the environment: {@code NATS_CA} (a PEM file of the CA certificates to trust) and
     * {@code RECEIPTS_JWT_SECRET}.
     *
     * @throws IllegalArgumentException naming what is missing
     */
    static Secure fromEnvironment() {
      String ca = System.getenv("NATS_CA");
      String secret = System.getenv("RECEIPTS_JWT_SECRET");
      List<String> missing = new ArrayList<>();
      if (ca == null || ca.isBlank()) {
        missing.add("NATS_CA (a PEM file of the CA certificates to trust)");
      }
      if (secret == null || secret.isBlank()) {
        missing.add("RECEIPTS_JWT_SECRET (the HS256 secret, 32+ bytes)");
      }
      if (!missing.isEmpty()) {
        throw new IllegalArgumentException("--secure needs " + String.join(" and ", missing));
      }
      return new Secure(TlsConfig.trusting(Path.of(ca)), secret.getBytes(StandardCharsets.UTF_8));
    }

    /** How the service verifies the tokens. */
    AuthenticationConfig authentication() {
      return AuthenticationConfig.hmac(secret, ISSUER, AUDIENCE);
    }

    /** A token of {@code subject} with {@code roles}, valid for five minutes. */
    String token(String subject, String... roles) {
      try {
        SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.HS256), new JWTClaimsSet.Builder()
            .issuer(ISSUER).audience(AUDIENCE).subject(subject)
            .expirationTime(Date.from(Instant.now().plusSeconds(300))).claim("roles", List.of(roles)).build());
        jwt.sign(new MACSigner(secret));
        return jwt.serialize();
      } catch (JOSEException e) {
        throw new IllegalStateException("cannot sign a demo token", e);
      }
    }

    /** The demo's callers: {@code till-1} (role {@code clerk}) and {@code manager-1} (role {@code manager}). */
    Demo.Callers callers() {
      return new Demo.Callers(new Demo.Caller("till-1 (roles: clerk)", () -> token("till-1", "clerk")),
          new Demo.Caller("manager-1 (roles: manager)", () -> token("manager-1", "manager")));
    }

    /** A client connection over TLS; closing the client closes it. */
    ServiceClient connect(String url) {
      return ServiceClient.builder("receipts").url(url).withTls(tls).build();
    }
  }

  /** The store {@code serve}'s options ask for (JetStream when none), or {@code null} when they are not understood. */
  static Store storeOption(List<String> options) {
    Serve serve = serveOptions(options);
    return serve == null ? null : serve.store();
  }

  /**
   * {@code serve}'s options ({@code --store jetstream|memory}, {@code --replicas 1|3}, each at most
   * once, in any order), or {@code null} when they are not understood.
   */
  static Serve serveOptions(List<String> options) {
    Store store = null;
    Integer replicas = null;
    for (int i = 0; i < options.size(); i += 2) {
      String value = i + 1 < options.size() ? options.get(i + 1) : null;
      if (options.get(i).equals("--store") && store == null && value != null) {
        store = switch (value) {
          case "jetstream" -> Store.JETSTREAM;
          case "memory" -> Store.MEMORY;
          default -> null;
        };
        if (store == null) {
          return null;
        }
      } else if (options.get(i).equals("--replicas") && replicas == null && value != null
          && (value.equals("1") || value.equals("3"))) {
        replicas = Integer.valueOf(value);
      } else {
        return null;
      }
    }
    Store chosen = store == null ? Store.JETSTREAM : store;
    if (chosen == Store.MEMORY && replicas != null) {
      return null; // replicas are JetStream's
    }
    return new Serve(chosen, replicas == null ? 1 : replicas);
  }

  /**
   * What {@code demo} was asked for.
   *
   * @param embedded whether to host the service in this process for the session
   * @param part the whole session, or one of its halves
   * @param receipt the receipt to run it on, or {@code null} for a new one
   */
  record DemoRun(boolean embedded, Demo.Part part, String receipt) {}

  /**
   * {@code demo}'s options ({@code --embedded}, {@code --part 1|2} with {@code --receipt KEY}),
   * or {@code null} when they are not understood.
   */
  static DemoRun demoOptions(List<String> options) {
    boolean embedded = false;
    Demo.Part part = Demo.Part.WHOLE;
    String receipt = null;
    for (int i = 0; i < options.size(); i++) {
      String value = i + 1 < options.size() ? options.get(i + 1) : null;
      switch (options.get(i)) {
        case "--embedded" -> embedded = true;
        case "--part" -> {
          part = "1".equals(value) ? Demo.Part.BEFORE_RESTART : "2".equals(value) ? Demo.Part.AFTER_RESTART : null;
          if (part == null) {
            return null;
          }
          i++;
        }
        case "--receipt" -> {
          if (value == null || value.isBlank()) {
            return null;
          }
          receipt = value;
          i++;
        }
        default -> {
          return null;
        }
      }
    }
    // the halves meet on one receipt, so each needs to be told which
    return part != Demo.Part.WHOLE && receipt == null ? null : new DemoRun(embedded, part, receipt);
  }

  /**
   * {@code --trace}: the OpenTelemetry SDK with every span printed as it ends, one line each on
   * standard error ({@code [trace] 'name' : trace-id span-id KIND ... attributes}), so a newcomer
   * sees the spans without running a collector. Registered as the global OpenTelemetry, which the
   * service and the client use when given none, so it must run before either is built. (Here, not
   * in a class of its own: every other file of this package is the domain the processor reads.)
   */
  static void installConsoleTracing() {
    // the logging exporter writes through java.util.logging: one line per span, without JUL's date line
    System.setProperty("java.util.logging.SimpleFormatter.format", "[trace] %5$s%n");
    OpenTelemetrySdk.builder()
        // the simple processor exports each span as it ends, so nothing waits in a buffer at exit
        .setTracerProvider(SdkTracerProvider.builder()
            .addSpanProcessor(SimpleSpanProcessor.create(LoggingSpanExporter.create())).build())
        .setPropagators(ContextPropagators.create(TextMapPropagator.composite(
            W3CTraceContextPropagator.getInstance(), W3CBaggagePropagator.getInstance())))
        .buildAndRegisterGlobal();
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
    return startService(natsUrl, new Serve(store, 1));
  }

  /**
   * Starts the receipts service with the default settings, storing as {@code serve} says.
   *
   * @param natsUrl where NATS is: one URL, or every node of a cluster, comma-separated
   * @param serve where the events are kept, and in how many replicas
   * @return the running service
   */
  static NatsService startService(String natsUrl, Serve serve) {
    return startService(natsUrl, serve, null);
  }

  /**
   * Starts the receipts service with the default settings, storing as {@code serve} says, secured
   * as {@code secure} says.
   *
   * @param natsUrl where NATS is: one URL, or every node of a cluster, comma-separated
   * @param serve where the events are kept, and in how many replicas
   * @param secure TLS and the verification of tokens, or {@code null} for neither
   * @return the running service
   */
  static NatsService startService(String natsUrl, Serve serve, Secure secure) {
    Store store = serve.store();
    NatsService.Builder builder = NatsService.builder(ReceiptsService.DESCRIPTOR)
        .natsUrl(natsUrl)
        .aggregate(ReceiptStub.definition(new ReceiptHandlers()))
        .aggregate(SupplierStub.definition());
    if (secure != null) {
      builder.withTls(secure.tls()).withAuthentication(secure.authentication());
    }
    if (store == Store.JETSTREAM) {
      builder.withEventStore(JetStreamStoreConfig.forService(ReceiptsService.DESCRIPTOR.name()).withReplicas(serve.replicas()));
    }
    return builder.start();
  }

  private static int serve(Serve serve, Secure secure, PrintStream out) throws Exception {
    String url = natsUrl();
    Store store = serve.store();
    NatsService service = startService(url, serve, secure).closeOnShutdown();
    // the health check needs no token, but a secure server needs TLS
    try (ServiceClient probe = secure == null ? null : secure.connect(url)) {
      Connection connection = probe == null ? connect(url) : probe.connection();
      try {
        // "ready" means answering, not merely subscribed: ask the health endpoint like a client would
        if (connection.request("receipts.health", new byte[0], Duration.ofSeconds(10)) == null) {
          throw new IllegalStateException("the service did not answer its health check on " + url);
        }
      } finally {
        if (probe == null) {
          connection.close();
        }
      }
    }
    out.println("receipts " + service.version() + " ready on " + url + " (instance " + service.id() + ", "
        + (store == Store.MEMORY ? "events in memory"
            : serve.replicas() == 1 ? "events in JetStream" : "events in JetStream, " + serve.replicas() + " replicas")
        + (secure == null ? "" : ", TLS, a verified JWT on every request") + "); stop with SIGTERM or Ctrl-C");
    out.flush();
    service.awaitClosed();
    out.println("receipts stopped");
    return 0;
  }

  /**
   * Runs {@code demo}: the session {@code run} asks for against the service on {@code url}
   * (hosted here when {@code run.embedded()}), secured as {@code secure} says.
   *
   * @param secure TLS and the callers' tokens, or {@code null} for neither
   * @return the exit status
   */
  static int demo(String url, DemoRun run, Secure secure, PrintStream out) throws Exception {
    NatsService service = run.embedded() ? startService(url, new Serve(Store.MEMORY, 1), secure) : null;
    ServiceClient secured = secure == null ? null : secure.connect(url);
    Connection connection = secured == null ? connect(url) : secured.connection();
    try {
      Demo demo = new Demo(connection, out, secure == null ? null : secure.callers());
      if (run.receipt() == null) {
        demo.run();
      } else {
        demo.run(run.part(), run.receipt());
      }
      return 0;
    } finally {
      if (secured == null) {
        connection.close();
      } else {
        secured.close();
      }
      if (service != null) {
        service.close();
      }
    }
  }

  private static Connection connect(String url) throws Exception {
    return Nats.connect(new Options.Builder().server(url).connectionTimeout(Duration.ofSeconds(5)).build());
  }
}
