package com.weegigs.events.runtime.internal.store.jetstream;

import static com.weegigs.events.runtime.fixtures.Counters.ACCOUNT;
import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages.NotACommandMessage;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The stored form of a command: headers and body written, read back, and strangers refused. */
class CommandMessagesTest {
  private static final AggregateId ID = new AggregateId("counter", "c.1 é");
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final EventMetadata META = new EventMetadata("corr", "msg-1", "user");
  private static final List<RecordedEvent<?>> EVENTS = List.of(
      new RecordedEvent<>("e,1", ID, "added", 4, AT, new Added(2), META),
      new RecordedEvent<>("e-2", ID, "added", 5, AT, new Added(3), META));

  @Test
  void headersListIdsTypesAndRevisions() {
    Headers headers = CommandMessages.headers("msg-1", 17, EVENTS);
    assertEquals("msg-1", headers.getFirst("Nats-Msg-Id"));
    assertEquals("17", headers.getFirst("Nats-Expected-Last-Subject-Sequence"));
    assertEquals("e~2C1,e-2", headers.getFirst("Wee-Event-Ids"));
    assertEquals("added,added", headers.getFirst("Wee-Event-Types"));
    assertEquals("4-5", headers.getFirst("Wee-Revisions"));
    assertEquals(new CommandMessages.Revisions(4, 5), CommandMessages.revisions(headers));
  }

  @Test
  void aCommandRoundTrips() {
    Headers headers = CommandMessages.headers("msg-1", 17, EVENTS);
    byte[] body = CommandMessages.body(CommandMessages.wireForms(COUNTER, EVENTS));
    assertEquals('[', body[0]);
    assertEquals(EVENTS, CommandMessages.decode(COUNTER, headers, body));
  }

  @Test
  void subjectsNameTheAggregateByItsKeyToken() {
    String subject = CommandMessages.subject("wee-store.counters", ID);
    assertEquals("wee-store.counters.counter.c~2E1~20~C3~A9", subject);
    assertEquals(ID, CommandMessages.aggregate("wee-store.counters", subject));
    assertThrows(NotACommandMessage.class, () -> CommandMessages.aggregate("wee-store.counters", "other.counter.c"));
    assertThrows(NotACommandMessage.class, () -> CommandMessages.aggregate("wee-store.counters", "wee-store.counters.x"));
  }

  @Test
  void strangersAreRefusedWhole() {
    byte[] body = CommandMessages.body(CommandMessages.wireForms(COUNTER, EVENTS));
    Headers good = CommandMessages.headers("msg-1", 0, EVENTS);
    assertThrows(NotACommandMessage.class, () -> CommandMessages.decode(COUNTER, new Headers(), body));
    assertThrows(NotACommandMessage.class, () -> CommandMessages.decode(COUNTER, null, body));
    assertThrows(NotACommandMessage.class,
        () -> CommandMessages.decode(COUNTER, good, "garbage".getBytes(StandardCharsets.UTF_8)));
    assertThrows(NotACommandMessage.class,
        () -> CommandMessages.decode(COUNTER, good, "[{\"id\":1}]".getBytes(StandardCharsets.UTF_8)));
    assertThrows(NotACommandMessage.class, () -> CommandMessages.decode(COUNTER, good, new byte[0]));
    assertThrows(NotACommandMessage.class, () -> CommandMessages.decode(ACCOUNT, good, body));
    Headers wrongRevisions = CommandMessages.headers("msg-1", 0, EVENTS);
    wrongRevisions.put("Wee-Revisions", "4-6");
    assertThrows(NotACommandMessage.class, () -> CommandMessages.decode(COUNTER, wrongRevisions, body));
    Headers wrongTypes = CommandMessages.headers("msg-1", 0, EVENTS);
    wrongTypes.put("Wee-Event-Types", "added,opened");
    assertThrows(NotACommandMessage.class, () -> CommandMessages.decode(COUNTER, wrongTypes, body));
    Headers badRevisions = new Headers().put("Wee-Revisions", "x-1");
    assertNull(CommandMessages.revisions(badRevisions));
  }
}
