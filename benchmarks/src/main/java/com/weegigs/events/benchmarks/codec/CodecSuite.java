package com.weegigs.events.benchmarks.codec;

import static com.weegigs.events.benchmarks.Medians.median;

import com.weegigs.events.benchmarks.RunOptions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
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
import org.openjdk.jmh.runner.options.VerboseMode;

/**
 * Runs {@link CodecBenchmark} with JMH and sums it up: ns/op and B/op of every benchmark, and the
 * ratio of the generated codecs' total time (encode + decode of command, event and state) to
 * Jackson's.
 *
 * <p>The machine is shared with other work that comes and goes, so the two sides are measured
 * under the same conditions rather than one after the other:
 *
 * <ul>
 *   <li>Every benchmark runs in this one JVM (JMH without forks), first once for a long warm-up, then
 *       in several short rounds. In each round the generated and the Jackson benchmark of a message
 *       and operation run back to back, the side that goes first alternating, so a burst of other
 *       work falls on both.
 *   <li>The time of an operation is the CPU time of JMH's benchmark thread per operation
 *       ({@link CpuTimeProfiler}), not the wall-clock time: time spent waiting for a core is not
 *       the codec's. Wall-clock time is kept beside it ({@code ..._wall_ns}).
 *   <li>Other work on the machine can only make an operation slower (its thread shares the core's
 *       caches and execution units with it), so within a round a benchmark's time is its fastest
 *       iteration. Each round gives a ratio, generated total ÷ Jackson total, of pairs measured
 *       back to back; the figure is the median over the rounds, which a round disturbed more on
 *       one side than on the other does not move. The lowest and highest round are kept to show the
 *       spread. A benchmark's ns/op is its fastest iteration over all rounds; the ratio of those sums
 *       is kept as {@code fastest_ratio}.
 * </ul>
 *
 * <p>One JVM also means the codecs share their call sites, as they do in a service: neither side
 * gets code compiled for one message only.
 */
public final class CodecSuite {
  private static final String[] TYPES = {"Command", "Event", "Entity"};
  private static final String[] OPERATIONS = {"Encode", "Decode"};
  private static final String[] SIDES = {"generated", "jackson"};
  private static final int BENCHMARKS = TYPES.length * OPERATIONS.length * SIDES.length;
  /** Warm-up of a benchmark at the start of its run in a round: it ran in the round before. */
  private static final TimeValue ROUND_WARMUP = TimeValue.milliseconds(100);

  private CodecSuite() {}

  /**
   * How long to measure.
   *
   * @param warmup warm-up of every benchmark before the first round
   * @param rounds rounds of measurement
   * @param iterations measured iterations of a benchmark in one round
   * @param iteration length of one iteration
   */
  record Plan(TimeValue warmup, int rounds, int iterations, TimeValue iteration) {
    /** Time spent in JMH iterations (warm-up included), the bulk of the scenario's run time. */
    long measuredMillis() {
      long perRound = BENCHMARKS * (millis(ROUND_WARMUP) + iterations * millis(iteration));
      return BENCHMARKS * (millis(warmup) + 100) + rounds * perRound;
    }

    private static long millis(TimeValue time) {
      return time.convertTo(TimeUnit.MILLISECONDS);
    }

    static Plan of(boolean quick) {
      return quick
          ? new Plan(TimeValue.milliseconds(600), 2, 3, TimeValue.milliseconds(100))
          : new Plan(TimeValue.milliseconds(1200), 8, 4, TimeValue.milliseconds(100));
    }
  }

  /**
   * What JMH measured.
   *
   * @param timeRatio generated time ÷ Jackson time over every type and operation: the median of the rounds' ratios
   * @param figures key (such as {@code generated_command_encode_ns}) to value
   */
  public record Figures(double timeRatio, Map<String, Double> figures) {
    /** The {@code RESULT} line, with every figure. */
    public String resultLine() {
      StringBuilder line = new StringBuilder("RESULT scenario=codec");
      line.append(String.format(Locale.ROOT, " time_ratio=%.3f", timeRatio));
      figures.forEach((k, v) -> line.append(String.format(Locale.ROOT, k.contains("ratio") ? " %s=%.3f" : " %s=%.1f", k, v)));
      return line.toString();
    }
  }

