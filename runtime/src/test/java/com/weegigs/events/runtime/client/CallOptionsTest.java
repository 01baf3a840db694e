package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CallOptionsTest {
  private static final String TRACEPARENT = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

  @Test
  void copyMethodsChangeOneFieldEach() {
    Instant deadline = Instant.parse("2026-11-27T10:00:00Z");
    CallOptions options = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)).withExpectedRevision(3L)
        .withMessageId("m").withCorrelationId("c").withCausationId("x").withUserId("u")
        .withDeadline(deadline).withTraceparent(TRACEPARENT);

    assertEquals(new CallOptions(Duration.ofSeconds(2), 3L, "m", "c", "x", "u", deadline, TRACEPARENT), options);
    assertEquals(new CallOptions(null, 3L, "m", "c", "x", "u", deadline, TRACEPARENT), options.withTimeout(null));
    assertEquals(new CallOptions(Duration.ofSeconds(2), 3L, "m", "c", "x", "u"),
        options.withDeadline(null).withTraceparent(null));
  }

  @Test
  void everyProblemIsNamedAtOnce() {
    IllegalArgumentException failure = assertThrows(IllegalArgumentException.class,
        () -> new CallOptions(Duration.ZERO, -1L, " ", null, null, "", null, "00-not-a-trace"));

    assertTrue(failure.getMessage().contains("timeout"), failure.getMessage());
    assertTrue(failure.getMessage().contains("expectedRevision"), failure.getMessage());
    assertTrue(failure.getMessage().contains("messageId"), failure.getMessage());
    assertTrue(failure.getMessage().contains("userId"), failure.getMessage());
    assertTrue(failure.getMessage().contains("traceparent must be a W3C traceparent"), failure.getMessage());
  }

  @Test
  void messageIdsAreUlidsAndDistinct() {
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < 1000; i++) {
      String id = MessageIds.next();
      assertTrue(id.matches("[0-9A-HJKMNP-TV-Z]{26}"), id);
      ids.add(id);
    }
    assertEquals(1000, ids.size());
  }
}
