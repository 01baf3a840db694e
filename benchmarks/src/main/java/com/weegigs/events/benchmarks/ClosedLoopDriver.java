package com.weegigs.events.benchmarks;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

/**
 * A closed-loop load generator: keeps exactly {@code inFlight} requests outstanding; each
 * completion records its latency and issues the next request on the same loop. It warms up for
 * a while (nothing recorded), measures for a fixed time or a fixed number of operations,
 * whichever comes first, then stops issuing and waits for the requests still in flight.
 *
 * <p>Latencies go into an HdrHistogram (nanoseconds, 3 significant digits). A request counts in
 * the measurement when it completes inside the measurement window.
 */
public final class ClosedLoopDriver<R> {
  private static final long HIGHEST_TRACKABLE_NANOS = TimeUnit.MINUTES.toNanos(2);
  /** Past this many nested completions on one thread the next request goes to another thread. */
  private static final int MAX_NESTED_COMPLETIONS = 16;

  private final RequestTarget<R> target;
  private final int inFlight;
  private final Histogram histogram = new ConcurrentHistogram(HIGHEST_TRACKABLE_NANOS, 3);
  private final AtomicLong measured = new AtomicLong();
  private final AtomicLong errors = new AtomicLong();
  private final AtomicLong completed = new AtomicLong();
  private final ThreadLocal<int[]> nesting = ThreadLocal.withInitial(() -> new int[1]);
  private final ExecutorService trampoline =
      Executors.newSingleThreadExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "bench-driver-trampoline");
            thread.setDaemon(true);
            return thread;
          });
  private CountDownLatch retired;
  private volatile long measureStart = Long.MAX_VALUE;
  private volatile long measureEnd = Long.MAX_VALUE;
  private volatile boolean stopping;
  private long maxOperations;

  /** A driver for {@code target} with {@code inFlight} concurrent request loops. */
  public ClosedLoopDriver(RequestTarget<R> target, int inFlight) {
    if (inFlight < 1) {
      throw new IllegalArgumentException("in-flight must be at least 1, was " + inFlight);
    }
    this.target = target;
    this.inFlight = inFlight;
  }

  /**
   * Runs the loops: {@code warmup} unrecorded, then {@code measure} recorded (or until
   * {@code maxOperations} have been recorded), then waits up to {@code drainTimeout} for the
   * requests still in flight.
   */
  public LoadResult run(
      String scenario, Duration warmup, Duration measure, long maxOperations, Duration drainTimeout)
      throws InterruptedException {
    this.maxOperations = maxOperations;
    retired = new CountDownLatch(inFlight);
    long begin = System.nanoTime();
    measureStart = begin + warmup.toNanos();
    measureEnd = measureStart + measure.toNanos();
    for (int slot = 0; slot < inFlight; slot++) {
      issue(slot);
    }
    long now;
    while ((now = System.nanoTime()) < measureEnd) {
      long left = measureEnd - now;
      TimeUnit.NANOSECONDS.sleep(Math.min(left, TimeUnit.MILLISECONDS.toNanos(50)));
    }
    long end = Math.min(measureEnd, System.nanoTime());
    stopping = true;
    boolean drained = retired.await(drainTimeout.toMillis(), TimeUnit.MILLISECONDS);
    trampoline.shutdownNow();
    long stuck = drained ? 0 : retired.getCount();
    double seconds = (end - measureStart) / 1e9;
    long operations = measured.get();
    Histogram snapshot = histogram.copy();
    return new LoadResult(
        scenario,
        inFlight,
        operations / seconds,
        snapshot.getTotalCount() == 0 ? 0 : snapshot.getValueAtPercentile(50) / 1000.0,
        snapshot.getTotalCount() == 0 ? 0 : snapshot.getValueAtPercentile(99) / 1000.0,
        errors.get() + stuck,
        operations);
  }

  /** Every request completed so far, measured or not (warm-up and drain included). */
  public long completed() {
    return completed.get();
  }

  private void issue(int slot) {
    if (stopping) {
      retired.countDown();
      return;
    }
    long start = System.nanoTime();
    CompletableFuture<R> future;
    try {
      future = target.send(slot);
    } catch (RuntimeException e) {
      future = CompletableFuture.failedFuture(e);
    }
    future.whenComplete((reply, error) -> complete(slot, start, reply, error));
  }

  private void complete(int slot, long start, R reply, Throwable error) {
    long end = System.nanoTime();
    completed.incrementAndGet();
    boolean failed;
    try {
      failed = error != null || target.failed(reply);
    } catch (RuntimeException e) {
      failed = true;
    }
    if (end >= measureStart && end < measureEnd) {
      histogram.recordValue(Math.min(end - start, HIGHEST_TRACKABLE_NANOS));
      if (failed) {
        errors.incrementAndGet();
      }
      if (measured.incrementAndGet() >= maxOperations) {
        measureEnd = end;
      }
    }
    // A reply that was already there when the callback was attached runs the callback on this
    // very thread: bound the nesting so that a burst of such replies cannot overflow the stack.
    int[] depth = nesting.get();
    if (depth[0] >= MAX_NESTED_COMPLETIONS || failed) {
      // Failures go to another thread as well: an endpoint that fails at once (no responders)
      // must not turn the loop into a busy spin on the completing thread.
      trampoline.execute(() -> issue(slot));
      return;
    }
    depth[0]++;
    try {
      issue(slot);
    } finally {
      depth[0]--;
    }
  }
}
