package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.weegigs.events.example.probes.Gate;
import com.weegigs.events.example.probes.ProbeHandlers;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.service.LimitsConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Graceful shutdown with 100 requests in flight: every caller gets a reply, none is left to time out. */
@NatsTest
class ShutdownTest {

  /**
   * With a worker for each of the 100 requests (128 workers): all 100 are received by the
   * service (counted in {@code $SRV.STATS}) and running or waiting their turn (commands for
   * aggregates that share a lock stripe run one after the other) when the shutdown starts.
   */
  @Test
  void everyRequestOnTheWorkerPoolIsAnswered(NatsServer server) throws Exception {
    Connection connection = server.connect();
    Map<String, Integer> outcomes = shutDownWithHundredInFlight(server, connection,
        builder -> builder.withConcurrency(new ConcurrencyConfig(128, 2000).withInlineBelow(Duration.ZERO)),
        () -> TestServices.await(() -> holdRequestsReceived(connection) == 100, "the service received all 100 requests"));
    // each had a worker, so each was running when the shutdown began, and running requests finish
    assertEquals(Map.of("ok", 100), outcomes);
  }

  /**
   * With the default settings every request runs on the worker pool ({@code inlineBelow} is zero):
   * {@value ConcurrencyConfig#DEFAULT_MAX_IN_FLIGHT} run at once, each on a worker (waiting at the
   * gate, or for an earlier command whose aggregate shares its lock stripe), and the other 84 wait
   * in the pool's queue. The shutdown lets the running ones finish and answers the waiting ones
   * {@code UNAVAILABLE} at once.
   */
  @Test
  void everyRequestInFlightIsAnsweredWithTheDefaultSettings(NatsServer server) throws Exception {
    Connection connection = server.connect();
    Map<String, Integer> outcomes = shutDownWithHundredInFlight(server, connection, builder -> builder, () -> {
      TestServices.await(() -> holdRequestsReceived(connection) == 100, "the service received all 100 requests");
      // the endpoint's dispatcher takes requests in order and answers an oversized one itself: once
      // that answer is back, the 100th request has been handed to the worker pool too
      Wire.Reply tooLarge = Wire.request(connection, "probes.command.probe.hold", new byte[LimitsConfig.DEFAULT_MAX_PAYLOAD_BYTES + 1], null);
      assertEquals(ErrorCode.PAYLOAD_TOO_LARGE.name(), tooLarge.code());
    });
    int running = ConcurrencyConfig.DEFAULT_MAX_IN_FLIGHT;
    assertEquals(Map.of("ok", running, ErrorCode.UNAVAILABLE.name(), 100 - running), outcomes);
  }

  /** Runs the scenario; returns how many replies were a success ({@code ok}) and how many each error code. */
  private Map<String, Integer> shutDownWithHundredInFlight(
      NatsServer server, Connection connection, UnaryOperator<NatsService.Builder> configure, InFlight awaitInFlight)
      throws Exception {
    Gate gate = new Gate();
    TestServices.Running service = TestServices.probes(server, new ProbeHandlers(gate), configure);
    List<CompletableFuture<Wire.Reply>> inFlight = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      // one probe each, so the requests do not wait for each other
      inFlight.add(Wire.requestAsync(connection, "probes.command.probe.hold",
          Wire.text(Wire.commandRequest("probe", "p-" + i, Wire.JSON.createObjectNode())).getBytes(StandardCharsets.UTF_8),
          null, Duration.ofSeconds(60)));
    }
    connection.flush(Duration.ofSeconds(10)); // the server has all 100
    gate.awaitArrivals(1);
    awaitInFlight.run();

    CompletableFuture<Void> shutdown = CompletableFuture.runAsync(service::close);
    // once the service stops taking requests, a new one is refused (or finds no responder)
    TestServices.await(() -> !TestServices.takesRequests(connection), "the service stopped taking requests");
    gate.open();
    shutdown.get(60, TimeUnit.SECONDS);

    Map<String, Integer> outcomes = new HashMap<>();
    for (CompletableFuture<Wire.Reply> call : inFlight) {
      Wire.Reply reply = call.get(30, TimeUnit.SECONDS); // a missing reply fails here with a timeout
      String outcome = reply.isError() ? reply.code() : "ok";
      outcomes.merge(outcome, 1, Integer::sum);
    }
    assertEquals(100, outcomes.values().stream().mapToInt(Integer::intValue).sum());
    outcomes.keySet().forEach(outcome -> assertTrue(
        outcome.equals("ok") || outcome.equals(ErrorCode.UNAVAILABLE.name()), () -> "unexpected outcomes " + outcomes));
    assertTrue(outcomes.getOrDefault("ok", 0) >= 1, () -> "the running request did not finish: " + outcomes);
    return outcomes;
  }

  /** Waits until the requests are in flight in the way a test expects. */
  @FunctionalInterface
  private interface InFlight {
    void run() throws Exception;
  }

  /** {@code num_requests} of the hold endpoint in {@code $SRV.STATS.probes}. */
  private static long holdRequestsReceived(Connection connection) {
    JsonNode stats = Wire.request(connection, "$SRV.STATS.probes", "").json();
    for (JsonNode endpoint : stats.path("endpoints")) {
      if (endpoint.path("subject").asText().equals("probes.command.probe.hold")) {
        return endpoint.path("num_requests").asLong();
      }
    }
    throw new AssertionError("no hold endpoint in " + stats);
  }
}
