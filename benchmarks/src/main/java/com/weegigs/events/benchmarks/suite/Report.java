package com.weegigs.events.benchmarks.suite;

import com.weegigs.events.benchmarks.Main;
import com.weegigs.events.benchmarks.Medians;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.DoublePredicate;

/**
 * Turns the suite's raw results into figures, the targets with pass or fail, and the
 * Markdown tables the suite prints and the README shows.
 */
final class Report {
  private static final String[] CODEC_TYPES = {"command", "event", "entity"};

  private final Map<String, Map<Integer, List<Map<String, String>>>> runs;
  private final Map<String, String> alloc;
  private final Map<String, String> allocRaw;
  private final Map<String, String> allocWire;
  private final Map<String, String> codec;
  private final Map<String, String> processor;
  private final Map<String, String> jsState;
  private final List<Map<String, Object>> targets = new ArrayList<>();

  Report(
      Map<String, Map<Integer, List<Map<String, String>>>> runs,
      Map<String, String> alloc,
      Map<String, String> allocRaw,
      Map<String, String> allocWire,
      Map<String, String> codec,
      Map<String, String> processor,
      Map<String, String> jsState) {
    this.runs = runs;
    this.alloc = alloc;
    this.allocRaw = allocRaw;
    this.allocWire = allocWire;
    this.codec = codec;
    this.processor = processor;
    this.jsState = jsState;
    computeTargets();
  }

  /** scenario -> in-flight -> median figures. */
  Map<String, Map<String, Map<String, Object>>> requestFigures() {
    Map<String, Map<String, Map<String, Object>>> figures = new LinkedHashMap<>();
    runs.forEach((scenario, byLevel) -> {
      Map<String, Map<String, Object>> levels = new LinkedHashMap<>();
      byLevel.forEach((level, results) -> {
        Map<String, Object> f = new LinkedHashMap<>();
        f.put("ops_per_s", median(results, "ops_per_s"));
        f.put("p50_us", median(results, "p50_us"));
        f.put("p99_us", median(results, "p99_us"));
        f.put("errors", results.stream().mapToDouble(r -> number(r, "errors")).filter(d -> !Double.isNaN(d)).sum());
        f.put("runs", results.size());
        f.put("failed_runs", results.stream().filter(r -> r.containsKey("failed")).count());
        levels.put(Integer.toString(level), f);
      });
      figures.put(scenario, levels);
    });
    return figures;
  }

  List<Map<String, Object>> targets() {
    return targets;
  }

  boolean allMet() {
    return targets.stream().allMatch(t -> Boolean.TRUE.equals(t.get("pass")));
  }

