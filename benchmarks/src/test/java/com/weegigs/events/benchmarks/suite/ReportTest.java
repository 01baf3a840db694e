package com.weegigs.events.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The targets the suite judges: each passes inside its bound and fails beyond it. */
class ReportTest {
  private static final Map<String, String> NONE = Map.of();

  @Test
  void theSuiteJudgesThirteenTargetsAndAnUnmeasuredOneFails() {
    Report report = new Report(Map.of(), NONE, NONE, NONE, NONE, NONE, NONE);

    assertEquals(13, report.targets().size());
    for (Map<String, Object> target : report.targets()) {
      assertEquals(false, target.get("pass"), target::toString);
      assertTrue(target.get("shown").toString().startsWith("n/a"), target::toString);
    }
    assertFalse(report.allMet());
  }

  @Test
  void clientOverRawRrThroughputAt64MustReachThreeQuarters() {
    String figure = "`client-inmem` ops/s ÷ `raw-rr` ops/s at 64";
    assertTrue(pass(ratio("client-inmem", "raw-rr", 64, "ops_per_s", 0.76), figure));
    assertFalse(pass(ratio("client-inmem", "raw-rr", 64, "ops_per_s", 0.74), figure));
  }

  @Test
  void clientOverRawWireThroughputMustReachNineTenthsAt64AndAt16() {
    for (int level : List.of(64, 16)) {
      String figure = "`client-inmem` ops/s ÷ `raw-wire` ops/s at " + level + " in flight";
      assertTrue(pass(ratio("client-inmem", "raw-wire", level, "ops_per_s", 0.91), figure));
      assertFalse(pass(ratio("client-inmem", "raw-wire", level, "ops_per_s", 0.89), figure));
    }
    // each level is judged on its own figures
    assertFalse(pass(ratio("client-inmem", "raw-wire", 64, "ops_per_s", 0.95),
        "`client-inmem` ops/s ÷ `raw-wire` ops/s at 16 in flight"));
  }

  @Test
  void clientOverRawRrMedianLatencyAt1MayBeAFifthMore() {
    String figure = "`client-inmem` p50 ÷ `raw-rr` p50 at 1";
    assertTrue(pass(ratio("client-inmem", "raw-rr", 1, "p50_us", 1.19), figure));
    assertFalse(pass(ratio("client-inmem", "raw-rr", 1, "p50_us", 1.21), figure));
  }

  @Test
  void theContractWrittenByHandMustKeepMostOfRawRrThroughput() {
    String figure = "`raw-wire` ops/s ÷ `raw-rr` ops/s at 64";
    assertTrue(pass(ratio("raw-wire", "raw-rr", 64, "ops_per_s", 0.86), figure));
    assertFalse(pass(ratio("raw-wire", "raw-rr", 64, "ops_per_s", 0.84), figure));
  }

  @Test
  void theServiceAllocatesAtMostSixTenthsOfTheHandWrittenResponderAndAtMostSixKiB() {
    String relative = "server-side bytes per `add-item` ÷";
    String absolute = "server-side bytes allocated per `add-item`";

    Report lean = allocation("5000", "10000");
    assertTrue(pass(lean, relative));
    assertTrue(pass(lean, absolute));
    assertEquals("0.50 (5,000 B ÷ 10,000 B)", target(lean, relative).get("shown"));

    Report overRelative = allocation("5000", "8000");
    assertFalse(pass(overRelative, relative));
    assertTrue(pass(overRelative, absolute));

    Report overBoth = allocation("6200", "20000");
    assertTrue(pass(overBoth, relative));
    assertFalse(pass(overBoth, absolute), "6 KiB is 6,144 B");
  }

  @Test
  void theCodecsMustTakeAtMostSixTenthsOfObjectMappersTime() {
    String figure = "generated codec time";
    assertTrue(pass(new Report(Map.of(), NONE, NONE, NONE, Map.of("time_ratio", "0.59"), NONE, NONE), figure));
    assertFalse(pass(new Report(Map.of(), NONE, NONE, NONE, Map.of("time_ratio", "0.61"), NONE, NONE), figure));
  }

