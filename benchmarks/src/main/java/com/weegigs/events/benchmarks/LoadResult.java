package com.weegigs.events.benchmarks;

import java.util.Locale;

/**
 * What one closed-loop run measured, printed as the single {@code RESULT} line that ends a
 * scenario's output and that the suite parses.
 *
 * @param scenario the scenario name
 * @param inFlight how many requests were kept in flight
 * @param opsPerSecond completed requests (successes and errors) per second of measurement
 * @param p50Micros median latency in microseconds
 * @param p99Micros 99th percentile latency in microseconds
 * @param errors requests that failed (exception, timeout or error reply)
 * @param operations completed requests measured
 */
public record LoadResult(
    String scenario,
    int inFlight,
    double opsPerSecond,
    double p50Micros,
    double p99Micros,
    long errors,
    long operations) {

  /** The {@code RESULT ...} line. */
  public String resultLine() {
    return String.format(
        Locale.ROOT,
        "RESULT scenario=%s in_flight=%d ops_per_s=%.1f p50_us=%.1f p99_us=%.1f errors=%d",
        scenario,
        inFlight,
        opsPerSecond,
        p50Micros,
        p99Micros,
        errors);
  }

  /** Parses a line written by {@link #resultLine()}; {@code operations} is not on it and reads 0. */
  public static LoadResult parse(String line) {
    if (!line.startsWith("RESULT ")) {
      throw new IllegalArgumentException("not a RESULT line: " + line);
    }
    String scenario = null;
    int inFlight = 0;
    double ops = 0;
    double p50 = 0;
    double p99 = 0;
    long errors = 0;
    for (String pair : line.substring(7).trim().split(" +")) {
      int equals = pair.indexOf('=');
      String key = pair.substring(0, equals);
      String value = pair.substring(equals + 1);
      switch (key) {
        case "scenario" -> scenario = value;
        case "in_flight" -> inFlight = Integer.parseInt(value);
        case "ops_per_s" -> ops = Double.parseDouble(value);
        case "p50_us" -> p50 = Double.parseDouble(value);
        case "p99_us" -> p99 = Double.parseDouble(value);
        case "errors" -> errors = Long.parseLong(value);
        default -> { /* a newer field: ignored */ }
      }
    }
    return new LoadResult(scenario, inFlight, ops, p50, p99, errors, 0);
  }
}
