package com.weegigs.events.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class LoadResultTest {

  @Test
  void theResultLineHasTheDocumentedShapeAndParsesBack() {
    LoadResult result = new LoadResult("raw-rr", 64, 41234.04, 1480.25, 4100.12, 3, 123_000);
    String line = result.resultLine();
    assertEquals(
        "RESULT scenario=raw-rr in_flight=64 ops_per_s=41234.0 p50_us=1480.3 p99_us=4100.1 errors=3",
        line);
    LoadResult parsed = LoadResult.parse(line);
    assertEquals("raw-rr", parsed.scenario());
    assertEquals(64, parsed.inFlight());
    assertEquals(41234.0, parsed.opsPerSecond());
    assertEquals(1480.3, parsed.p50Micros());
    assertEquals(4100.1, parsed.p99Micros());
    assertEquals(3, parsed.errors());
  }

  @Test
  void anotherLineIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> LoadResult.parse("processor: run 1"));
  }
}
