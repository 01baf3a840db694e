package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.fixtures.Counters.ADD;
import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.CommandResult;
import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.validation.Violation;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EnvelopesTest {
  private static final AggregateId ID = new AggregateId("counter", "c-1");
  private static final Instant T = Instant.parse("2026-11-27T10:00:00.123Z");

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  @Test
  void commandRequestRoundTrips() {
    CommandMetadata metadata = new CommandMetadata("m-1", "c-42", "cause", T, "ann", 3L);
    byte[] body = Envelopes.encodeCommandRequest(ID, ADD, new Add(5), metadata);
    assertEquals(
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c-1\"},\"command\":{\"amount\":5},"
            + "\"metadata\":{\"messageId\":\"m-1\",\"correlationId\":\"c-42\",\"causationId\":\"cause\","
            + "\"timestamp\":\"2026-11-27T10:00:00.123Z\",\"userId\":\"ann\",\"expectedRevision\":3}}",
        text(body));
    Envelopes.CommandRequest<Add> decoded = Envelopes.decodeCommandRequest(body, "counter", ADD);
    assertEquals(ID, decoded.aggregateId());
    assertEquals(new Add(5), decoded.command());
    assertEquals(metadata, decoded.metadata());
  }

  @Test
  void commandRequestInAnyOrderWithUnknownFieldsAndNoMetadata() {
    byte[] body = utf8("{\"extra\":[1,{\"a\":null}],\"command\":{\"zzz\":true,\"amount\":7},"
        + "\"aggregateId\":{\"key\":\"k é/ *.>\",\"type\":\"counter\"}}");
    Envelopes.CommandRequest<Add> decoded = Envelopes.decodeCommandRequest(body, "counter", ADD);
    assertEquals(new AggregateId("counter", "k é/ *.>"), decoded.aggregateId());
    assertEquals(new Add(7), decoded.command());
    assertEquals(CommandMetadata.EMPTY, decoded.metadata());
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "",
      "not json",
      "[]",
      "42",
      "{",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":1}} trailing",
      "{\"command\":{\"amount\":1}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"}}",
      "{\"aggregateId\":{\"type\":\"account\",\"key\":\"c\"},\"command\":{\"amount\":1}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"\"},\"command\":{\"amount\":1}}",
      "{\"aggregateId\":{\"type\":\"counter\"},\"command\":{\"amount\":1}}",
      "{\"aggregateId\":\"counter/c\",\"command\":{\"amount\":1}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":5},\"command\":{\"amount\":1}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":null}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":[1]}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":1},\"metadata\":5}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":1},\"metadata\":{\"expectedRevision\":-1}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":1},\"metadata\":{\"expectedRevision\":\"3\"}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":1},\"metadata\":{\"timestamp\":\"yesterday\"}}",
      "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":1},\"metadata\":{\"messageId\":7}}",
  })
  void malformedCommandRequestsAreInvalidRequests(String body) {
    ServiceException error = assertThrows(ServiceException.class, () -> Envelopes.decodeCommandRequest(utf8(body), "counter", ADD));
    assertEquals(ErrorCode.INVALID_REQUEST, error.code(), error.getMessage());
  }

  @Test
  void overlongKeyIsInvalidRequest() {
    String key = "é".repeat(129);
    byte[] body = utf8("{\"aggregateId\":{\"type\":\"counter\",\"key\":\"" + key + "\"},\"command\":{\"amount\":1}}");
    ServiceException error = assertThrows(ServiceException.class, () -> Envelopes.decodeCommandRequest(body, "counter", ADD));
    assertEquals(ErrorCode.INVALID_REQUEST, error.code());
    assertTrue(error.getMessage().contains("256"), error.getMessage());
  }

  @Test
  void payloadViolationsAreValidationFailedWithEveryViolation() {
    byte[] body = utf8("{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":\"many\"}}");
    ServiceException error = assertThrows(ServiceException.class, () -> Envelopes.decodeCommandRequest(body, "counter", ADD));
    assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
    assertEquals("command add is not valid", error.getMessage());
    assertEquals(List.of(new Violation("amount", "must be an integer"), new Violation("amount", "is required")),
        JsonValues.violations(error.details()));

    byte[] huge = utf8("{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":123456789012345678901234567890}}");
    ServiceException hugeError = assertThrows(ServiceException.class, () -> Envelopes.decodeCommandRequest(huge, "counter", ADD));
    assertEquals(ErrorCode.VALIDATION_FAILED, hugeError.code());
  }

  @Test
  void queryRequestRoundTripsAndRejectsOtherTypes() {
    assertEquals(ID, Envelopes.decodeQueryRequest(Envelopes.encodeQueryRequest(ID), "counter"));
    ServiceException error = assertThrows(ServiceException.class,
        () -> Envelopes.decodeQueryRequest(Envelopes.encodeQueryRequest(new AggregateId("account", "a")), "counter"));
    assertEquals(ErrorCode.INVALID_REQUEST, error.code());
  }

  private static RecordedEvent<Added> event(long revision, long amount) {
    return new RecordedEvent<>("e-" + revision, ID, "added", revision, T, new Added(amount),
        new EventMetadata("c-42", "m-1", revision == 1 ? "ann" : null));
  }

  @Test
  void entityReplyRoundTripsWithAndWithoutEvents() {
    Entity<Counter> entity = new Entity<>(ID, 2, new Counter("c-1", 5));
    List<RecordedEvent<Added>> events = List.of(event(1, 2), event(2, 3));
    byte[] body = Envelopes.encodeEntity(COUNTER, entity, events);
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
    CommandResult<Counter, Object> decoded = Envelopes.decodeEntity(body, COUNTER);
    assertEquals(entity, decoded.entity());
    assertEquals(events, decoded.events());

    Envelopes.CommandReply oneEvent = Envelopes.encodeCommandReply(COUNTER, entity, events.subList(0, 1));
    assertEquals(text(Envelopes.encodeEntity(COUNTER, entity, events.subList(0, 1))), text(oneEvent.reply()));
    assertEquals(text(Envelopes.encodeRecordedEvent(COUNTER, events.get(0))), text(oneEvent.events()[0]));
    Envelopes.CommandReply twoEvents = Envelopes.encodeCommandReply(COUNTER, entity, events);
    assertEquals(text(body), text(twoEvents.reply()));
    assertEquals(2, twoEvents.events().length);
    assertEquals(text(Envelopes.encodeRecordedEvent(COUNTER, events.get(0))), text(twoEvents.events()[0]));
    assertEquals(text(Envelopes.encodeRecordedEvent(COUNTER, events.get(1))), text(twoEvents.events()[1]));
    assertEquals(0, Envelopes.encodeCommandReply(COUNTER, entity, List.of()).events().length);

    CommandResult<Counter, Object> query = Envelopes.decodeEntity(Envelopes.encodeEntity(COUNTER, entity, null), COUNTER);
    assertEquals(entity, query.entity());
    assertEquals(List.of(), query.events());
  }

  @Test
  void recordedEventDecodesWhenDataComesBeforeType() {
    byte[] body = utf8("{\"data\":{\"amount\":9,\"more\":[1,2]},\"metadata\":{\"causationId\":\"m\"},\"revision\":4,"
        + "\"timestamp\":\"2026-11-27T11:00:00+01:00\",\"aggregate\":{\"key\":\"c-1\",\"type\":\"counter\"},"
        + "\"id\":\"e\",\"type\":\"added\",\"unknown\":{}}");
    RecordedEvent<?> event = Envelopes.decodeRecordedEvent(body, COUNTER);
    assertEquals(new RecordedEvent<>("e", ID, "added", 4, Instant.parse("2026-11-27T10:00:00Z"), new Added(9),
        new EventMetadata(null, "m", null)), event);
    assertEquals(event(1, 2), Envelopes.decodeRecordedEvent(Envelopes.encodeRecordedEvent(COUNTER, event(1, 2)), COUNTER));
  }

  @Test
  void recordedEventOfUnknownTypeIsMalformed() {
    byte[] body = utf8("{\"id\":\"e\",\"aggregate\":{\"type\":\"counter\",\"key\":\"c\"},\"type\":\"nope\",\"revision\":1,"
        + "\"timestamp\":\"2026-11-27T10:00:00Z\",\"data\":{}}");
    ServiceException error = assertThrows(ServiceException.class, () -> Envelopes.decodeRecordedEvent(body, COUNTER));
    assertEquals(ErrorCode.INTERNAL, error.code());
  }

  @Test
  void errorBodyRoundTripsWithPlainValues() {
    Map<String, Object> details = Map.of("violations", List.of(Map.of("path", "price", "message", "too low")),
        "reason", "r", "n", 5, "flag", true, "x", 1.5);
    byte[] body = Envelopes.encodeError(ErrorCode.VALIDATION_FAILED, "command add is not valid", details);
    Envelopes.ErrorReply reply = Envelopes.decodeError(body);
    assertEquals("VALIDATION_FAILED", reply.code());
    assertEquals(ErrorCode.VALIDATION_FAILED, reply.errorCode());
    assertEquals("command add is not valid", reply.message());
    assertEquals(details, reply.details());
    assertEquals(List.of(new Violation("price", "too low")), reply.violations());

    Envelopes.ErrorReply unknown = Envelopes.decodeError(utf8("{\"error\":{\"code\":\"TEAPOT\",\"message\":\"m\"}}"));
    assertNull(unknown.errorCode());
    assertEquals(Map.of(), unknown.details());
    assertEquals("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no\",\"details\":{}}}",
        text(Envelopes.encodeError(new ServiceException(ErrorCode.NOT_FOUND, "no"))));
  }

  @Test
  void subjectsFollowTheWireContract() {
    assertEquals("receipts.command.receipt.add-item", Subjects.command("receipts", "receipt", "add-item"));
    assertEquals("receipts.query.receipt.get", Subjects.query("receipts", "receipt"));
    assertEquals("receipts.events.receipt.item-added", Subjects.event("receipts", "receipt", "item-added"));
    assertEquals("receipts.events.receipt.*", Subjects.eventsOf("receipts", "receipt"));
    assertEquals("receipts.events.>", Subjects.allEvents("receipts"));
    assertEquals("receipts.health", Subjects.health("receipts"));
  }

  /** Each thread reuses one generator: documents in turn come out exactly as from a new generator. */
  @Test
  void documentsWrittenOneAfterAnotherAreEachWhole() throws Exception {
    AggregateId id = new AggregateId("counter", "c-1");
    for (int i = 0; i < 5; i++) {
      byte[] reused = Envelopes.encodeCommandRequest(id, ADD, new Add(i + 1), null);
      java.io.ByteArrayOutputStream fresh = new java.io.ByteArrayOutputStream();
      try (com.fasterxml.jackson.core.JsonGenerator generator = Envelopes.JSON.createGenerator(fresh)) {
        generator.writeStartObject();
        generator.writeFieldName("aggregateId");
        Envelopes.writeAggregateId(generator, id);
        generator.writeFieldName("command");
        ADD.codec().write(generator, new Add(i + 1));
        generator.writeEndObject();
      }
      assertEquals(fresh.toString(StandardCharsets.UTF_8), new String(reused, StandardCharsets.UTF_8));
    }
  }

  @Test
  void aWriterThatFailsOrLeavesItsDocumentOpenSpoilsNoLaterDocument() {
    assertThrows(java.io.UncheckedIOException.class, () -> Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeStringField("half", "written");
      throw new java.io.IOException("failed part-way");
    }));
    assertEquals("{\"whole\":1}", new String(Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeNumberField("whole", 1);
      generator.writeEndObject();
    }), StandardCharsets.UTF_8));

    assertThrows(IllegalStateException.class, () -> Envelopes.encode(generator -> {
      generator.writeStartArray();
      generator.writeStartObject();
    }));
    assertEquals("[2]", new String(Envelopes.encode(generator -> {
      generator.writeStartArray();
      generator.writeNumber(2);
      generator.writeEndArray();
    }), StandardCharsets.UTF_8));
  }

  /** A codec that encodes a document of its own while the thread's document is being written. */
  @Test
  void aDocumentWrittenInsideAnotherIsWholeAndSoIsTheOuterOne() {
    byte[] outer = Envelopes.encode(generator -> {
      generator.writeStartObject();
      byte[] inner = Envelopes.encode(nested -> {
        nested.writeStartObject();
        nested.writeNumberField("inner", 1);
        nested.writeEndObject();
      });
      generator.writeStringField("inner", new String(inner, StandardCharsets.UTF_8));
      generator.writeEndObject();
    });
    assertEquals("{\"inner\":\"{\\\"inner\\\":1}\"}", new String(outer, StandardCharsets.UTF_8));
  }
}