  @Test
  void theProcessorMayTakeAFifthOfJavacAndJavacsFloorIsShownBesideIt() {
    assertTrue(pass(processor("0.19"), "processor"));
    assertFalse(pass(processor("0.21"), "processor"));
    // below zero the noise was larger than the processor's time
    assertFalse(pass(processor("-0.185"), "processor"));
    assertEquals("0.190 (javac's floor, a processor that generates one class: 0.160)",
        target(processor("0.19"), "processor").get("shown"));
  }

  @Test
  void theMarkdownSaysPassOrFailForEachTarget() {
    String markdown = ratio("raw-wire", "raw-rr", 64, "ops_per_s", 0.86).markdown("test machine");

    assertTrue(markdown.contains("| `raw-wire` ops/s ÷ `raw-rr` ops/s at 64 in flight (what the contract costs) | ≥ 0.85 | 0.86 | PASS |"),
        markdown);
    assertTrue(markdown.contains("| generated codec time ÷ `ObjectMapper` time (encode + decode) | ≤ 0.60 | n/a | **FAIL** |"),
        markdown);
  }

  @Test
  void theServiceOnJetStreamMustReachSevenTenthsOfHandWrittenOccPublishesAt64() {
    String figure = "`client-js` ops/s ÷ `raw-js-occ` ops/s at 64";
    assertTrue(pass(ratio("client-js", "raw-js-occ", 64, "ops_per_s", 0.71), figure));
    assertFalse(pass(ratio("client-js", "raw-js-occ", 64, "ops_per_s", 0.69), figure));
  }

  @Test
  void anSdkThatSamplesNothingMustKeepNinetySevenHundredthsOfThePlainClient() {
    String figure = "`client-inmem-otel-off` ops/s ÷ `client-inmem` ops/s at 64";
    assertTrue(pass(ratio("client-inmem-otel-off", "client-inmem", 64, "ops_per_s", 0.975), figure));
    assertFalse(pass(ratio("client-inmem-otel-off", "client-inmem", 64, "ops_per_s", 0.965), figure));
  }

  @Test
  void samplingEveryTraceMustKeepFourFifthsOfThePlainClient() {
    String figure = "`client-inmem-otel-all` ops/s ÷ `client-inmem` ops/s at 64";
    assertTrue(pass(ratio("client-inmem-otel-all", "client-inmem", 64, "ops_per_s", 0.81), figure));
    assertFalse(pass(ratio("client-inmem-otel-all", "client-inmem", 64, "ops_per_s", 0.79), figure));
  }

  @Test
  void theTelemetryRowsLatencyAtOneInFlightIsAReference() {
    Map<String, Map<Integer, List<Map<String, String>>>> runs = new LinkedHashMap<>();
    runs.put("client-inmem", Map.of(1, List.of(Map.of("p50_us", "100"))));
    runs.put("client-inmem-otel-off", Map.of(1, List.of(Map.of("p50_us", "101"))));
    runs.put("client-inmem-otel-all", Map.of(1, List.of(Map.of("p50_us", "125"))));
    Report report = new Report(runs, NONE, NONE, NONE, NONE, NONE, NONE);

    assertEquals(1.01, reference(report, "`client-inmem-otel-off` p50 ÷ `client-inmem` p50"), 1e-9);
    assertEquals(1.25, reference(report, "`client-inmem-otel-all` p50 ÷ `client-inmem` p50"), 1e-9);
  }

  @Test
  void oneSpanPerRequestIsAReferenceBesideTheTarget() {
    Map<String, Map<Integer, List<Map<String, String>>>> runs = new LinkedHashMap<>();
    runs.put("client-inmem", Map.of(64, List.of(Map.of("ops_per_s", "1000"))));
    runs.put("client-inmem-otel-request", Map.of(64, List.of(Map.of("ops_per_s", "870"))));
    Report report = new Report(runs, NONE, NONE, NONE, NONE, NONE, NONE);

    assertEquals(0.87, reference(report, "`client-inmem-otel-request` ops/s ÷ `client-inmem` ops/s at 64"), 1e-9);
  }

