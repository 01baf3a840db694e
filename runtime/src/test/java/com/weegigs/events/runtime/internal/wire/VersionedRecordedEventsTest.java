package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.Notes.NOTE;
import static com.weegigs.events.runtime.internal.wire.WireSamples.text;
import static com.weegigs.events.runtime.internal.wire.WireSamples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Notes.Titled;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Recorded events of an event with versions ({@code titled}, at version 3, with a chain mixing a
 * record upcaster and a JSON upcaster): what is written, and what is read from each older version.
 */
class VersionedRecordedEventsTest {
  private static final AggregateId NOTE_ID = new AggregateId("note", "n-1");
  private static final Instant T = Instant.parse("2026-11-27T10:00:00Z");

  /** A recorded {@code titled} event with {@code data} and {@code version} (left out when null), placed before or after the data. */
  private static byte[] titled(String version, String data, boolean versionLast) {
    String versionField = version == null ? "" : ",\"version\":" + version;
    return utf8("{\"id\":\"e-1\",\"aggregate\":{\"type\":\"note\",\"key\":\"n-1\"},\"type\":\"titled\""
        + (versionLast ? "" : versionField) + ",\"revision\":1,\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":" + data
        + (versionLast ? versionField : "") + ",\"metadata\":{}}");
  }

  private static RecordedEvent<Titled> expected(Titled data) {
    return new RecordedEvent<>("e-1", NOTE_ID, "titled", 1, T, data, new EventMetadata(null, null, null));
  }

  @Test
  void version1DataWithoutAVersionFieldIsUpcastThroughTheRecordAndTheJsonStep() {
    assertEquals(expected(new Titled("groceries", 1)), RecordedEvents.decodeRecordedEvent(titled(null, "{\"title\":\"groceries\"}", false), NOTE));
  }

  @Test
  void version2DataIsUpcastWhereverTheVersionFieldIs() {
    Titled upcast = new Titled("groceries", 1);
    assertEquals(expected(upcast), RecordedEvents.decodeRecordedEvent(titled("2", "{\"label\":\"groceries\"}", false), NOTE));
    assertEquals(expected(upcast), RecordedEvents.decodeRecordedEvent(titled("2", "{\"label\":\"groceries\"}", true), NOTE));
  }

  @Test
  void theCurrentVersionIsWrittenBeforeTheDataAndReadAsItIs() {
    RecordedEvent<Titled> event = expected(new Titled("groceries", 7));
    byte[] written = RecordedEvents.encodeRecordedEvent(NOTE, event);
    assertTrue(text(written).contains("\"type\":\"titled\",\"version\":3,\"revision\":1"), text(written));
    assertEquals(event, RecordedEvents.decodeRecordedEvent(written, NOTE));
  }

  @Test
  void aVersion1EventIsWrittenWithoutAVersion() {
    RecordedEvent<Added> event = new RecordedEvent<>("e", new AggregateId("counter", "c"), "added", 1, T, new Added(2),
        new EventMetadata(null, null, null));
    assertEquals("{\"id\":\"e\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c\"},\"type\":\"added\",\"revision\":1,"
        + "\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{\"amount\":2},\"metadata\":{}}", text(RecordedEvents.encodeRecordedEvent(COUNTER, event)));
  }

  @Test
  void aVersionNewerThanTheCodeKnowsIsRefusedNeverMisread() {
    for (boolean versionLast : new boolean[] {false, true}) {
      ServiceException error = assertThrows(ServiceException.class,
          () -> RecordedEvents.decodeRecordedEvent(titled("4", "{\"label\":\"x\",\"rank\":2}", versionLast), NOTE));
      assertEquals(ErrorCode.INTERNAL, error.code());
      assertTrue(error.getMessage().contains("event titled is stored at version 4, but this code knows it up to version 3"),
          error.getMessage());
    }
    for (String body : new String[] {
        "{\"id\":\"e\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c\"},\"type\":\"added\",\"version\":2,\"revision\":1,"
            + "\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{\"amount\":2}}",
        "{\"id\":\"e\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c\"},\"type\":\"added\",\"revision\":1,"
            + "\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{\"amount\":2},\"version\":2}"}) {
      ServiceException error = assertThrows(ServiceException.class, () -> RecordedEvents.decodeRecordedEvent(utf8(body), COUNTER));
      assertTrue(error.getMessage().contains("event added is stored at version 2, but this code knows it up to version 1"),
          error.getMessage());
    }
  }

  @Test
  void badOlderDataAndAFailingUpcasterAreDecodeErrors() {
    ServiceException missing = assertThrows(ServiceException.class,
        () -> RecordedEvents.decodeRecordedEvent(titled(null, "{\"name\":\"groceries\"}", false), NOTE));
    assertTrue(missing.getMessage().contains("event titled data is not valid: title: is required"), missing.getMessage());
    ServiceException failing = assertThrows(ServiceException.class,
        () -> RecordedEvents.decodeRecordedEvent(titled(null, "{\"title\":\"boom\"}", false), NOTE));
    assertTrue(failing.getMessage().contains("event titled data of version 1 could not be read and upcast to version 3"),
        failing.getMessage());
    ServiceException version = assertThrows(ServiceException.class,
        () -> RecordedEvents.decodeRecordedEvent(titled("0", "{\"title\":\"x\"}", false), NOTE));
    assertTrue(version.getMessage().contains("version must be an integer from 1"), version.getMessage());
  }
}
