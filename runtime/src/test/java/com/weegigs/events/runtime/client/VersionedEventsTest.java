package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Notes;
import com.weegigs.events.runtime.fixtures.Notes.Titled;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Events stored by older code, as its bytes, are read as the current record: from the in-memory store,
 * and from a live subscription on a real nats-server. {@code titled} is at version 3; its version-1
 * data is upcast by a record step and then a JSON step.
 */
@NatsTest
class VersionedEventsTest {
  private static final AggregateId ID = new AggregateId("note", "n-1");

  /** A version-1 {@code titled} event, byte for byte as code that knew only version 1 wrote it. */
  private static byte[] version1(long revision, String title) {
    return ("{\"id\":\"e-" + revision + "\",\"aggregate\":{\"type\":\"note\",\"key\":\"n-1\"},\"type\":\"titled\",\"revision\":"
        + revision + ",\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{\"title\":\"" + title + "\"},\"metadata\":{}}")
        .getBytes(StandardCharsets.UTF_8);
  }

  private static RecordedEvent<Titled> current(long revision, Titled data) {
    return new RecordedEvent<>("e-" + revision, ID, "titled", revision, Instant.parse("2026-11-27T10:00:00Z"), data,
        new EventMetadata(null, null, null));
  }

  @Test
  void theInMemoryStoreReadsStoredVersion1EventsAsTheCurrentRecord() {
    InMemoryEventStore store = new InMemoryEventStore();
    // The objects handed over stand for what the old code appended; the store keeps and reads its bytes.
    store.append(Notes.NOTE, ID, 0, "m1", List.of(current(1, new Titled("ignored", 0))), new byte[][] {version1(1, "groceries")});
    store.append(Notes.NOTE, ID, 1, "m2", List.of(current(2, new Titled("chores", 4))));

    assertEquals(List.of(current(1, new Titled("groceries", 1)), current(2, new Titled("chores", 4))), store.load(Notes.NOTE, ID, 0));
  }

  @Test
  void aLiveSubscriptionReadsAPublishedVersion1EventAsTheCurrentRecord(NatsServer server) throws Exception {
    Connection publisher = server.connect();
    try (ServiceClient client = ServiceClient.create(server.connect(), "notes")) {
      BlockingQueue<RecordedEvent<Titled>> received = new LinkedBlockingQueue<>();
      new AggregateClient<>(client, Notes.NOTE).subscribe(Notes.TITLED, received::add);

      publisher.publish("notes.events.note.titled", version1(1, "groceries"));

      RecordedEvent<Titled> event = received.poll(10, TimeUnit.SECONDS);
      assertNotNull(event, "no event arrived");
      assertEquals(current(1, new Titled("groceries", 1)), event);
    } finally {
      publisher.close();
    }
  }
}
