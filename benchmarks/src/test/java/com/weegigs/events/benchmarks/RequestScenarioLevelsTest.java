package com.weegigs.events.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/** One JVM, one warm-up, several in-flight levels: one result per level, in the order asked. */
@NatsTest
class RequestScenarioLevelsTest {

  @Test
  void aScenarioGivenSeveralLevelsMeasuresEachInTurn(NatsServer server) throws Exception {
    for (String scenario : Main.REQUEST_SCENARIOS) {
      List<LoadResult> results = Main.runRequestScenario(RunOptions.parse(new String[] {
          scenario, "--nats-url", server.url(), "--in-flight", "4,1", "--warmup", "0.3",
          "--settle", "0.1", "--seconds", "0.3"}));

      assertEquals(List.of(4, 1), results.stream().map(LoadResult::inFlight).toList(), scenario);
      for (LoadResult result : results) {
        assertEquals(0, result.errors(), scenario + " " + result.resultLine());
        assertTrue(result.operations() > 0, scenario + " " + result.resultLine());
        assertTrue(result.p50Micros() > 0, scenario + " " + result.resultLine());
      }
    }
  }

  @Test
  void scenariosRunningAtOnceAnswerOnlyTheirOwnRequests(NatsServer server) throws Exception {
    // the suite keeps every scenario's JVM up at once: a responder answering another scenario's
    // requests would show as that scenario's errors (a reply of the wrong shape); the client-*
    // scenarios share the receipts service's subjects, and each answers them only between its
    // reset and its idle, as the suite runs them
    List<RequestTarget<?>> targets = new java.util.ArrayList<>();
    try {
      for (String scenario : Main.REQUEST_SCENARIOS) {
        RequestTarget<?> target = Main.start(scenario, server.url(), 4);
        target.idle();
        targets.add(target);
      }
      for (int i = 0; i < targets.size(); i++) {
        targets.get(i).reset();
        LoadResult result = new ClosedLoopDriver<>(targets.get(i), 4).run(Main.REQUEST_SCENARIOS.get(i),
            java.time.Duration.ZERO, java.time.Duration.ofMillis(300), 1_000_000, java.time.Duration.ofSeconds(10));
        targets.get(i).idle();
        assertEquals(0, result.errors(), result.resultLine());
        assertTrue(result.operations() > 0, result.resultLine());
      }
    } finally {
      for (RequestTarget<?> target : targets) {
        target.close();
      }
    }
  }

  @Test
  void clientInMemoryStartsEachRunWithAnEmptyStore(NatsServer server) throws Exception {
    try (com.weegigs.events.benchmarks.client.ClientScenario target =
        com.weegigs.events.benchmarks.client.ClientScenario.start(server.url(), 1)) {
      // the first commands of loop 0 all go to one receipt
      assertEquals(1, target.send(0).get(10, java.util.concurrent.TimeUnit.SECONDS).entity().revision());
      assertEquals(2, target.send(0).get(10, java.util.concurrent.TimeUnit.SECONDS).entity().revision());
      target.reset();
      assertEquals(1, target.send(0).get(10, java.util.concurrent.TimeUnit.SECONDS).entity().revision(),
          "after a reset the same receipt starts again");
    }
  }

  @Test
  void rawRrTracedCarriesOneTraceparentOnTheRequestAndTheSameOnTheReply(NatsServer server) throws Exception {
    try (io.nats.client.Connection watcher = io.nats.client.Nats.connect(server.url());
        RequestTarget<io.nats.client.Message> target =
            com.weegigs.events.benchmarks.raw.RawRequestReplyScenario.startTraced(server.url(), 1)) {
      // a plain subscriber (no queue group) sees every request beside the responder
      io.nats.client.Subscription requests = watcher.subscribe("raw-rr-traced.command.receipt.add-item");
      watcher.flush(java.time.Duration.ofSeconds(5));

      io.nats.client.Message reply = target.send(0).get(10, java.util.concurrent.TimeUnit.SECONDS);
      io.nats.client.Message request = requests.nextMessage(java.time.Duration.ofSeconds(5));

      assertEquals(java.util.Set.of("traceparent"), request.getHeaders().keySet());
      String traceparent = request.getHeaders().getFirst("traceparent");
      assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), traceparent);
      assertEquals(java.util.Set.of("traceparent"), reply.getHeaders().keySet());
      assertEquals(traceparent, reply.getHeaders().getFirst("traceparent"));
      assertEquals(false, target.failed(reply));
    }
  }

  @Test
  void theWarmUpRunsAt64InFlightOrTheLargestLevelBelowIt() {
    assertEquals(64, Main.warmupLevel(List.of(1, 16, 64, 256)));
    assertEquals(16, Main.warmupLevel(List.of(256, 16, 1)));
    assertEquals(128, Main.warmupLevel(List.of(256, 128)));
    assertEquals(4, Main.warmupLevel(List.of(4)));
  }

  @Test
  void levelsAreReadAsACommaSeparatedList() {
    RunOptions options = RunOptions.parse(new String[] {"raw-rr", "--in-flight", "1, 16,64"});
    assertEquals(List.of(1, 16, 64), options.integers("in-flight", List.of()));
    assertEquals(List.of(7), RunOptions.parse(new String[] {"raw-rr"}).integers("in-flight", List.of(7)));
    assertThrows(NumberFormatException.class,
        () -> RunOptions.parse(new String[] {"raw-rr", "--in-flight", "1,x"}).integers("in-flight", List.of()));
  }
}
