package com.weegigs.events.runtime.internal.wire;

import static com.weegigs.events.runtime.fixtures.Counters.ADD;
import static com.weegigs.events.runtime.internal.wire.WireSamples.ID;
import static com.weegigs.events.runtime.internal.wire.WireSamples.T;
import static com.weegigs.events.runtime.internal.wire.WireSamples.text;
import static com.weegigs.events.runtime.internal.wire.WireSamples.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.fixtures.Counters.Add;
import com.weegigs.events.runtime.validation.Violation;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestsTest {
  @Test
  void commandRequestRoundTrips() {
    CommandMetadata metadata = new CommandMetadata("m-1", "c-42", "cause", T, "ann", 3L);
    byte[] body = Requests.encodeCommandRequest(ID, ADD, new Add(5), metadata);
    assertEquals(
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c-1\"},\"command\":{\"amount\":5},"
            + "\"metadata\":{\"messageId\":\"m-1\",\"correlationId\":\"c-42\",\"causationId\":\"cause\","
            + "\"timestamp\":\"2026-11-27T10:00:00.123Z\",\"userId\":\"ann\",\"expectedRevision\":3}}",
        text(body));
    Requests.CommandRequest<Add> decoded = Requests.decodeCommandRequest(body, "counter", ADD);
    assertEquals(ID, decoded.aggregateId());
    assertEquals(new Add(5), decoded.command());
    assertEquals(metadata, decoded.metadata());
  }

  @Test
  void commandRequestInAnyOrderWithUnknownFieldsAndNoMetadata() {
    byte[] body = utf8("{\"extra\":[1,{\"a\":null}],\"command\":{\"zzz\":true,\"amount\":7},"
        + "\"aggregateId\":{\"key\":\"k é/ *.>\",\"type\":\"counter\"}}");
    Requests.CommandRequest<Add> decoded = Requests.decodeCommandRequest(body, "counter", ADD);
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
    ServiceException error = assertThrows(ServiceException.class, () -> Requests.decodeCommandRequest(utf8(body), "counter", ADD));
    assertEquals(ErrorCode.INVALID_REQUEST, error.code(), error.getMessage());
  }

  @Test
  void overlongKeyIsInvalidRequest() {
    String key = "é".repeat(129);
    byte[] body = utf8("{\"aggregateId\":{\"type\":\"counter\",\"key\":\"" + key + "\"},\"command\":{\"amount\":1}}");
    ServiceException error = assertThrows(ServiceException.class, () -> Requests.decodeCommandRequest(body, "counter", ADD));
    assertEquals(ErrorCode.INVALID_REQUEST, error.code());
    assertTrue(error.getMessage().contains("256"), error.getMessage());
  }

  @Test
  void payloadViolationsAreValidationFailedWithEveryViolation() {
    byte[] body = utf8("{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":\"many\"}}");
    ServiceException error = assertThrows(ServiceException.class, () -> Requests.decodeCommandRequest(body, "counter", ADD));
    assertEquals(ErrorCode.VALIDATION_FAILED, error.code());
    assertEquals("command add is not valid", error.getMessage());
    assertEquals(List.of(new Violation("amount", "must be an integer"), new Violation("amount", "is required")),
        JsonValues.violations(error.details()));

    byte[] huge = utf8("{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"},\"command\":{\"amount\":123456789012345678901234567890}}");
    ServiceException hugeError = assertThrows(ServiceException.class, () -> Requests.decodeCommandRequest(huge, "counter", ADD));
    assertEquals(ErrorCode.VALIDATION_FAILED, hugeError.code());
  }

  @Test
  void queryRequestRoundTripsAndRejectsOtherTypes() {
    assertEquals(ID, Requests.decodeQueryRequest(Requests.encodeQueryRequest(ID), "counter"));
    ServiceException error = assertThrows(ServiceException.class,
        () -> Requests.decodeQueryRequest(Requests.encodeQueryRequest(new AggregateId("account", "a")), "counter"));
    assertEquals(ErrorCode.INVALID_REQUEST, error.code());
  }
}