  /**
   * The project's performance targets. The request figures are ratios within one repeat (see
   * {@link #pairedRatio}); {@code raw-wire} is the wire contract written by hand on jnats, so
   * {@code raw-wire ÷ raw-rr} is what the contract costs and {@code client-inmem ÷ raw-wire} what the
   * framework adds to it.
   */
  private void computeTargets() {
    target("`client-inmem` ops/s ÷ `raw-rr` ops/s at 64 in flight", "≥ 0.75",
        pairedRatio("client-inmem", "raw-rr", 64, "ops_per_s"), v -> v >= 0.75, "%.2f", "");
    target("`client-inmem` ops/s ÷ `raw-wire` ops/s at 64 in flight (what the framework adds)", "≥ 0.90",
        pairedRatio("client-inmem", "raw-wire", 64, "ops_per_s"), v -> v >= 0.90, "%.2f", "");
    target("`client-inmem` ops/s ÷ `raw-wire` ops/s at 16 in flight", "≥ 0.90",
        pairedRatio("client-inmem", "raw-wire", 16, "ops_per_s"), v -> v >= 0.90, "%.2f", "");
    target("`client-inmem` p50 ÷ `raw-rr` p50 at 1 in flight", "≤ 1.20",
        pairedRatio("client-inmem", "raw-rr", 1, "p50_us"), v -> v <= 1.20, "%.2f", "");
    target("`raw-wire` ops/s ÷ `raw-rr` ops/s at 64 in flight (what the contract costs)", "≥ 0.85",
        pairedRatio("raw-wire", "raw-rr", 64, "ops_per_s"), v -> v >= 0.85, "%.2f", "");
    double serverBytes = number(alloc, "server_bytes_per_op");
    double wireBytes = number(allocWire, "server_bytes_per_op");
    target("server-side bytes per `add-item` ÷ the hand-written `raw-wire` responder's", "≤ 0.60",
        wireBytes > 0 ? serverBytes / wireBytes : Double.NaN, v -> v <= 0.60, "%.2f",
        " (" + fmt(serverBytes, "%,.0f B") + " ÷ " + fmt(wireBytes, "%,.0f B") + ")");
    target("server-side bytes allocated per `add-item` (excluding what the store keeps)", "≤ 6 KiB",
        serverBytes, v -> v <= 6 * 1024, "%,.0f B", "");
    target("generated codec time ÷ `ObjectMapper` time (encode + decode)", "≤ 0.60",
        number(codec, "time_ratio"), v -> v <= 0.60, "%.2f", "");
    target("processor's own time ÷ javac total, " + fmt(number(processor, "aggregates"), "%.0f") + " aggregates",
        "≤ 0.20",
        // below zero the noise was larger than the processor's time: that measures nothing
        number(processor, "processor_share"), v -> v >= 0 && v <= 0.20, "%.3f",
        " (javac's floor, a processor that generates one class: " + fmt(number(processor, "floor_share"), "%.3f") + ")");
    target("`client-js` ops/s ÷ `raw-js-occ` ops/s at 64 in flight (the service on JetStream against OCC publishes by hand)",
        "≥ 0.70", pairedRatio("client-js", "raw-js-occ", 64, "ops_per_s"), v -> v >= 0.70, "%.2f", "");
    target("cold load of a receipt with 1,000 events (snapshots on) ÷ one with 10 events", "≤ 3",
        number(jsState, "cold_load_ratio"), v -> v <= 3, "%.2f",
        " (" + fmt(number(jsState, "cold_load_long_us") / 1e3, "%.1f ms") + " ÷ "
            + fmt(number(jsState, "cold_load_short_us") / 1e3, "%.1f ms") + ")");
    target("`client-inmem-otel-off` ops/s ÷ `client-inmem` ops/s at 64 in flight (an OpenTelemetry SDK that samples nothing)",
        "≥ 0.97", pairedRatio("client-inmem-otel-off", "client-inmem", 64, "ops_per_s"), v -> v >= 0.97, "%.2f", "");
    target("`client-inmem-otel-all` ops/s ÷ `client-inmem` ops/s at 64 in flight (every trace sampled, metrics on)",
        "≥ 0.80", pairedRatio("client-inmem-otel-all", "client-inmem", 64, "ops_per_s"), v -> v >= 0.80, "%.2f", "");
  }

