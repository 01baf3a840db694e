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
  void aNegativeProcessorShareIsNoiseAndDoesNotPass() {
    assertEquals(false, processorTarget("-0.185").get("pass"));
    assertEquals(true, processorTarget("0.091").get("pass"));
    assertEquals(false, processorTarget("0.156").get("pass"));
  }

  private static Map<String, Object> processorTarget(String share) {
    Report report = new Report(Map.of(), Map.of(), Map.of(), Map.of(), Map.of(),
        Map.of("processor_share", share, "aggregates", "200"));
    return report.targets().stream()
        .filter(t -> t.get("figure").toString().startsWith("processor"))
        .findFirst().orElseThrow();
  }
}
