package com.weegigs.events.benchmarks.codec;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.infra.IterationParams;
import org.openjdk.jmh.profile.InternalProfiler;
import org.openjdk.jmh.results.AggregationPolicy;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.ScalarResult;

/**
 * A JMH profiler that reports the CPU time the benchmark's worker threads spent per operation
 * ({@value #LABEL}, ns/op), next to JMH's wall-clock time.
 *
 * <p>On a machine shared with other work the wall-clock time of an operation includes the time its
 * thread waited for a core, and that wait comes and goes with the other work; the thread's own CPU
 * time does not include it. The worker threads are found by JMH's name for them
 * ({@code ...-jmh-worker-N}); a worker that did not exist when the iteration started counts from zero.
 */
public final class CpuTimeProfiler implements InternalProfiler {
  /** Label of the secondary result. */
  public static final String LABEL = "cpu.time.norm";

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private Map<Long, Long> startTimes = Map.of();

  @Override
  public String getDescription() {
    return "CPU time of the benchmark threads per operation";
  }

  @Override
  public void beforeIteration(BenchmarkParams benchmarkParams, IterationParams iterationParams) {
    Map<Long, Long> times = new HashMap<>();
    for (long id : workerIds()) {
      long time = THREADS.getThreadCpuTime(id);
      if (time >= 0) {
        times.put(id, time);
      }
    }
    startTimes = times;
  }

  @Override
  public List<Result> afterIteration(
      BenchmarkParams benchmarkParams, IterationParams iterationParams, IterationResult result) {
    long ops = result.getMetadata().getAllOps();
    if (ops <= 0) {
      return List.of();
    }
    long spent = 0;
    for (long id : workerIds()) {
      long time = THREADS.getThreadCpuTime(id);
      if (time >= 0) {
        spent += time - startTimes.getOrDefault(id, 0L);
      }
    }
    return List.of(new ScalarResult(LABEL, (double) spent / ops, "ns/op", AggregationPolicy.AVG));
  }

  private static long[] workerIds() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(thread -> thread.getName().contains("-jmh-worker-"))
        .mapToLong(Thread::getId)
        .toArray();
  }
}
