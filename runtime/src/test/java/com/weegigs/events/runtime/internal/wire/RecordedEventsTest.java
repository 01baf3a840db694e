package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.internal.wire.WireSamples.ID;
import static com.weegigs.events.runtime.internal.wire.WireSamples.event;
import static com.weegigs.events.runtime.internal.wire.WireSamples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RecordedEventsTest {
  @Test
  void recordedEventDecodesWhenDataComesBeforeType() {
    byte[] body = utf8("{\"data\":{\"amount\":9,\"more\":[1,2]},\"metadata\":{\"causationId\":\"m\"},\"revision\":4,"
        + "\"timestamp\":\"2026-11-27T11:00:00+01:00\",\"aggregate\":{\"key\":\"c-1\",\"type\":\"counter\"},"
        + "\"id\":\"e\",\"type\":\"added\",\"unknown\":{}}");
    RecordedEvent<?> event = RecordedEvents.decodeRecordedEvent(body, COUNTER);
    assertEquals(new RecordedEvent<>("e", ID, "added", 4, Instant.parse("2026-11-27T10:00:00Z"), new Added(9),
        new EventMetadata(null, "m", null)), event);
    assertEquals(event(1, 2), RecordedEvents.decodeRecordedEvent(RecordedEvents.encodeRecordedEvent(COUNTER, event(1, 2)), COUNTER));
  }

  @Test
  void recordedEventOfUnknownTypeIsMalformed() {
    byte[] body = utf8("{\"id\":\"e\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c\"},\"type\":\"nope\",\"revision\":1,"
        + "\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{}}");
    ServiceException error = assertThrows(ServiceException.class, () -> RecordedEvents.decodeRecordedEvent(body, COUNTER));
    assertEquals(ErrorCode.INTERNAL, error.code());
  }
}
