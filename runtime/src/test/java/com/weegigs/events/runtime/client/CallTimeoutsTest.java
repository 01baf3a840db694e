package com.weegigs.events.runtime.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class CallTimeoutsTest {

  private static CallTimeouts.Waiting call(long inMillis, Runnable expiry) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(inMillis);
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

  @Test
  void anOverdueCallExpiresOnceAndARemovedOneNever() throws Exception {
    CallTimeouts timeouts = new CallTimeouts("test-timeouts");
    CountDownLatch expired = new CountDownLatch(1);
    AtomicInteger expiries = new AtomicInteger();
    AtomicInteger removedExpiries = new AtomicInteger();
    CallTimeouts.Waiting overdue = call(20, () -> {
      expiries.incrementAndGet();
      expired.countDown();
    });
    CallTimeouts.Waiting answered = call(20, removedExpiries::incrementAndGet);
    timeouts.add(overdue);
    timeouts.add(answered);
    timeouts.remove(answered);

    assertTrue(expired.await(5, TimeUnit.SECONDS), "the overdue call expired");
    Thread.sleep(50);
    assertEquals(1, expiries.get(), "expired once");
    assertEquals(0, removedExpiries.get(), "a call removed before its deadline never expires");
    assertEquals(0, timeouts.size());
  }

  @Test
  void aCallAddedAfterTheThreadWentToSleepStillExpires() throws Exception {
    CallTimeouts timeouts = new CallTimeouts("test-timeouts-idle");
    // long enough for the thread to find nothing to time and go to sleep
    Thread.sleep(TimeUnit.NANOSECONDS.toMillis(CallTimeouts.IDLE_NANOS) + 300);
    CountDownLatch expired = new CountDownLatch(1);
    timeouts.add(call(10, expired::countDown));
    assertTrue(expired.await(5, TimeUnit.SECONDS), "the sleeping thread woke for the new call");
  }

  @Test
  void aCallNotYetDueWaits() throws Exception {
    CallTimeouts timeouts = new CallTimeouts("test-timeouts-later");
    AtomicInteger expiries = new AtomicInteger();
    timeouts.add(call(60_000, expiries::incrementAndGet));
    Thread.sleep(100);
    assertEquals(0, expiries.get());
    assertEquals(1, timeouts.size());
  }
}
