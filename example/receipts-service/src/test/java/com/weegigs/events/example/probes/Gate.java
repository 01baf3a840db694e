package com.weegigs.events.example.probes;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Where {@code hold} handlers wait until the test opens it. The test can see how many handlers
 * are waiting, so it knows when the service is busy without sleeping.
 */
public final class Gate {
  private final CountDownLatch open = new CountDownLatch(1);
  private final AtomicInteger arrived = new AtomicInteger();
  private final AtomicInteger passFreely;

  /** A closed gate. */
  public Gate() {
    this(0);
  }

  /** A gate that lets its first {@code passFreely} handlers through at once, then is closed. */
  public Gate(int passFreely) {
    this.passFreely = new AtomicInteger(passFreely);
  }

  /** Lets every waiting and future handler through. */
  public void open() {
    open.countDown();
  }

  /** How many handlers have reached the gate so far. */
  public int arrived() {
    return arrived.get();
  }

  /**
   * Waits until at least {@code count} handlers have reached the gate.
   *
   * @throws AssertionError when they have not within 30 seconds
   */
  public void awaitArrivals(int count) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    while (arrived.get() < count) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("only " + arrived.get() + " of " + count + " handlers reached the gate");
      }
      Thread.sleep(5);
    }
  }

  /** Called by a handler: counts itself, then waits (at most a minute, so nothing hangs forever). */
  void pass() {
    arrived.incrementAndGet();
    if (passFreely.getAndDecrement() > 0) {
      return;
    }
    try {
      if (!open.await(60, TimeUnit.SECONDS)) {
        throw new IllegalStateException("gate never opened");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted at the gate", e);
    }
  }
}
