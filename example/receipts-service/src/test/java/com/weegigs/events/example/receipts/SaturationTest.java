package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.example.probes.Gate;
import com.weegigs.events.example.probes.Hold;
import com.weegigs.events.example.probes.Poke;
import com.weegigs.events.example.probes.Probe;
import com.weegigs.events.example.probes.ProbeClient;
import com.weegigs.events.example.probes.ProbeHandlers;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.client.CallOptions;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code UNAVAILABLE} (503) on saturation: with one worker and no queue, a request that arrives
 * while a handler runs is refused at once, through the typed client and on the wire, and the
 * service serves again once the worker is free; and at once when no instance listens at all.
 */
@NatsTest
class SaturationTest {

  @Test
  void unavailableWhileTheOnlyWorkerIsBusy(NatsServer server) throws Exception {
    Gate gate = new Gate();
    try (TestServices.Running service = TestServices.probes(server, new ProbeHandlers(gate), TestServices::withOneAtATime)) {
      Connection connection = server.connect();
      ProbeClient client = ProbeClient.create(TestServices.probesClient(connection));
      CompletableFuture<CommandResult<Probe, Object>> holding =
          client.hold("p-503", new Hold(), CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(60)));
      gate.awaitArrivals(1);

      Wire.Reply reply = Wire.request(connection, "probes.command.probe.poke",
          Wire.text(Wire.commandRequest("probe", "p-503", Wire.JSON.createObjectNode())));
      assertTrue(reply.isError(), reply::toString);
      assertEquals(503, reply.errorNumber(), reply::toString);
      assertFalse(reply.errorText().isBlank(), reply::toString);
      assertEquals("UNAVAILABLE", reply.code(), reply::toString);
      assertFalse(reply.message().isBlank(), reply::toString);

      UnavailableException thrown = assertThrows(UnavailableException.class, () -> client.blocking().poke("p-503", new Poke()));
      assertEquals(ErrorCode.UNAVAILABLE, thrown.code());
      assertFalse(thrown.getMessage().isBlank());

      gate.open();
      assertEquals(1, holding.get(30, TimeUnit.SECONDS).entity().revision());
      // the worker is released just after its reply is sent, so the next poke may still meet it busy
      TestServices.await(() -> succeeds(client), "the service serves again");
      // the hold and the last poke, nothing from the refused ones
      assertEquals(2, client.blocking().get("p-503").revision());
      assertFalse(service.service().isClosed(), "saturation does not stop the service");
    }
  }

  /**
   * With the default settings, a handler that was fast for many requests and then blocks holds
   * neither its endpoint nor other aggregates: a second request on the same endpoint runs beside it.
   */
  @Test
  void aHandlerThatStartsToBlockDoesNotHoldItsEndpointWithTheDefaults(NatsServer server) throws Exception {
    int fastRequests = 50;
    Gate gate = new Gate(fastRequests);
    try (TestServices.Running service = TestServices.probes(server, new ProbeHandlers(gate), builder -> builder)) {
      ProbeClient client = ProbeClient.create(TestServices.probesClient(server.connect()));
      for (int i = 0; i < fastRequests; i++) {
        client.blocking().hold("fast-" + i, new Hold());
      }
      CallOptions patient = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(60));
      CompletableFuture<CommandResult<Probe, Object>> first = client.hold("blocked-a", new Hold(), patient);
      gate.awaitArrivals(fastRequests + 1);
      CompletableFuture<CommandResult<Probe, Object>> second = client.hold("blocked-b", new Hold(), patient);
      // fails (after 30 s) when the second request waits behind the first on the endpoint's thread
      gate.awaitArrivals(fastRequests + 2);
      gate.open();
      assertEquals(1, first.get(30, TimeUnit.SECONDS).entity().revision());
      assertEquals(1, second.get(30, TimeUnit.SECONDS).entity().revision());
      assertFalse(service.service().isClosed());
    }
  }

  @Test
  void unavailableAtOnceWhenNoInstanceListens(NatsServer server) {
    ReceiptClient nobody = ReceiptClient.create(ServiceClient.create(server.connect(), "closed-shop"));
    // a long timeout: the failure must come from NATS' no-responders answer, not from waiting it out
    UnavailableException thrown = assertThrows(UnavailableException.class, () -> nobody.blocking().addItem("r-1",
        new AddItem("Tea", BigDecimal.ONE, 1), CallOptions.DEFAULT.withTimeout(Duration.ofMinutes(5))));
    assertEquals(ErrorCode.UNAVAILABLE, thrown.code());
  }

  private static boolean succeeds(ProbeClient client) {
    try {
      client.blocking().poke("p-503", new Poke());
      return true;
    } catch (ServiceException e) {
      if (e.code() != ErrorCode.UNAVAILABLE) {
        throw e;
      }
      return false;
    }
  }
}
