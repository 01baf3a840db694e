package com.weegigs.events.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClosedLoopDriverTest {

  /** Completes every request on another thread; every {@code failEvery}-th one as an error reply. */
  private static final class FakeTarget implements RequestTarget<Integer> {
    private final ExecutorService replies = Executors.newFixedThreadPool(2);
    private final AtomicLong sent = new AtomicLong();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger maxInFlight = new AtomicInteger();
    private final int failEvery;
    private final boolean[] slotsSeen;

    FakeTarget(int failEvery, int slots) {
      this.failEvery = failEvery;
      this.slotsSeen = new boolean[slots];
    }

    @Override
    public CompletableFuture<Integer> send(int slot) {
      synchronized (slotsSeen) {
        slotsSeen[slot] = true;
      }
      long n = sent.incrementAndGet();
      maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
      return CompletableFuture.supplyAsync(() -> {
        inFlight.decrementAndGet();
        return (int) n;
      }, replies);
    }

    @Override
    public boolean failed(Integer reply) {
      return reply % failEvery == 0;
    }

    @Override
    public void close() {
      replies.shutdownNow();
    }
  }

  @Test
  void keepsTheLoopsBusyCountsErrorsAndStopsAtTheOperationBound() throws Exception {
    try (FakeTarget target = new FakeTarget(10, 8)) {
      ClosedLoopDriver<Integer> driver = new ClosedLoopDriver<>(target, 8);
      LoadResult result = driver.run(
          "fake", Duration.ZERO, Duration.ofMinutes(1), 20_000, Duration.ofSeconds(10));

      // the bound on operations ended the run long before the minute
      assertTrue(result.operations() >= 20_000, "operations " + result.operations());
      assertTrue(result.operations() < 20_000 + 100, "operations " + result.operations());
      assertTrue(target.maxInFlight.get() <= 8, "in flight " + target.maxInFlight.get());
      for (boolean seen : target.slotsSeen) {
        assertTrue(seen);
      }
      // one reply in ten is an error reply
      double errorShare = (double) result.errors() / result.operations();
      assertTrue(errorShare > 0.08 && errorShare < 0.12, "error share " + errorShare);
      // every request issued was completed: nothing left in flight after the run
      assertEquals(target.sent.get(), driver.completed());
      assertEquals(8, result.inFlight());
      assertTrue(result.p50Micros() >= 0 && result.p99Micros() >= result.p50Micros());
    }
  }

  @Test
  void aTargetThatFailsAtOnceIsCountedNotSpunOnForever() throws Exception {
    RequestTarget<Integer> failing = new RequestTarget<>() {
      @Override
      public CompletableFuture<Integer> send(int slot) {
        throw new IllegalStateException("no responders");
      }

      @Override
      public boolean failed(Integer reply) {
        return false;
      }

      @Override
      public void close() {}
    };
    LoadResult result = new ClosedLoopDriver<>(failing, 2)
        .run("failing", Duration.ZERO, Duration.ofMinutes(1), 1_000, Duration.ofSeconds(10));
    assertEquals(result.operations(), result.errors());
    assertTrue(result.errors() >= 1_000);
  }
}
