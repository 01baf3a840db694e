package com.weegigs.events.benchmarks.client;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Bytes allocated by a chosen set of threads, from HotSpot's per-thread allocation counters
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}), and the heap a run leaves
 * behind after a full GC.
 *
 * <p>A snapshot remembers each live thread's counter; the difference between two snapshots sums,
 * over the threads the predicate accepts, what each allocated in between (a thread born in between
 * counts from zero). A thread that ends in between takes its bytes with it, which is why the
 * measured services keep their pools alive for the whole run.
 */
final class ThreadAllocation {
  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
  private static final MemoryMXBean MEMORY = ManagementFactory.getMemoryMXBean();

  private ThreadAllocation() {}

  /** Thread id to (name, allocated bytes) at one moment. */
  record Snapshot(Map<Long, String> names, Map<Long, Long> bytes) {}

  /** Whether the JVM can count allocation per thread. */
  static boolean supported() {
    return THREADS.isThreadAllocatedMemorySupported() && THREADS.isThreadAllocatedMemoryEnabled();
  }

  /** The allocation counters of every live thread. */
  static Snapshot snapshot() {
    Map<Long, String> names = new HashMap<>();
    Map<Long, Long> bytes = new HashMap<>();
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      long id = thread.getId();
      long allocated = THREADS.getThreadAllocatedBytes(id);
      if (allocated >= 0) {
        names.put(id, thread.getName());
        bytes.put(id, allocated);
      }
    }
    return new Snapshot(names, bytes);
  }

  /** Bytes allocated between {@code before} and {@code after} by the threads {@code counted} accepts. */
  static long allocatedBetween(Snapshot before, Snapshot after, Predicate<String> counted) {
    long total = 0;
    for (Map.Entry<Long, Long> entry : after.bytes().entrySet()) {
      String name = after.names().get(entry.getKey());
      if (counted.test(name)) {
        total += entry.getValue() - before.bytes().getOrDefault(entry.getKey(), 0L);
      }
    }
    return total;
  }

  /** Heap in use after a full collection (three, to let finalization and references settle). */
  static long heapAfterGc() throws InterruptedException {
    for (int i = 0; i < 3; i++) {
      System.gc();
      Thread.sleep(100);
    }
    return MEMORY.getHeapMemoryUsage().getUsed();
  }
}