  /** Runs the benchmarks ({@code --quick}: fewer and shorter rounds). */
  public static Figures run(RunOptions options) throws RunnerException {
    Plan plan = Plan.of(options.flag("quick"));
    // one JMH run of every benchmark compiles everything before the first round; its figures are not kept
    new Runner(options(Pattern.quote(CodecBenchmark.class.getName() + ".") + "\\w+$", plan.warmup(), TimeValue.milliseconds(100), 1))
        .run();

    Map<String, List<Double>> cpu = new LinkedHashMap<>();
    Map<String, List<Double>> wall = new LinkedHashMap<>();
    Map<String, List<Double>> bytes = new LinkedHashMap<>();
    List<Double> ratios = new ArrayList<>();
    for (int round = 0; round < plan.rounds(); round++) {
      double[] cpuTotals = new double[SIDES.length];
      double[] wallTotals = new double[SIDES.length];
      int pair = 0;
      for (String type : TYPES) {
        for (String op : OPERATIONS) {
          boolean jacksonFirst = (round + pair++) % 2 == 1;
          for (int s = 0; s < SIDES.length; s++) {
            int side = jacksonFirst ? SIDES.length - 1 - s : s;
            String key = key(SIDES[side], type, op);
            RunResult result = run(SIDES[side] + type + op, ROUND_WARMUP, plan.iteration(), plan.iterations());
            double cpuNs = min(iterationScores(result, CpuTimeProfiler.LABEL));
            double wallNs = min(iterationScores(result, null));
            cpu.computeIfAbsent(key, k -> new ArrayList<>()).add(cpuNs);
            wall.computeIfAbsent(key, k -> new ArrayList<>()).add(wallNs);
            bytes.computeIfAbsent(key, k -> new ArrayList<>()).add(median(iterationScores(result, "gc.alloc.rate.norm")));
            cpuTotals[side] += cpuNs;
            wallTotals[side] += wallNs;
          }
        }
      }
      ratios.add(cpuTotals[0] / cpuTotals[1]);
      System.out.printf(Locale.ROOT, "codec round %d/%d: time ratio %.3f (CPU), %.3f (wall clock)%n",
          round + 1, plan.rounds(), cpuTotals[0] / cpuTotals[1], wallTotals[0] / wallTotals[1]);
    }

    Map<String, Double> figures = new LinkedHashMap<>();
    double[] totals = new double[SIDES.length];
    double[] wallTotals = new double[SIDES.length];
    for (int side = 0; side < SIDES.length; side++) {
      for (String type : TYPES) {
        for (String op : OPERATIONS) {
          String key = key(SIDES[side], type, op);
          double cpuNs = min(cpu.getOrDefault(key, List.of()));
          double wallNs = min(wall.getOrDefault(key, List.of()));
          totals[side] += cpuNs;
          wallTotals[side] += wallNs;
          figures.put(key + "_ns", cpuNs);
          figures.put(key + "_wall_ns", wallNs);
          figures.put(key + "_bytes", median(bytes.getOrDefault(key, List.of())));
        }
      }
    }
    Map<String, Double> summary = new LinkedHashMap<>();
    summary.put("round_ratio_min", min(ratios));
    summary.put("round_ratio_max", -min(ratios.stream().map(r -> -r).toList()));
    summary.put("fastest_ratio", totals[0] / totals[1]);
    summary.put("wall_time_ratio", wallTotals[0] / wallTotals[1]);
    summary.put("rounds", (double) plan.rounds());
    summary.putAll(figures);
    return new Figures(median(ratios), summary);
  }

  /** One JMH run of one benchmark, in this JVM. */
  private static RunResult run(String method, TimeValue warmup, TimeValue iteration, int iterations) throws RunnerException {
    return new Runner(options(Pattern.quote(CodecBenchmark.class.getName() + "." + method) + "$", warmup, iteration, iterations))
        .runSingle();
  }

  /** JMH options: the benchmarks {@code include} matches, in this JVM, one warm-up iteration. */
  private static Options options(String include, TimeValue warmup, TimeValue iteration, int iterations) {
    return new OptionsBuilder()
        .include(include)
        .forks(0)
        .warmupIterations(1)
        .warmupTime(warmup)
        .measurementIterations(iterations)
        .measurementTime(iteration)
        .timeUnit(TimeUnit.NANOSECONDS)
        .addProfiler(GCProfiler.class)
        .addProfiler(CpuTimeProfiler.class)
        .verbosity(VerboseMode.SILENT)
        .build();
  }

  /** A figure of every measured iteration: the primary score when {@code label} is {@code null}. */
  private static List<Double> iterationScores(RunResult run, String label) {
    List<Double> scores = new ArrayList<>();
    for (BenchmarkResult benchmark : run.getBenchmarkResults()) {
      for (IterationResult iteration : benchmark.getIterationResults()) {
        Result<?> result = label == null ? iteration.getPrimaryResult() : iteration.getSecondaryResults().get(label);
        scores.add(result == null ? Double.NaN : result.getScore());
      }
    }
    return scores;
  }

  /** The smallest of the numbers that are not NaN; NaN when there are none. */
  static double min(List<Double> values) {
    return values.stream().filter(v -> !Double.isNaN(v)).mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
  }

  private static String key(String side, String type, String op) {
    return side + "_" + type.toLowerCase(Locale.ROOT) + "_" + op.toLowerCase(Locale.ROOT);
  }
}