  /**
   * Figures that are not targets but say where the time goes: {@code raw-rr-traced} is
   * {@code raw-rr} with one {@code traceparent} header each way, {@code raw-wire-v1} the wire
   * contract as version 1 asked for it (every header on every message), and {@code raw-micro} the
   * raw responder on jnats' micro service framework.
   */
  List<Map<String, Object>> references() {
    List<Map<String, Object>> references = new ArrayList<>();
    reference(references, "`raw-rr-traced` ops/s ÷ `raw-rr` ops/s at 64 in flight (one `traceparent` header each way)",
        pairedRatio("raw-rr-traced", "raw-rr", 64, "ops_per_s"), "%.2f");
    reference(references, "`raw-rr-traced` p50 ÷ `raw-rr` p50 at 1 in flight",
        pairedRatio("raw-rr-traced", "raw-rr", 1, "p50_us"), "%.2f");
    reference(references, "`raw-wire-v1` ops/s ÷ `raw-rr` ops/s at 64 in flight (what contract 1's headers cost)",
        pairedRatio("raw-wire-v1", "raw-rr", 64, "ops_per_s"), "%.2f");
    reference(references, "`raw-wire` ops/s ÷ `raw-wire-v1` ops/s at 64 in flight (contract 1.1 against 1)",
        pairedRatio("raw-wire", "raw-wire-v1", 64, "ops_per_s"), "%.2f");
    reference(references, "`raw-wire` p50 ÷ `raw-rr` p50 at 1 in flight",
        pairedRatio("raw-wire", "raw-rr", 1, "p50_us"), "%.2f");
    reference(references, "`client-inmem` p50 ÷ `raw-wire` p50 at 1 in flight",
        pairedRatio("client-inmem", "raw-wire", 1, "p50_us"), "%.2f");
    reference(references, "`client-inmem` ops/s ÷ `raw-micro` ops/s at 64 in flight",
        pairedRatio("client-inmem", "raw-micro", 64, "ops_per_s"), "%.2f");
    reference(references, "`client-js` p50 ÷ `raw-js-occ` p50 at 1 in flight",
        pairedRatio("client-js", "raw-js-occ", 1, "p50_us"), "%.2f");
    reference(references, "`client-js` ops/s ÷ `client-inmem` ops/s at 64 in flight (what storing in JetStream costs the service)",
        pairedRatio("client-js", "client-inmem", 64, "ops_per_s"), "%.2f");
    reference(references, "`client-inmem-otel-off` p50 ÷ `client-inmem` p50 at 1 in flight",
        pairedRatio("client-inmem-otel-off", "client-inmem", 1, "p50_us"), "%.2f");
    reference(references, "`client-inmem-otel-all` p50 ÷ `client-inmem` p50 at 1 in flight",
        pairedRatio("client-inmem-otel-all", "client-inmem", 1, "p50_us"), "%.2f");
    reference(references, "`client-inmem-otel-request` ops/s ÷ `client-inmem` ops/s at 64 in flight (every trace sampled, one span per request: `SpanDetail.REQUEST`)",
        pairedRatio("client-inmem-otel-request", "client-inmem", 64, "ops_per_s"), "%.2f");
    reference(references, "`client-js` state cache hit rate at 64 in flight (median of runs; a fresh receipt every 5 commands)",
        median(runs.getOrDefault("client-js", Map.of()).getOrDefault(64, List.of()), "cache_hit_rate"), "%.3f");
    reference(references, "cold `get` round trip, receipt with 1,000 events ÷ one with 10 (the reply of 1,000 items included)",
        number(jsState, "cold_query_ratio"), "%.2f");
    reference(references, "heap kept per cached aggregate (the state cache's share: default cache minus none)",
        number(jsState, "cache_bytes_per_aggregate"), "%.0f B");
    reference(references, "heap the service on JetStream keeps per aggregate with the default cache (cache and store)",
        number(jsState, "service_bytes_per_aggregate"), "%.0f B");
    reference(references, "server-side bytes per request of the hand-written `raw-wire` responder",
        number(allocWire, "server_bytes_per_op"), "%.0f B");
    reference(references, "server-side bytes per request of the hand-written `raw-micro` responder",
        number(allocRaw, "server_bytes_per_op"), "%.0f B");
    return references;
  }

