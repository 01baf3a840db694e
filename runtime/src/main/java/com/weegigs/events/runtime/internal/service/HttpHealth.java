package com.weegigs.events.runtime.internal.service;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.weegigs.events.runtime.service.HealthCheck.Status;
import com.weegigs.events.runtime.service.HttpHealthConfig;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The HTTP health endpoint on the JDK's built-in server: {@code /health/live} answers while the
 * process does, {@code /health/ready} runs the health checks (200 for ok or degraded, 503 for
 * down, the {@code {service}.health} JSON as its body). Two threads of its own, so a probe never
 * waits for a request worker.
 */
final class HttpHealth {
  private static final byte[] LIVE = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);

  private final HttpServer server;
  private final ExecutorService threads;

  private HttpHealth(HttpServer server, ExecutorService threads) {
    this.server = server;
    this.threads = threads;
  }

  /**
   * Starts listening.
   *
   * @throws IllegalStateException when the address cannot be bound (taken, or not this host's)
   */
  static HttpHealth start(String service, HttpHealthConfig config, Supplier<HealthChecks.Report> ready) {
    HttpServer server;
    try {
      server = HttpServer.create(new InetSocketAddress(config.bindAddress(), config.port()), 0);
    } catch (IOException | RuntimeException e) {
      throw new IllegalStateException("cannot start the HTTP health endpoint of " + service + " on "
          + config.bindAddress() + ":" + config.port() + ": " + e.getMessage(), e);
    }
    AtomicInteger count = new AtomicInteger();
    ExecutorService threads = Executors.newFixedThreadPool(2, runnable -> {
      Thread thread = new Thread(runnable, service + "-http-health-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
    server.setExecutor(threads);
    server.createContext("/health/live", exchange -> answer(exchange, 200, LIVE));
    server.createContext("/health/ready", exchange -> {
      HealthChecks.Report report = ready.get();
      answer(exchange, report.status() == Status.DOWN ? 503 : 200, report.json());
    });
    server.start();
    return new HttpHealth(server, threads);
  }

  private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
    try (exchange) {
      String method = exchange.getRequestMethod();
      boolean head = "HEAD".equals(method);
      if (!head && !"GET".equals(method)) {
        exchange.getResponseHeaders().set("Allow", "GET, HEAD");
        exchange.sendResponseHeaders(405, -1);
        return;
      }
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.getResponseHeaders().set("Cache-Control", "no-store");
      exchange.sendResponseHeaders(status, head ? -1 : body.length);
      if (!head) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(body);
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  /** The port listened on (the free one taken when configured with 0). */
  int port() {
    return server.getAddress().getPort();
  }

  /** Stops listening at once (a probe in progress is cut off) and stops the threads. */
  void stop() {
    server.stop(0);
    threads.shutdownNow();
  }
}
