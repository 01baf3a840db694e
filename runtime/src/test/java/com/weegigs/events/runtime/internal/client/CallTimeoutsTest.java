package com.weegigs.events.runtime.internal.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Driven by a clock the test moves, so nothing here waits for time to pass. */
class CallTimeoutsTest {
  private final AtomicLong clock = new AtomicLong();

  /** Timeouts whose thread never runs: the test expires calls itself. */
  private CallTimeouts unstarted() {
    return new CallTimeouts("test-timeouts", clock::get, () -> {}, false);
  }

  private CallTimeouts.Waiting call(long inMillis, Runnable expiry) {
    long deadline = clock.get() + TimeUnit.MILLISECONDS.toNanos(inMillis);
    return new CallTimeouts.Waiting() {
      @Override
      public long deadlineNanos() {
        return deadline;
      }

      @Override
      public void expire() {
        expiry.run();
      }
    };
  }

  private void advance(long millis) {
    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(millis));
  }

  @Test
  void anOverdueCallExpiresOnceAndARemovedOneNever() {
    CallTimeouts timeouts = unstarted();
    AtomicInteger expiries = new AtomicInteger();
    AtomicInteger removedExpiries = new AtomicInteger();
    timeouts.add(call(20, expiries::incrementAndGet));
    CallTimeouts.Waiting answered = call(20, removedExpiries::incrementAndGet);
    timeouts.add(answered);
    timeouts.remove(answered);

    advance(20);
    timeouts.expireOverdue();
    timeouts.expireOverdue();

    assertEquals(1, expiries.get(), "expired once");
    assertEquals(0, removedExpiries.get(), "a call removed before its deadline never expires");
    assertEquals(0, timeouts.size());
  }

  @Test
  void aCallNotYetDueWaitsUntilItsDeadline() {
    CallTimeouts timeouts = unstarted();
    AtomicInteger expiries = new AtomicInteger();
    timeouts.add(call(60_000, expiries::incrementAndGet));

    clock.addAndGet(TimeUnit.MILLISECONDS.toNanos(60_000) - 1);
    timeouts.expireOverdue();
    assertEquals(0, expiries.get(), "a nanosecond early");
    assertEquals(1, timeouts.size());

    clock.incrementAndGet();
    timeouts.expireOverdue();
    assertEquals(1, expiries.get(), "at its deadline");
    assertEquals(0, timeouts.size());
  }

  @Test
  void aCallAddedAfterTheThreadWentToSleepStillExpires() throws Exception {
    CountDownLatch asleep = new CountDownLatch(1);
    CallTimeouts timeouts = new CallTimeouts("test-timeouts-idle", clock::get, asleep::countDown, true);
    // with no calls the thread sleeps until one comes
    assertTrue(asleep.await(10, TimeUnit.SECONDS), "the thread went to sleep");

    CountDownLatch expired = new CountDownLatch(1);
    timeouts.add(call(0, expired::countDown));

    assertTrue(expired.await(10, TimeUnit.SECONDS), "the sleeping thread woke for the new call");
  }

  @Test
  void aCallDueSoonerThanTheOneTheThreadWaitsForExpiresAtItsOwnDeadline() throws Exception {
    CallTimeouts timeouts = new CallTimeouts("test-timeouts-sooner", clock::get, () -> {}, true);
    AtomicInteger later = new AtomicInteger();
    // the thread now sleeps until this call's deadline, a minute away
    timeouts.add(call(60_000, later::incrementAndGet));

    CountDownLatch expired = new CountDownLatch(1);
    timeouts.add(call(0, expired::countDown));

    assertTrue(expired.await(10, TimeUnit.SECONDS), "the thread woke for the call due sooner");
    assertEquals(0, later.get(), "the later call still waits");
    assertEquals(1, timeouts.size());
  }
}
