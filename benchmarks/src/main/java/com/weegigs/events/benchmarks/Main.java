package com.weegigs.events.benchmarks;

import com.weegigs.events.benchmarks.raw.RawMicroScenario;
import com.weegigs.events.benchmarks.raw.RawRequestReplyScenario;
import java.time.Duration;
import java.util.List;

/**
 * Entry point of {@code benchmarks.jar}:
 *
 * <pre>
 * java -jar benchmarks.jar &lt;scenario&gt; [options]
 *   raw-rr | raw-micro | client-inmem   --nats-url URL [--in-flight N] [--seconds S] [--warmup S] [--max-ops N]
 *   server-alloc                        --nats-url URL [--seconds S] [--warmup S]
 *   codec                               [--quick]
 *   processor                           [--aggregates N] [--repeats N]
 *   suite                               --nats-url URL [--quick] [--repeats N] [--out FILE]
 * </pre>
 *
 * Every scenario ends its output with one {@code RESULT ...} line.
 */
public final class Main {
  /** The request scenarios, in the order the suite runs them at each in-flight level. */
  public static final List<String> REQUEST_SCENARIOS = List.of("raw-rr", "raw-micro", "client-inmem");

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
      case "raw-rr", "raw-micro", "client-inmem" -> runRequestScenario(options);
      case "server-alloc" -> System.out.println(
          com.weegigs.events.benchmarks.client.ServerAllocation.run(options).resultLine());
      case "codec" -> System.out.println(
          com.weegigs.events.benchmarks.codec.CodecSuite.run(options).resultLine());
      case "processor" -> System.out.println(
          com.weegigs.events.benchmarks.processor.ProcessorBenchmark.run(options).resultLine());
      case "suite" -> com.weegigs.events.benchmarks.suite.Suite.run(options);
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

  private static void runRequestScenario(RunOptions options) throws Exception {
    String url = options.required("nats-url");
    int inFlight = options.integer("in-flight", 1);
    Duration seconds = Duration.ofMillis((long) (options.decimal("seconds", 5) * 1000));
    Duration warmup = Duration.ofMillis((long) (options.decimal("warmup", 2) * 1000));
    long maxOperations = options.integer("max-ops", 50_000_000);
    LoadResult result;
    try (RequestTarget<?> target = start(options.scenario(), url, inFlight)) {
      result = drive(target, options.scenario(), inFlight, warmup, seconds, maxOperations);
    }
    // after everything has stopped, so that the RESULT line is the last one
    System.out.println(result.resultLine());
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
      case "raw-micro" -> RawMicroScenario.start(natsUrl, inFlight);
      case "client-inmem" ->
          com.weegigs.events.benchmarks.client.ClientInMemoryScenario.start(natsUrl, inFlight);
      default -> throw new IllegalArgumentException("not a request scenario: " + scenario);
    };
  }

  private static void usage() {
    System.err.println(
        """
        usage: java -jar benchmarks.jar <scenario> [options]
          raw-rr | raw-micro | client-inmem  --nats-url URL [--in-flight N] [--seconds S] [--warmup S] [--max-ops N]
          server-alloc                       --nats-url URL [--seconds S] [--warmup S]
          codec                              [--quick]
          processor                          [--aggregates N] [--repeats N]
          suite                              --nats-url URL [--quick] [--repeats N] [--out FILE]
        """);
  }
}
