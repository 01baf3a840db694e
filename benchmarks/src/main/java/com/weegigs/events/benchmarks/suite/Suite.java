package com.weegigs.events.benchmarks.suite;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.weegigs.events.benchmarks.Main;
import com.weegigs.events.benchmarks.RunOptions;
import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * {@code suite}: every scenario, each in a fresh JVM, and the targets.
 *
 * <p>The request scenarios are interleaved so that their ratios come from figures measured side by
 * side on a noisy shared machine: each of {@link Main#REQUEST_SCENARIOS} runs in its own JVM
 * ({@link ServedScenario}), warmed up once; then each repeat measures every in-flight level (1, 16,
 * 64, 256) of every scenario, the scenarios one after the other at each level (the order rotates
 * from one repeat to the next), the others idle meanwhile (the {@code client-*} scenarios, whose
 * services answer the same subjects, stop their service between their runs: {@code
 * RequestTarget.idle}). The references {@code raw-rr-traced} and {@code raw-wire-v1}, the JetStream
 * pair {@code raw-js-occ} and {@code client-js}, and the telemetry rows {@code client-inmem-otel-off},
 * {@code client-inmem-otel-all} and {@code client-inmem-otel-request} are measured only at 1 and 64 in flight, the levels their ratios
 * are read at, which keeps the suite near 14 minutes. A figure is the median over the repeats; a ratio is the median over the repeats of the
 * ratio within the repeat. Then it runs {@code server-alloc}, {@code js-state}, {@code codec} and
 * {@code processor}, prints Markdown tables, writes every figure as JSON and
 * draws the request figures ({@link BenchChart}).
 */
public final class Suite {
  private static final List<Integer> LEVELS = List.of(1, 16, 64, 256);
  private static final String CLIENT = "client-inmem";
  private static final String RAW_RR = "raw-rr";
  private static final String RAW_MICRO = "raw-micro";
  /**
   * Scenarios measured only at {@link #REFERENCE_LEVELS}: the references, the JetStream pair and the
   * telemetry rows, whose targets are read at 64 in flight and whose latency at 1.
   */
  private static final List<String> AT_TWO_LEVELS = List.of("raw-rr-traced", "raw-wire-v1", "raw-js-occ", "client-js",
      "client-inmem-otel-off", "client-inmem-otel-all", "client-inmem-otel-request");
  /** The in-flight levels the references are read at. */
  private static final List<Integer> REFERENCE_LEVELS = List.of(1, 64);

  private Suite() {}

  /** Runs the suite. */
  public static void run(RunOptions options) throws Exception {
    String url = options.required("nats-url");
    boolean quick = options.flag("quick");
    int repeats = options.integer("repeats", quick ? 1 : 5);
    // one warm-up per JVM, then every level: the generated stack has far more code than the raw
    // one, and with 2 cores shared with nats-server C2 compiles it for 8 to 12 s
    double seconds = options.decimal("seconds", quick ? 1 : 2.5);
    double warmup = options.decimal("warmup", quick ? 3 : 10);
    double settle = options.decimal("settle", quick ? 0.3 : 0.5);
    Path out = Path.of(options.string("out", defaultOutput().toString()));
    List<String> jvm = List.of(options.string("jvm-args", "-Xms512m -Xmx512m").split(" +"));
    Instant started = Instant.now();

    Map<String, Object> json = new LinkedHashMap<>();
    json.put("started", started.toString());
    json.put("mode", quick ? "quick" : "full");
    json.put("machine", machine(url));
    Map<String, Object> settings = new LinkedHashMap<>();
    settings.put("levels", LEVELS);
    settings.put("repeats", repeats);
    settings.put("seconds", seconds);
    settings.put("warmup_seconds", warmup);
    settings.put("settle_seconds", settle);
    settings.put("jvm_args", jvm);
    json.put("settings", settings);

    // scenario -> level -> one result per repeat (null when the run failed)
    Map<String, Map<Integer, List<Map<String, String>>>> runs = new LinkedHashMap<>();
    List<Map<String, Object>> runLog = new ArrayList<>();
    for (String scenario : Main.REQUEST_SCENARIOS) {
      runs.put(scenario, new LinkedHashMap<>());
    }
    String levels = LEVELS.stream().map(String::valueOf).collect(Collectors.joining(","));
    // One JVM per scenario, each warmed up once (one after the other, so that each warm-up has the
    // machine), then measured in turn: every level of every scenario once per repeat, the scenarios
    // in a rotating order, so that the figures a ratio compares are taken seconds apart and no
    // scenario is always first.
    List<ServedScenario> served = new ArrayList<>();
    try {
      for (String scenario : Main.REQUEST_SCENARIOS) {
        served.add(ServedScenario.start(jvm, scenario, List.of("--nats-url", url, "--in-flight", levels,
            "--warmup", Double.toString(warmup))));
      }
      for (int r = 0; r < repeats; r++) {
        for (int level : LEVELS) {
          for (int i = 0; i < served.size(); i++) {
            ServedScenario scenario = served.get((i + r) % served.size());
            if (AT_TWO_LEVELS.contains(scenario.scenario()) && !REFERENCE_LEVELS.contains(level)) {
              continue;
            }
            Map<String, String> result = scenario.run(level, settle, seconds);
            runs.get(scenario.scenario()).computeIfAbsent(level, k -> new ArrayList<>()).add(result);
            Map<String, Object> logged = new LinkedHashMap<>();
            logged.put("scenario", scenario.scenario());
            logged.put("in_flight", level);
            logged.put("repeat", r + 1);
            logged.put("result", result);
            runLog.add(logged);
          }
        }
      }
    } finally {
      for (ServedScenario scenario : served) {
        scenario.close();
      }
    }
    Map<String, String> alloc = child(jvm, List.of("server-alloc", "--nats-url", url,
        "--seconds", Double.toString(seconds), "--warmup", Double.toString(warmup)));
    // the same measurement of the hand-written micro responder: what jnats and Jackson alone cost
    Map<String, String> allocRaw = child(jvm, List.of("server-alloc", "--responder", "raw-micro",
        "--nats-url", url, "--seconds", Double.toString(seconds), "--warmup", Double.toString(warmup)));
    // and of the wire contract written by hand: what the contract costs on jnats, framework aside
    Map<String, String> allocWire = child(jvm, List.of("server-alloc", "--responder", "raw-wire",
        "--nats-url", url, "--seconds", Double.toString(seconds), "--warmup", Double.toString(warmup)));
    // cold loads and heap per aggregate of the service on JetStream
    Map<String, String> jsState = child(jvm, quick ? List.of("js-state", "--nats-url", url, "--quick")
        : List.of("js-state", "--nats-url", url));
    Map<String, String> codec = child(jvm, quick ? List.of("codec", "--quick") : List.of("codec"));
    // javac over 4,000 files wants a roomy heap, or garbage collection dominates its time
    Map<String, String> processor = child(List.of("-Xms2g", "-Xmx3g"), List.of("processor",
        "--aggregates", options.string("aggregates", quick ? "30" : "200"),
        "--repeats", quick ? "1" : "2"));

    Report report = new Report(runs, alloc, allocRaw, allocWire, codec, processor, jsState);
    json.put("request_scenarios", report.requestFigures());
    json.put("runs", runLog);
    json.put("server_alloc", alloc);
    json.put("server_alloc_raw_micro", allocRaw);
    json.put("server_alloc_raw_wire", allocWire);
    json.put("codec", codec);
    json.put("processor", processor);
    json.put("js_state", jsState);
    json.put("targets", report.targets());
    json.put("references", report.references());
    json.put("all_targets_met", report.allMet());
    json.put("elapsed_seconds", Duration.between(started, Instant.now()).toSeconds());

    Files.createDirectories(out.toAbsolutePath().getParent());
    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(out.toFile(), json);
    System.out.println();
    if (quick) {
      System.out.println("Quick mode is a smoke test of the suite: its warm-ups and runs are too short for the"
          + " figures below to be measurements.");
    }
    System.out.println(report.markdown(machineLine(json)));
    System.out.println("JSON: " + out);
    Path chart = Path.of(options.string("chart", BenchChart.besideResults(out).toString()));
    try {
      BenchChart.draw(out, chart);
      System.out.println("Chart: " + chart);
    } catch (IOException | RuntimeException e) {
      // the figures are written already: a chart that cannot be drawn must not lose them
      System.out.println("Chart not drawn (" + e + "); `chart --in " + out + "` draws it later");
    }
  }

  private static Path defaultOutput() {
    // benchmarks/target/benchmarks.jar writes benchmarks/target/bench-results.json.
    String classPath = System.getProperty("java.class.path");
    Path jar = Path.of(classPath.split(java.io.File.pathSeparator)[0]).toAbsolutePath();
    Path dir = Files.isDirectory(jar) ? jar.getParent() : jar.getParent();
    return dir.resolve("bench-results.json");
  }

  private static Map<String, Object> machine(String url) {
    Map<String, Object> machine = new LinkedHashMap<>();
    machine.put("cores", Runtime.getRuntime().availableProcessors());
    machine.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version"));
    machine.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version")
        + " " + System.getProperty("os.arch"));
    machine.put("cpu", cpuModel());
    try (Connection connection = Nats.connect(new Options.Builder().server(url)
        .connectionTimeout(Duration.ofSeconds(5)).build())) {
      machine.put("nats_server", connection.getServerInfo().getVersion());
    } catch (Exception e) {
      machine.put("nats_server", "unknown (" + e.getMessage() + ")");
    }
    return machine;
  }

  private static String cpuModel() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
        if (line.startsWith("model name")) {
          return line.substring(line.indexOf(':') + 1).trim();
        }
      }
    } catch (IOException e) {
      // not Linux: the model is only informative
    }
    return System.getProperty("os.arch");
  }

  @SuppressWarnings("unchecked")
  private static String machineLine(Map<String, Object> json) {
    Map<String, Object> m = (Map<String, Object>) json.get("machine");
    return String.format(Locale.ROOT, "%s cores (%s), %s, nats-server %s, %s mode",
        m.get("cores"), m.get("cpu"), m.get("java"), m.get("nats_server"), json.get("mode"));
  }

  /**
   * Runs {@code java <jvm> -cp <this class path> Main <args>} and returns the key=value pairs of
   * its last {@code RESULT} line, or a map with only {@code failed} when it has none.
   */
  static Map<String, String> child(List<String> jvm, List<String> args) throws Exception {
    List<Map<String, String>> results = children(jvm, args);
    return results.get(results.size() - 1);
  }

  /**
   * Runs {@code java <jvm> -cp <this class path> Main <args>} and returns the key=value pairs of
   * each of its {@code RESULT} lines, in order, or one map with only {@code failed} when it has
   * none or failed.
   */
  static List<Map<String, String>> children(List<String> jvm, List<String> args) throws Exception {
    System.out.println("> " + String.join(" ", args));
    Process process = new ProcessBuilder(childCommand(jvm, args))
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
    List<String> resultLines = new ArrayList<>();
    try (BufferedReader reader = new BufferedReader(
        new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        if (line.startsWith("RESULT ")) {
          resultLines.add(line);
        }
        System.out.println("  " + line);
      }
    }
    if (!process.waitFor(30, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    if (resultLines.isEmpty() || process.exitValue() != 0) {
      Map<String, String> failed = new LinkedHashMap<>();
      failed.put("failed", "exit " + process.exitValue() + (resultLines.isEmpty() ? ", no RESULT line" : ""));
      return List.of(failed);
    }
    List<Map<String, String>> results = new ArrayList<>();
    for (String resultLine : resultLines) {
      results.add(resultPairs(resultLine));
    }
    return results;
  }

  /** {@code java <jvm> -cp <this class path> Main <args>}: a scenario in a JVM of its own. */
  static List<String> childCommand(List<String> jvm, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.addAll(jvm);
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(Main.class.getName());
    command.addAll(args);
    return command;
  }

  /** The key=value pairs of a {@code RESULT} line, in order. */
  static Map<String, String> resultPairs(String resultLine) {
    Map<String, String> result = new LinkedHashMap<>();
    for (String pair : resultLine.substring("RESULT ".length()).trim().split(" +")) {
      int equals = pair.indexOf('=');
      if (equals > 0) {
        result.put(pair.substring(0, equals), pair.substring(equals + 1));
      }
    }
    return result;
  }
}
