package com.weegigs.events.benchmarks.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CodecSuiteTest {
  @Test
  void theResultLineGivesRatiosToThreeDecimalsAndTimesToOne() {
    Map<String, Double> figures = new LinkedHashMap<>();
    figures.put("round_ratio_min", 0.61234);
    figures.put("generated_command_encode_ns", 171.66);
    assertEquals("RESULT scenario=codec time_ratio=0.642 round_ratio_min=0.612 generated_command_encode_ns=171.7",
        new CodecSuite.Figures(0.6423, figures).resultLine());
  }

  @Test
  void theMinimumSkipsFailedMeasurements() {
    assertEquals(1.0, CodecSuite.min(List.of(3.0, Double.NaN, 1.0, 2.0)));
    assertTrue(Double.isNaN(CodecSuite.min(List.of(Double.NaN))));
  }

  @Test
  void theFullRunFitsItsTimeBudgetAndQuickIsShorter() {
    // the plan's own arithmetic, not a measurement: warm-up plus rounds of every benchmark
    CodecSuite.Plan full = CodecSuite.Plan.of(false);
    CodecSuite.Plan quick = CodecSuite.Plan.of(true);
    assertTrue(full.measuredMillis() <= 75_000, "full: " + full.measuredMillis());
    assertTrue(quick.measuredMillis() <= 20_000, "quick: " + quick.measuredMillis());
    assertTrue(quick.rounds() < full.rounds());
  }
}
