package com.weegigs.events.benchmarks;

import com.weegigs.events.benchmarks.raw.RawMicroScenario;
import com.weegigs.events.benchmarks.raw.RawRequestReplyScenario;
import com.weegigs.events.benchmarks.raw.RawWireScenario;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}:
 *
 * <pre>
 * java -jar benchmarks.jar &lt;scenario&gt; [options]
 *   raw-rr | raw-rr-traced | raw-micro | raw-wire | raw-wire-v1 | client-inmem | client-inmem-otel-off
 *   | client-inmem-otel-all | client-inmem-otel-request | raw-js-occ | client-js
 *                                       --nats-url URL [--in-flight N[,N...]] [--seconds S] [--warmup S] [--settle S] [--max-ops N] [--serve]
 *   js-state                            --nats-url URL [--quick] [--repeats N] [--aggregates N]
 *   server-alloc                        --nats-url URL [--seconds S] [--warmup S]
 *   codec                               [--quick]
 *   processor                           [--aggregates N] [--repeats N]
 *   suite                               --nats-url URL [--quick] [--repeats N] [--out FILE] [--chart FILE]
 *   chart                               --in FILE [--out FILE]
 * </pre>
 *
 * Every scenario ends its output with one {@code RESULT ...} line; a request scenario given several
 * in-flight levels ({@code --in-flight 1,16,64,256}) warms up once (at 64 in flight, or the largest
 * level below it), then runs each level in turn after {@code --settle} unrecorded seconds, and
 * ends with one {@code RESULT} line per level, in the order given.
 *
 * <p>With {@code --serve}, a request scenario warms up, prints {@value #READY}, and then measures
 * what it is told on standard input, one command per line: {@code run <in-flight> <settle seconds>
 * <seconds>} prints one {@code RESULT} line; {@code quit} (or the end of the input) stops it. The
 * suite keeps one such JVM per scenario and alternates between them, so that the figures it
 * compares are measured seconds apart rather than minutes.
 */
public final class Main {
  /** The request scenarios, in the order the suite runs them at each in-flight level. */
  public static final List<String> REQUEST_SCENARIOS = List.of(
      "raw-rr", "raw-rr-traced", "raw-micro", "raw-wire", "raw-wire-v1", "client-inmem", "client-inmem-otel-off",
      "client-inmem-otel-all", "client-inmem-otel-request", "raw-js-occ", "client-js");

  /** What a request scenario started with {@code --serve} prints once it has warmed up. */
  public static final String READY = "READY";

  private Main() {}

  /** Runs the scenario named by the first argument; exits 1 when it fails. */
  public static void main(String[] args) {
    try {
      run(args);
    } catch (Throwable e) {
      // exit even when a failed start left non-daemon threads (a connection's) behind
      e.printStackTrace();
      System.exit(1);
    }
  }

  private static void run(String[] args) throws Exception {
    // the service's INFO lines (started, stopping) would only interleave with the figures
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
    RunOptions options;
    try {
      options = RunOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      usage();
      System.exit(2);
      return;
    }
    switch (options.scenario()) {
      case "raw-rr", "raw-rr-traced", "raw-micro", "raw-wire", "raw-wire-v1", "client-inmem",
          "client-inmem-otel-off", "client-inmem-otel-all", "client-inmem-otel-request", "raw-js-occ", "client-js" -> {
        if (options.flag("serve")) {
          serveRequestScenario(options,
              new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)), System.out);
        } else {
          runRequestScenario(options);
        }
      }
      case "js-state" -> System.out.println(
          com.weegigs.events.benchmarks.client.JetStreamState.run(options).resultLine());
      case "server-alloc" -> System.out.println(
          com.weegigs.events.benchmarks.client.ServerAllocation.run(options).resultLine());
      case "codec" -> System.out.println(
          com.weegigs.events.benchmarks.codec.CodecSuite.run(options).resultLine());
      case "processor" -> System.out.println(
          com.weegigs.events.benchmarks.processor.ProcessorBenchmark.run(options).resultLine());
      case "suite" -> com.weegigs.events.benchmarks.suite.Suite.run(options);
      case "chart" -> com.weegigs.events.benchmarks.suite.BenchChart.run(options);
      case "help", "--help", "-h" -> usage();
      default -> {
        System.err.println("unknown scenario '" + options.scenario() + "'");
        usage();
        System.exit(2);
      }
    }
    // jnats and the services leave non-daemon threads behind on some paths; a benchmark run is over.
    System.exit(0);
  }

  /** Runs a request scenario at each level asked for; prints and returns one result per level. */
  static List<LoadResult> runRequestScenario(RunOptions options) throws Exception {
    String url = options.required("nats-url");
    List<Integer> levels = options.integers("in-flight", List.of(1));
    for (int level : levels) {
      if (level < 1) {
        throw new IllegalArgumentException("--in-flight must be at least 1, was " + level);
      }
    }
    Duration seconds = seconds(options, "seconds", 5);
    Duration warmup = seconds(options, "warmup", 2);
    Duration settle = seconds(options, "settle", levels.size() == 1 ? 0 : 1);
    long maxOperations = options.integer("max-ops", 50_000_000);
    List<LoadResult> results = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    try (RequestTarget<?> target = start(options.scenario(), url, Collections.max(levels))) {
      // one warm-up for every level: the JIT compiles the same code whatever the level
      drive(target, options.scenario(), warmupLevel(levels), warmup, Duration.ZERO, maxOperations);
      target.idle();
      for (int level : levels) {
        target.reset();
        LoadResult result = drive(target, options.scenario(), level, settle, seconds, maxOperations);
        results.add(result);
        lines.add(resultLine(result, target));
        target.idle();
      }
    }
    // after everything has stopped, so that the RESULT lines are the last ones
    for (String line : lines) {
      System.out.println(line);
    }
    return results;
  }

  /**
   * Warms a request scenario up, prints {@value #READY} to {@code out}, then runs the commands read
   * from {@code in} (see the class comment) until {@code quit} or the end of the input. A command it
   * cannot read is answered with a line starting {@code ERROR}.
   */
  static void serveRequestScenario(RunOptions options, BufferedReader in, PrintStream out) throws Exception {
    String url = options.required("nats-url");
    List<Integer> levels = options.integers("in-flight", List.of(1, 16, 64, 256));
    Duration warmup = seconds(options, "warmup", 2);
    long maxOperations = options.integer("max-ops", 50_000_000);
    try (RequestTarget<?> target = start(options.scenario(), url, Collections.max(levels))) {
      drive(target, options.scenario(), warmupLevel(levels), warmup, Duration.ZERO, maxOperations);
      // the other scenarios' JVMs warm up after this one: none of them may find it answering
      target.idle();
      out.println(READY);
      out.flush();
      String line;
      while ((line = in.readLine()) != null && !line.trim().equals("quit")) {
        String[] words = line.trim().split(" +");
        int level;
        Duration settle;
        Duration seconds;
        try {
          if (words.length != 4 || !words[0].equals("run")) {
            throw new IllegalArgumentException("expected run <in-flight> <settle seconds> <seconds>");
          }
          level = Integer.parseInt(words[1]);
          settle = Duration.ofMillis((long) (Double.parseDouble(words[2]) * 1000));
          seconds = Duration.ofMillis((long) (Double.parseDouble(words[3]) * 1000));
          if (level < 1 || level > Collections.max(levels)) {
            throw new IllegalArgumentException("in-flight must be between 1 and " + Collections.max(levels));
          }
        } catch (IllegalArgumentException e) {
          out.println("ERROR " + e.getMessage() + ": " + line);
          out.flush();
          continue;
        }
        target.reset();
        String result = resultLine(drive(target, options.scenario(), level, settle, seconds, maxOperations), target);
        target.idle();
        out.println(result);
        out.flush();
      }
    }
  }

  /** The run's {@code RESULT} line with what the scenario counted during it ({@link RequestTarget#figures()}). */
  private static String resultLine(LoadResult result, RequestTarget<?> target) throws Exception {
    StringBuilder line = new StringBuilder(result.resultLine());
    target.figures().forEach((key, value) -> line.append(' ').append(key).append('=').append(value));
    return line.toString();
  }

  /**
   * The level the warm-up runs at: 64 in flight, the level the throughput targets are taken at,
   * or the largest level asked for below it (the smallest one when all are above).
   */
  static int warmupLevel(List<Integer> levels) {
    return levels.stream().filter(level -> level <= 64).max(Integer::compare).orElse(Collections.min(levels));
  }

  private static Duration seconds(RunOptions options, String name, double fallback) {
    return Duration.ofMillis((long) (options.decimal(name, fallback) * 1000));
  }

  private static <R> LoadResult drive(
      RequestTarget<R> target,
      String scenario,
      int inFlight,
      Duration warmup,
      Duration seconds,
      long maxOperations)
      throws InterruptedException {
    return new ClosedLoopDriver<>(target, inFlight)
        .run(scenario, warmup, seconds, maxOperations, Duration.ofSeconds(10));
  }

  /** Starts the named request scenario. */
  public static RequestTarget<?> start(String scenario, String natsUrl, int inFlight)
      throws Exception {
    return switch (scenario) {
      case "raw-rr" -> RawRequestReplyScenario.start(natsUrl, inFlight);
      case "raw-rr-traced" -> RawRequestReplyScenario.startTraced(natsUrl, inFlight);
      case "raw-micro" -> RawMicroScenario.start(natsUrl, inFlight);
      case "raw-wire" -> RawWireScenario.start(natsUrl, inFlight);
      case "raw-wire-v1" -> RawWireScenario.startV1(natsUrl, inFlight);
      case "client-inmem", "client-inmem-otel-off", "client-inmem-otel-all", "client-inmem-otel-request" ->
          com.weegigs.events.benchmarks.client.ClientScenario.start(
              com.weegigs.events.benchmarks.client.ClientScenario.Store.IN_MEMORY,
              com.weegigs.events.benchmarks.client.ClientTelemetry.of(scenario), natsUrl, inFlight);
      case "raw-js-occ" -> com.weegigs.events.benchmarks.raw.RawJetStreamOccScenario.start(natsUrl, inFlight);
      case "client-js" -> com.weegigs.events.benchmarks.client.ClientScenario.start(
          com.weegigs.events.benchmarks.client.ClientScenario.Store.JET_STREAM, natsUrl, inFlight);
      default -> throw new IllegalArgumentException("not a request scenario: " + scenario);
    };
  }

  private static void usage() {
    System.err.println(
        """
        usage: java -jar benchmarks.jar <scenario> [options]
          raw-rr | raw-rr-traced | raw-micro | raw-wire | raw-wire-v1 | client-inmem | client-inmem-otel-off
          | client-inmem-otel-all | client-inmem-otel-request | raw-js-occ | client-js
                                             --nats-url URL [--in-flight N[,N...]] [--seconds S] [--warmup S] [--settle S] [--max-ops N] [--serve]
          js-state                           --nats-url URL [--quick] [--repeats N] [--aggregates N]   (cold loads, cache memory)
          server-alloc                       --nats-url URL [--seconds S] [--warmup S]
          codec                              [--quick]
          processor                          [--aggregates N] [--repeats N]
          suite                              --nats-url URL [--quick] [--repeats N] [--out FILE] [--chart FILE]
          chart                              --in FILE [--out FILE]   (the PNG of a bench-results.json)
        """);
  }
}
