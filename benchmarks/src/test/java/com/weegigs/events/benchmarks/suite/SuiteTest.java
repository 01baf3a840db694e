package com.weegigs.events.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuiteTest {

  @Test
  void theMedianSkipsFailedRunsAndAveragesTheMiddlePair() {
    assertEquals(2.0, Suite.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.5, Suite.median(List.of(4.0, 1.0, 2.0, 3.0)));
    assertEquals(5.0, Suite.median(List.of(Double.NaN, 5.0)));
    assertTrue(Double.isNaN(Suite.median(List.of())));
  }
}
