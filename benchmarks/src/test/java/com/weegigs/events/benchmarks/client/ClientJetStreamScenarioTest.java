package com.weegigs.events.benchmarks.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.benchmarks.client.ClientScenario.Store;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.JetStreamManagement;
import io.nats.client.Nats;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * {@code client-js}: the receipts service storing in JetStream with the store's defaults, its
 * state cache counted from {@code receipts.stats}, and an empty store and a fresh service for each
 * run.
 */
@NatsTest
class ClientJetStreamScenarioTest {

  @Test
  void commandsAreStoredInTheServicesStreamAndTheCacheIsCounted(NatsServer server) throws Exception {
    try (Connection reader = Nats.connect(server.url());
        ClientScenario target = ClientScenario.start(Store.JET_STREAM, server.url(), 1)) {
      for (int revision = 1; revision <= 3; revision++) {
        assertEquals(revision, target.send(0).get(10, TimeUnit.SECONDS).entity().revision());
      }

      JetStreamManagement jsm = reader.jetStreamManagement();
      assertEquals(3, jsm.getStreamInfo(ClientScenario.JET_STREAM_CONFIG.streamName()).getStreamState().getMsgCount());
      assertEquals("wee-store.receipts.receipt.r-0-0",
          jsm.getLastMessage(ClientScenario.JET_STREAM_CONFIG.streamName(), "wee-store.receipts.receipt.r-0-0")
              .getSubject());
      // the new receipt misses the cache, the next two commands find it there
      assertEquals(Map.of("cache_hits", "2", "cache_misses", "1", "cache_hit_rate", "0.6667"), target.figures());
    }
  }

  @Test
  void eachRunStartsWithAnEmptyStoreAndZeroCounts(NatsServer server) throws Exception {
    try (Connection reader = Nats.connect(server.url());
        ClientScenario target = ClientScenario.start(Store.JET_STREAM, server.url(), 1)) {
      target.send(0).get(10, TimeUnit.SECONDS);
      target.send(0).get(10, TimeUnit.SECONDS);
      target.reset();

      assertEquals(0, reader.jetStreamManagement().getStreamInfo(ClientScenario.JET_STREAM_CONFIG.streamName())
          .getStreamState().getMsgCount());
      assertEquals("0", target.figures().get("cache_hits"));
      assertEquals(1, target.send(0).get(10, TimeUnit.SECONDS).entity().revision(),
          "after a reset the same receipt starts again");
    }
  }

  @Test
  void theInMemoryScenarioAddsNoFigures(NatsServer server) throws Exception {
    try (ClientScenario target = ClientScenario.start(server.url(), 1)) {
      target.send(0).get(10, TimeUnit.SECONDS);
      assertEquals(Map.of(), target.figures());
    }
  }
}
