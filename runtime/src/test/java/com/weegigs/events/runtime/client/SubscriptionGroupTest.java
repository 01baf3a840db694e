package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Subscriptions started and closed as one: in order, the last first, and nothing left open when a start fails. */
class SubscriptionGroupTest {
  /** A subscription that notes when it is closed. */
  private static final class Noted implements EventSubscription {
    private final String name;
    private final List<String> closed;
    private boolean active = true;

    Noted(String name, List<String> closed) {
      this.name = name;
      this.closed = closed;
    }

    @Override
    public String subject() {
      return name;
    }

    @Override
    public boolean isActive() {
      return active;
    }

    @Override
    public void close() {
      active = false;
      closed.add(name);
    }
  }

  @Test
  void closesEverySubscriptionTheLastStartedFirst() {
    List<String> closed = new ArrayList<>();
    SubscriptionGroup group = SubscriptionGroup.open(() -> new Noted("a", closed), () -> new Noted("b", closed));
    assertEquals(List.of("a", "b"), group.subscriptions().stream().map(EventSubscription::subject).toList());
    assertTrue(group.isActive());
    group.close();
    assertEquals(List.of("b", "a"), closed);
    assertFalse(group.isActive());
  }

  @Test
  void aStartThatFailsClosesThoseAlreadyStarted() {
    List<String> closed = new ArrayList<>();
    IllegalStateException failure = new IllegalStateException("no JetStream");
    IllegalStateException thrown = assertThrows(IllegalStateException.class, () -> SubscriptionGroup.open(
        () -> new Noted("a", closed), () -> new Noted("b", closed), () -> {
          throw failure;
        }, () -> new Noted("never", closed)));
    assertSame(failure, thrown);
    assertEquals(List.of("b", "a"), closed);
  }
}
