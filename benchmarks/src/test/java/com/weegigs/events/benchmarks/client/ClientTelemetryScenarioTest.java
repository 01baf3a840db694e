package com.weegigs.events.benchmarks.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.benchmarks.Main;
import com.weegigs.events.benchmarks.client.ClientScenario.Store;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.opentelemetry.sdk.trace.samplers.Sampler;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code client-inmem-otel-off}, {@code client-inmem-otel-all} and {@code client-inmem-otel-request}:
 * the receipts service and client with an OpenTelemetry SDK that samples nothing, and with one that
 * samples everything (a span per step, or one per request), watched
 * from a plain connection; and the {@code client-*} scenarios leaving their shared subjects to the
 * one being measured.
 */
@NatsTest
class ClientTelemetryScenarioTest {
  private static final String COMMANDS = "receipts.command.receipt.add-item";
  private static final String EVENTS = "receipts.events.receipt.item-added";
  private static final Duration WAIT = Duration.ofSeconds(5);
  /** The client's call, the service's handling and its validate, load, handle, append and publish. */
  private static final int SPANS_PER_COMMAND = 7;
  /** The client's call and the service's handling, with {@code SpanDetail.REQUEST}. */
  private static final int REQUEST_SPANS_PER_COMMAND = 2;

  @Test
  void theScenarioNamesChooseTheirTelemetry() {
    assertEquals(ClientTelemetry.PLAIN, ClientTelemetry.of("client-inmem"));
    assertEquals(ClientTelemetry.SAMPLING_OFF, ClientTelemetry.of("client-inmem-otel-off"));
    assertEquals(ClientTelemetry.SAMPLING_ALL, ClientTelemetry.of("client-inmem-otel-all"));
    assertEquals(ClientTelemetry.SAMPLING_ALL_REQUEST_SPANS, ClientTelemetry.of("client-inmem-otel-request"));
    assertThrows(IllegalArgumentException.class, () -> ClientTelemetry.of("client-js"));
    assertTrue(Main.REQUEST_SCENARIOS.containsAll(java.util.List.of(
        "client-inmem", "client-inmem-otel-off", "client-inmem-otel-all", "client-inmem-otel-request")));
  }

  @Test
  void withAnSdkThatSamplesNothingNoMessageCarriesATrace(NatsServer server) throws Exception {
    try (Connection watcher = Nats.connect(server.url());
        ClientScenario target = ClientScenario.start(Store.IN_MEMORY, ClientTelemetry.SAMPLING_OFF, server.url(), 1)) {
      Subscription commands = watcher.subscribe(COMMANDS);
      Subscription events = watcher.subscribe(EVENTS);
      watcher.flush(WAIT);

      assertEquals(1, target.send(0).get(10, TimeUnit.SECONDS).entity().revision());

      assertNull(traceparent(commands.nextMessage(WAIT)), "the command");
      assertNull(traceparent(events.nextMessage(WAIT)), "the event");
      // an SDK is installed, and it samples nothing
      assertEquals(Sampler.alwaysOff(), target.telemetry().sdk().getSdkTracerProvider().getSampler());
    }
  }

  @Test
  void withAnSdkThatSamplesEverythingTheTraceTravelsAndEverySpanIsExported(NatsServer server) throws Exception {
    assertEquals(SPANS_PER_COMMAND * 3, sampleEverything(server, ClientTelemetry.SAMPLING_ALL, 3));
  }

  @Test
  void withOneSpanPerRequestTheTraceTravelsWithTwoSpansPerCommand(NatsServer server) throws Exception {
    assertEquals(REQUEST_SPANS_PER_COMMAND * 3, sampleEverything(server, ClientTelemetry.SAMPLING_ALL_REQUEST_SPANS, 3));
  }

  /**
   * Sends {@code commandsSent} commands with {@code kind}'s SDK, checks that each command and its
   * event carry one sampled trace, and answers how many spans were exported.
   */
  private static long sampleEverything(NatsServer server, ClientTelemetry kind, int commandsSent) throws Exception {
    ClientTelemetry.Installed telemetry;
    try (Connection watcher = Nats.connect(server.url());
        ClientScenario target = ClientScenario.start(Store.IN_MEMORY, kind, server.url(), 1)) {
      telemetry = target.telemetry();
      Subscription commands = watcher.subscribe(COMMANDS);
      Subscription events = watcher.subscribe(EVENTS);
      watcher.flush(WAIT);

      for (int revision = 1; revision <= commandsSent; revision++) {
        assertEquals(revision, target.send(0).get(10, TimeUnit.SECONDS).entity().revision());
      }

      for (int i = 0; i < commandsSent; i++) {
        String command = traceparent(commands.nextMessage(WAIT));
        String event = traceparent(events.nextMessage(WAIT));
        assertNotNull(command, "the command");
        assertTrue(sampled(command), command);
        assertNotNull(event, "the event");
        assertEquals(command.substring(0, 35), event.substring(0, 35), "the event is in the command's trace");
      }
    }
    // closing drained the service and shut the SDK down, which exported every finished span
    return telemetry.spans().exported();
  }

  @Test
  void anIdleScenarioLeavesTheServicesSubjectsToTheOneMeasured(NatsServer server) throws Exception {
    ClientTelemetry.Installed sampled;
    try (ClientScenario plain = ClientScenario.start(server.url(), 1);
        ClientScenario all = ClientScenario.start(Store.IN_MEMORY, ClientTelemetry.SAMPLING_ALL, server.url(), 1)) {
      sampled = all.telemetry();
      plain.idle();
      all.idle();
      assertThrows(ExecutionException.class, () -> plain.send(0).get(10, TimeUnit.SECONDS),
          "no service answers while both are idle");

      all.reset();
      for (int revision = 1; revision <= 2; revision++) {
        assertEquals(revision, plain.send(0).get(10, TimeUnit.SECONDS).entity().revision());
      }
    }
    // the plain client's commands were handled by the sampled service, which made spans of them
    assertTrue(sampled.spans().exported() > 0, "spans: " + sampled.spans().exported());
  }

  /** Whether a {@code traceparent}'s flags (its last two hex digits) have the sampled bit. */
  private static boolean sampled(String traceparent) {
    return (Integer.parseInt(traceparent.substring(traceparent.length() - 2), 16) & 1) == 1;
  }

  private static String traceparent(Message message) {
    return message.hasHeaders() ? message.getHeaders().getFirst("traceparent") : null;
  }
}
