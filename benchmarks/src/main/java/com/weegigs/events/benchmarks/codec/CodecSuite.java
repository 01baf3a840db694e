package com.weegigs.events.benchmarks.codec;

import com.weegigs.events.benchmarks.RunOptions;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.BenchmarkResult;
import org.openjdk.jmh.results.IterationResult;
import org.openjdk.jmh.results.Result;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs {@link CodecBenchmark} with JMH (one fork, JMH's GC profiler for bytes allocated per
 * operation, {@code gc.alloc.rate.norm}) and sums it up: ns/op and B/op of every benchmark, and the
 * ratio of the generated codecs' total time (encode + decode of command, event and state) to
 * Jackson's. The time of a benchmark is its fastest measured iteration (the one least disturbed by
 * other work on a shared machine); JMH's mean is kept beside it as {@code ..._mean_ns}.
 */
public final class CodecSuite {
  private static final String[] TYPES = {"Command", "Event", "Entity"};
  private static final String[] OPERATIONS = {"Encode", "Decode"};

  private CodecSuite() {}

  /**
   * What JMH measured.
   *
   * @param figures key (such as {@code generated_command_encode_ns}) to value
   */
  public record Figures(Map<String, Double> figures) {
    /** Generated time ÷ Jackson time, over every type and operation. */
    public double timeRatio() {
      double generated = 0;
      double jackson = 0;
      for (String type : TYPES) {
        for (String op : OPERATIONS) {
          generated += figures.getOrDefault(key("generated", type, op) + "_ns", Double.NaN);
          jackson += figures.getOrDefault(key("jackson", type, op) + "_ns", Double.NaN);
        }
      }
      return generated / jackson;
    }

    /** The {@code RESULT} line, with every figure. */
    public String resultLine() {
      StringBuilder line = new StringBuilder("RESULT scenario=codec");
      line.append(String.format(Locale.ROOT, " time_ratio=%.3f", timeRatio()));
      figures.forEach((k, v) -> line.append(String.format(Locale.ROOT, " %s=%.1f", k, v)));
      return line.toString();
    }
  }

  /** Runs the benchmarks ({@code --quick}: shorter iterations). */
  public static Figures run(RunOptions options) throws RunnerException {
    boolean quick = options.flag("quick");
    Options jmh = new OptionsBuilder()
        .include(CodecBenchmark.class.getName() + "\\.")
        .forks(1)
        .warmupIterations(quick ? 1 : 2)
        .warmupTime(TimeValue.milliseconds(quick ? 300 : 1000))
        .measurementIterations(quick ? 2 : 4)
        .measurementTime(TimeValue.milliseconds(quick ? 300 : 1000))
        .timeUnit(TimeUnit.NANOSECONDS)
        .jvmArgs("-Xms512m", "-Xmx512m")
        .addProfiler(GCProfiler.class)
        .shouldDoGC(true)
        .build();
    Collection<RunResult> results = new Runner(jmh).run();
    Map<String, Double> figures = new LinkedHashMap<>();
    for (RunResult run : results) {
      String label = run.getParams().getBenchmark();
      String method = label.substring(label.lastIndexOf('.') + 1);
      String key = snake(method);
      // The fastest measured iteration: on a machine shared with other work a burst of load
      // slows whole iterations down, and the mean JMH reports carries it into the ratio.
      double fastest = Double.POSITIVE_INFINITY;
      for (BenchmarkResult fork : run.getBenchmarkResults()) {
        for (IterationResult iteration : fork.getIterationResults()) {
          fastest = Math.min(fastest, iteration.getPrimaryResult().getScore());
        }
      }
      figures.put(key + "_ns", Double.isInfinite(fastest) ? run.getPrimaryResult().getScore() : fastest);
      figures.put(key + "_mean_ns", run.getPrimaryResult().getScore());
      Result<?> alloc = run.getSecondaryResults().get("gc.alloc.rate.norm");
      figures.put(key + "_bytes", alloc == null ? Double.NaN : alloc.getScore());
    }
    Map<String, Double> ordered = new LinkedHashMap<>();
    for (String side : new String[] {"generated", "jackson"}) {
      for (String type : TYPES) {
        for (String op : OPERATIONS) {
          String key = key(side, type, op);
          ordered.put(key + "_ns", figures.getOrDefault(key + "_ns", Double.NaN));
          ordered.put(key + "_mean_ns", figures.getOrDefault(key + "_mean_ns", Double.NaN));
          ordered.put(key + "_bytes", figures.getOrDefault(key + "_bytes", Double.NaN));
        }
      }
    }
    return new Figures(ordered);
  }

  private static String key(String side, String type, String op) {
    return side + "_" + type.toLowerCase(Locale.ROOT) + "_" + op.toLowerCase(Locale.ROOT);
  }

  private static String snake(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
  }
}
