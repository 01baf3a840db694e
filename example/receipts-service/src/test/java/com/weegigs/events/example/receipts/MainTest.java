package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code serve} stores in JetStream unless told {@code --store memory}; what it stored outlives it. */
@NatsTest
class MainTest {

  @Test
  void serveStoresInJetStreamByDefault() {
    assertEquals(Main.Store.JETSTREAM, Main.storeOption(List.of()));
    assertEquals(Main.Store.JETSTREAM, Main.storeOption(List.of("--store", "jetstream")));
    assertEquals(Main.Store.MEMORY, Main.storeOption(List.of("--store", "memory")));
    assertNull(Main.storeOption(List.of("--store")));
    assertNull(Main.storeOption(List.of("--store", "disk")));
  }

  @Test
  void serveReplicatesTheStoreWhenAsked() {
    assertEquals(new Main.Serve(Main.Store.JETSTREAM, 1), Main.serveOptions(List.of()));
    assertEquals(new Main.Serve(Main.Store.JETSTREAM, 3), Main.serveOptions(List.of("--replicas", "3")));
    assertEquals(new Main.Serve(Main.Store.JETSTREAM, 3), Main.serveOptions(List.of("--replicas", "3", "--store", "jetstream")));
    assertNull(Main.serveOptions(List.of("--replicas", "2")));
    assertNull(Main.serveOptions(List.of("--replicas")));
    assertNull(Main.serveOptions(List.of("--replicas", "3", "--replicas", "3")));
    assertNull(Main.serveOptions(List.of("--store", "memory", "--replicas", "3")));
  }

  @Test
  void demoRunsWholeOrInHalvesOnANamedReceipt() {
    assertEquals(new Main.DemoRun(false, Demo.Part.WHOLE, null), Main.demoOptions(List.of()));
    assertEquals(new Main.DemoRun(true, Demo.Part.WHOLE, null), Main.demoOptions(List.of("--embedded")));
    assertEquals(new Main.DemoRun(false, Demo.Part.BEFORE_RESTART, "till-1 9"),
        Main.demoOptions(List.of("--part", "1", "--receipt", "till-1 9")));
    assertEquals(new Main.DemoRun(false, Demo.Part.AFTER_RESTART, "k"), Main.demoOptions(List.of("--receipt", "k", "--part", "2")));
    assertNull(Main.demoOptions(List.of("--part", "1")));
    assertNull(Main.demoOptions(List.of("--part", "3", "--receipt", "k")));
    assertNull(Main.demoOptions(List.of("--receipt")));
    assertNull(Main.demoOptions(List.of("--loud")));
  }

  @Test
  void theDemoRunsOnJetStreamAndItsEventsOutliveTheService(NatsServer server) throws Exception {
    Connection connection = server.connect();
    NatsService first = Main.startService(server.url(), Main.Store.JETSTREAM);
    try {
      assertTrue(first.eventStore() instanceof JetStreamEventStore);
      ByteArrayOutputStream bytes = new ByteArrayOutputStream();
      try (PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8)) {
        new Demo(connection, out).run();
      }
      String transcript = bytes.toString(StandardCharsets.UTF_8);
      assertTrue(transcript.contains("recorded receipt-finalized final total 3.25"), transcript);
    } finally {
      first.close();
    }
    long stored = connection.jetStreamManagement().getStreamInfo("wee-events-receipts").getStreamState().getMsgCount();
    assertTrue(stored >= 4, () -> "stored " + stored);
    NatsService second = Main.startService(server.url(), Main.Store.JETSTREAM);
    try {
      assertEquals(stored, connection.jetStreamManagement().getStreamInfo("wee-events-receipts").getStreamState().getMsgCount());
    } finally {
      second.close();
    }
  }
}
