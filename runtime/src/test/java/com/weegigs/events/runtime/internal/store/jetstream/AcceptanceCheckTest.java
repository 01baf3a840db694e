package com.weegigs.events.runtime.internal.store.jetstream;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The derived {@code Nats-Msg-Id}s a command is stored under after its message was skipped. */
class AcceptanceCheckTest {
  @Test
  void theFirstAttemptIsTheMessageIdAndLaterOnesCountOn() {
    assertEquals("m-1", AcceptanceCheck.derived("m-1", 1));
    assertEquals("m-1~2", AcceptanceCheck.derived("m-1", 2));
    assertEquals("m-1~5", AcceptanceCheck.derived("m-1", 5));
  }

  @Test
  void anIdTellsWhichAttemptItIs() {
    assertEquals(1, AcceptanceCheck.attemptOf("m-1", "m-1"));
    assertEquals(2, AcceptanceCheck.attemptOf("m-1", "m-1~2"));
    assertEquals(7, AcceptanceCheck.attemptOf("m-1", "m-1~7"));
    // a messageId that itself ends like a derived one is its own first attempt
    assertEquals(1, AcceptanceCheck.attemptOf("m~2", "m~2"));
    assertEquals(2, AcceptanceCheck.attemptOf("m~2", "m~2~2"));
    assertEquals(1, AcceptanceCheck.attemptOf("m-1", "m-1~x"));
  }
}
