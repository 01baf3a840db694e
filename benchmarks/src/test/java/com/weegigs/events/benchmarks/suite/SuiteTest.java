package com.weegigs.events.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SuiteTest {

  @Test
  void aResultLineIsReadAsItsPairs() {
    assertEquals(Map.of("scenario", "raw-rr", "in_flight", "64", "ops_per_s", "640.5"),
        Suite.resultPairs("RESULT scenario=raw-rr  in_flight=64 ops_per_s=640.5 "));
  }

  @Test
  void theTracedReferenceIsTheMedianOfItsRatiosToRawRrWithinEachRepeat() {
    Map<String, Map<Integer, List<Map<String, String>>>> runs = Map.of(
        "raw-rr", Map.of(64, List.of(Map.of("ops_per_s", "100"), Map.of("ops_per_s", "200"), Map.of("ops_per_s", "100"))),
        "raw-rr-traced", Map.of(64, List.of(Map.of("ops_per_s", "80"), Map.of("ops_per_s", "100"), Map.of("ops_per_s", "90"))));
    Report report = new Report(runs, Map.of(), Map.of(), Map.of(), Map.of(), Map.of(), Map.of());

    Map<String, Object> traced = report.references().stream()
        .filter(r -> r.get("figure").toString().startsWith("`raw-rr-traced` ops/s"))
        .findFirst().orElseThrow();
    // per repeat 0.8, 0.5 and 0.9: the median is 0.8 (the ratio of the medians would be 0.9)
    assertEquals(0.8, (Double) traced.get("value"), 1e-9);
  }
}
