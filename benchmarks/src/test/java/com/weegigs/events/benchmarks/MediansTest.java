package com.weegigs.events.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class MediansTest {

  @Test
  void theMedianSkipsFailedRunsAndAveragesTheMiddlePair() {
    assertEquals(2.0, Medians.median(List.of(3.0, 1.0, 2.0)));
    assertEquals(2.0, Medians.median(List.of(3.0, Double.NaN, 1.0, 2.0)));
    assertEquals(2.5, Medians.median(List.of(4.0, 1.0, 2.0, 3.0)));
    assertEquals(5.0, Medians.median(List.of(Double.NaN, 5.0)));
    assertTrue(Double.isNaN(Medians.median(List.of())));
    assertEquals(2.5, Medians.median(4.0, 1.0, 2.0, 3.0));
  }
}