  private static void reference(List<Map<String, Object>> references, String figure, double value, String format) {
    Map<String, Object> r = new LinkedHashMap<>();
    r.put("figure", figure);
    r.put("value", Double.isNaN(value) ? null : value);
    r.put("shown", Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value));
    references.add(r);
  }

  /**
   * Adds a target: {@code value} judged by {@code met} and shown with {@code format}, followed by
   * {@code beside}, figures that explain it but are not judged. A value that could not be measured
   * fails.
   */
  private void target(String figure, String goal, double value, DoublePredicate met, String format, String beside) {
    Map<String, Object> t = new LinkedHashMap<>();
    t.put("figure", figure);
    t.put("target", goal);
    t.put("value", Double.isNaN(value) ? null : value);
    t.put("shown", (Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value)) + beside);
    t.put("pass", !Double.isNaN(value) && met.test(value));
    targets.add(t);
  }

  /** Median over repeats of a/b where a and b come from the same repeat. */
  private double pairedRatio(String a, String b, int level, String key) {
    List<Map<String, String>> as = runs.getOrDefault(a, Map.of()).getOrDefault(level, List.of());
    List<Map<String, String>> bs = runs.getOrDefault(b, Map.of()).getOrDefault(level, List.of());
    List<Double> ratios = new ArrayList<>();
    for (int i = 0; i < Math.min(as.size(), bs.size()); i++) {
      double x = number(as.get(i), key);
      double y = number(bs.get(i), key);
      if (!Double.isNaN(x) && !Double.isNaN(y) && y > 0) {
        ratios.add(x / y);
      }
    }
    return Medians.median(ratios);
  }

  private static double median(List<Map<String, String>> results, String key) {
    List<Double> values = new ArrayList<>();
    for (Map<String, String> r : results) {
      values.add(number(r, key));
    }
    return Medians.median(values);
  }

  static double number(Map<String, String> result, String key) {
    String value = result == null ? null : result.get(key);
    if (value == null) {
      return Double.NaN;
    }
    try {
      return Double.parseDouble(value);
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  /** The Markdown the suite prints and the README shows. */
  String markdown(String machine) {
    StringBuilder md = new StringBuilder();
    md.append("Machine: ").append(machine).append("\n\n");
    md.append("### Targets\n\n| figure | target | measured | |\n|---|---|---|---|\n");
    for (Map<String, Object> t : targets) {
      md.append("| ").append(t.get("figure")).append(" | ").append(t.get("target")).append(" | ")
          .append(t.get("shown")).append(" | ")
          .append(Boolean.TRUE.equals(t.get("pass")) ? "PASS" : "**FAIL**").append(" |\n");
    }
    md.append("\n### Where the time goes (references, not targets)\n\n| figure | measured |\n|---|---|\n");
    for (Map<String, Object> r : references()) {
      md.append("| ").append(r.get("figure")).append(" | ").append(r.get("shown")).append(" |\n");
    }
    md.append("\n### Request/reply (median of repeats)\n\n")
        .append("| in flight | scenario | ops/s | p50 µs | p99 µs | errors |\n|---:|---|---:|---:|---:|---:|\n");
    Map<String, Map<String, Map<String, Object>>> figures = requestFigures();
    for (int level : List.of(1, 16, 64, 256)) {
      for (String scenario : Main.REQUEST_SCENARIOS) {
        Map<String, Object> f = figures.getOrDefault(scenario, Map.of()).get(Integer.toString(level));
        if (f == null) {
          continue;
        }
        md.append(String.format(Locale.ROOT, "| %d | `%s` | %s | %s | %s | %s |\n", level, scenario,
            fmt((Double) f.get("ops_per_s"), "%,.0f"), fmt((Double) f.get("p50_us"), "%.0f"),
            fmt((Double) f.get("p99_us"), "%.0f"),
            ((Number) f.get("failed_runs")).longValue() > 0
                ? "run failed" : String.format(Locale.ROOT, "%.0f", (Double) f.get("errors"))));
      }
    }
    md.append("\n### Codecs (JMH in one JVM, interleaved rounds: CPU ns/op of the fastest iteration, bytes allocated/op)\n\n")
        .append("| message | operation | generated ns | `ObjectMapper` ns | generated B | `ObjectMapper` B |\n")
        .append("|---|---|---:|---:|---:|---:|\n");
    for (String type : CODEC_TYPES) {
      for (String op : new String[] {"encode", "decode"}) {
        md.append(String.format(Locale.ROOT, "| %s | %s | %s | %s | %s | %s |\n", type, op,
            fmt(number(codec, "generated_" + type + "_" + op + "_ns"), "%.0f"),
            fmt(number(codec, "jackson_" + type + "_" + op + "_ns"), "%.0f"),
            fmt(number(codec, "generated_" + type + "_" + op + "_bytes"), "%.0f"),
            fmt(number(codec, "jackson_" + type + "_" + op + "_bytes"), "%.0f")));
      }
    }
    md.append("\n### Server-side allocation per `add-item`\n\n")
        .append(String.format(Locale.ROOT,
            "%s B allocated by the service's threads per command, %s B of it kept by the store; %s B net (%s commands).\n",
            fmt(number(alloc, "allocated_bytes_per_op"), "%.0f"),
            fmt(number(alloc, "retained_bytes_per_op"), "%.0f"),
            fmt(number(alloc, "server_bytes_per_op"), "%.0f"),
            fmt(number(alloc, "ops"), "%.0f")))
        .append(String.format(Locale.ROOT,
            "For comparison, the hand-written responders' threads allocate per request: `raw-micro` %s B"
                + " (jnats and Jackson alone), `raw-wire` %s B (the wire contract by hand on jnats and Jackson).\n",
            fmt(number(allocRaw, "allocated_bytes_per_op"), "%.0f"),
            fmt(number(allocWire, "allocated_bytes_per_op"), "%.0f")));
    md.append("\n### The service on JetStream (`js-state`)\n\n")
        .append(String.format(Locale.ROOT,
            "Cold load (a fresh instance, the service's own time, median): a receipt with 1,000 events and its"
                + " snapshot %s µs, one with 10 events %s µs; the `get`'s round trip %s µs and %s µs. Heap kept per"
                + " aggregate (%s receipts of 5 items): %s B with the default state cache, %s B with none.\n",
            fmt(number(jsState, "cold_load_long_us"), "%,.0f"), fmt(number(jsState, "cold_load_short_us"), "%,.0f"),
            fmt(number(jsState, "cold_query_long_us"), "%,.0f"), fmt(number(jsState, "cold_query_short_us"), "%,.0f"),
            fmt(number(jsState, "aggregates"), "%,.0f"), fmt(number(jsState, "service_bytes_per_aggregate"), "%,.0f"),
            fmt(number(jsState, "uncached_bytes_per_aggregate"), "%,.0f")));
    md.append("\n### Processor (javac in process, CPU time of the JVM during each compile, median)\n\n")
        .append(String.format(Locale.ROOT,
            "%s aggregates (%s source files, %s generated): javac with the processor %s ms, "
                + "javac over all sources with `-proc:none` %s ms, processor %s ms (%s). "
                + "Wall clock: %s ms and %s ms (%s). "
                + "javac's floor: over all sources with a processor that generates one class %s ms (%s).\n",
            fmt(number(processor, "aggregates"), "%.0f"),
            fmt(number(processor, "source_files"), "%.0f"),
            fmt(number(processor, "generated_files"), "%.0f"),
            fmt(number(processor, "javac_with_processor_ms"), "%,.0f"),
            fmt(number(processor, "javac_proc_none_ms"), "%,.0f"),
            fmt(number(processor, "processor_ms"), "%,.0f"),
            fmt(number(processor, "processor_share") * 100, "%.1f %%"),
            fmt(number(processor, "wall_with_processor_ms"), "%,.0f"),
            fmt(number(processor, "wall_proc_none_ms"), "%,.0f"),
            fmt(number(processor, "wall_processor_share") * 100, "%.1f %%"),
            fmt(number(processor, "javac_floor_ms"), "%,.0f"),
            fmt(number(processor, "floor_share") * 100, "%.1f %%")));
    return md.toString();
  }

  private static String fmt(Double value, String format) {
    return value == null || Double.isNaN(value) ? "n/a" : String.format(Locale.ROOT, format, value);
  }
}
