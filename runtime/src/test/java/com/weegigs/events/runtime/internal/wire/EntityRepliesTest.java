package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.internal.wire.WireSamples.ID;
import static com.weegigs.events.runtime.internal.wire.WireSamples.event;
import static com.weegigs.events.runtime.internal.wire.WireSamples.text;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import java.util.List;
import org.junit.jupiter.api.Test;

class EntityRepliesTest {
  @Test
  void entityReplyRoundTripsWithAndWithoutEvents() {
    Entity<Counter> entity = new Entity<>(ID, 2, new Counter("c-1", 5));
    List<RecordedEvent<Added>> events = List.of(event(1, 2), event(2, 3));
    byte[] body = EntityReplies.encodeEntity(COUNTER, entity, events);
    assertEquals(
        "{\"aggregate\":{\"type\":\"counter\",\"key\":\"c-1\"},\"type\":\"counter\",\"revision\":2,"
            + "\"state\":{\"id\":\"c-1\",\"value\":5},\"events\":["
            + "{\"id\":\"e-1\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c-1\"},\"type\":\"added\",\"revision\":1,"
            + "\"timestamp\":\"2026-11-27T10:00:00.123Z\",\"data\":{\"amount\":2},"
            + "\"metadata\":{\"correlationId\":\"c-42\",\"causationId\":\"m-1\",\"userId\":\"ann\"}},"
            + "{\"id\":\"e-2\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c-1\"},\"type\":\"added\",\"revision\":2,"
            + "\"timestamp\":\"2026-11-27T10:00:00.123Z\",\"data\":{\"amount\":3},"
            + "\"metadata\":{\"correlationId\":\"c-42\",\"causationId\":\"m-1\"}}]}",
        text(body));
    CommandResult<Counter, Object> decoded = EntityReplies.decodeEntity(body, COUNTER);
    assertEquals(entity, decoded.entity());
    assertEquals(events, decoded.events());

    EntityReplies.CommandReply oneEvent = EntityReplies.encodeCommandReply(COUNTER, entity, events.subList(0, 1));
    assertEquals(text(EntityReplies.encodeEntity(COUNTER, entity, events.subList(0, 1))), text(oneEvent.reply()));
    assertEquals(text(RecordedEvents.encodeRecordedEvent(COUNTER, events.get(0))), text(oneEvent.events()[0]));
    EntityReplies.CommandReply twoEvents = EntityReplies.encodeCommandReply(COUNTER, entity, events);
    assertEquals(text(body), text(twoEvents.reply()));
    assertEquals(2, twoEvents.events().length);
    assertEquals(text(RecordedEvents.encodeRecordedEvent(COUNTER, events.get(0))), text(twoEvents.events()[0]));
    assertEquals(text(RecordedEvents.encodeRecordedEvent(COUNTER, events.get(1))), text(twoEvents.events()[1]));
    assertEquals(0, EntityReplies.encodeCommandReply(COUNTER, entity, List.of()).events().length);

    CommandResult<Counter, Object> query = EntityReplies.decodeEntity(EntityReplies.encodeEntity(COUNTER, entity, null), COUNTER);
    assertEquals(entity, query.entity());
    assertEquals(List.of(), query.events());
  }
}