  @Test
  void aColdLoadOfAThousandEventsWithSnapshotsMayTakeAtMostThreeTimesOneOfTen() {
    String figure = "cold load of a receipt with 1,000 events";
    assertTrue(pass(jsState("2.9"), figure));
    assertFalse(pass(jsState("3.1"), figure));
  }

  @Test
  void theStateCacheFiguresAreReferences() {
    Map<String, Map<Integer, List<Map<String, String>>>> runs = new LinkedHashMap<>();
    runs.put("client-js", Map.of(64, List.of(Map.of("cache_hit_rate", "0.79"), Map.of("cache_hit_rate", "0.81"),
        Map.of("cache_hit_rate", "0.80"))));
    Report report = new Report(runs, NONE, NONE, NONE, NONE, NONE,
        Map.of("cache_bytes_per_aggregate", "1040", "service_bytes_per_aggregate", "2700"));

    assertEquals(0.80, reference(report, "`client-js` state cache hit rate"), 1e-9);
    assertEquals(1040, reference(report, "heap kept per cached aggregate"), 1e-9);
    assertEquals(2700, reference(report, "heap the service on JetStream keeps per aggregate"), 1e-9);
  }

  @Test
  void contractOnesCostIsAReferenceNotATarget() {
    Map<String, Map<Integer, List<Map<String, String>>>> runs = new LinkedHashMap<>();
    runs.put("raw-rr", Map.of(64, List.of(Map.of("ops_per_s", "100"))));
    runs.put("raw-wire", Map.of(64, List.of(Map.of("ops_per_s", "90"))));
    runs.put("raw-wire-v1", Map.of(64, List.of(Map.of("ops_per_s", "60"))));
    Report report = new Report(runs, NONE, NONE, NONE, NONE, NONE, NONE);

    assertEquals(0.6, reference(report, "`raw-wire-v1` ops/s ÷ `raw-rr`"), 1e-9);
    assertEquals(1.5, reference(report, "`raw-wire` ops/s ÷ `raw-wire-v1`"), 1e-9);
    assertTrue(report.targets().stream().noneMatch(t -> t.get("figure").toString().contains("raw-wire-v1")));
  }

  /** A report with one repeat in which {@code a}'s figure is {@code ratio} times {@code b}'s. */
  private static Report ratio(String a, String b, int level, String key, double ratio) {
    Map<String, Map<Integer, List<Map<String, String>>>> runs = new LinkedHashMap<>();
    runs.put(a, Map.of(level, List.of(Map.of(key, Double.toString(1000 * ratio)))));
    runs.put(b, Map.of(level, List.of(Map.of(key, "1000"))));
    return new Report(runs, NONE, NONE, NONE, NONE, NONE, NONE);
  }

  private static Report allocation(String service, String rawWire) {
    return new Report(Map.of(), Map.of("server_bytes_per_op", service), NONE,
        Map.of("server_bytes_per_op", rawWire), NONE, NONE, NONE);
  }

  private static Report jsState(String coldLoadRatio) {
    return new Report(Map.of(), NONE, NONE, NONE, NONE, NONE, Map.of("cold_load_ratio", coldLoadRatio));
  }

  private static Report processor(String share) {
    return new Report(Map.of(), NONE, NONE, NONE, NONE, Map.of("processor_share", share, "aggregates", "200",
        "floor_share", "0.16"), NONE);
  }

  private static boolean pass(Report report, String figure) {
    return Boolean.TRUE.equals(target(report, figure).get("pass"));
  }

  private static Map<String, Object> target(Report report, String figure) {
    return report.targets().stream().filter(t -> t.get("figure").toString().startsWith(figure))
        .findFirst().orElseThrow(() -> new AssertionError("no target " + figure + " in " + report.targets()));
  }

  private static double reference(Report report, String figure) {
    return (Double) report.references().stream().filter(r -> r.get("figure").toString().startsWith(figure))
        .findFirst().orElseThrow(() -> new AssertionError("no reference " + figure)).get("value");
  }
}
