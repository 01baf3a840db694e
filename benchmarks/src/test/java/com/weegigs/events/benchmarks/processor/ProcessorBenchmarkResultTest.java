package com.weegigs.events.benchmarks.processor;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The {@code RESULT} line of the processor scenario: every figure, and the shares computed from them. */
class ProcessorBenchmarkResultTest {

  @Test
  void sharesAreTheProcessorsPartOfTheCompileWithIt() {
    ProcessorBenchmark.Result result =
        new ProcessorBenchmark.Result(200, 3010, 1210, 20_000, 18_000, 16_000, 12_000, 10_000, 8_000, 20_000, 9_000, 2);
    assertEquals(2_000, result.processorMillis(), 1e-9);
    assertEquals(0.100, result.processorShare(), 1e-9);
    assertEquals(0.200, result.threadProcessorShare(), 1e-9);
    // javac's floor: a processor that generates one class, against -proc:none
    assertEquals(0.100, result.floorShare(), 1e-9);
    assertEquals(1_000.0 / 9_000, result.threadFloorShare(), 1e-9);
  }

  @Test
  void resultLineCarriesEveryFigure() {
    String line = new ProcessorBenchmark.Result(200, 3010, 1210, 20_000, 18_000, 16_000, 12_000, 10_000, 8_000, 20_000, 9_000, 2)
        .resultLine();
    assertTrue(line.startsWith("RESULT scenario=processor aggregates=200 source_files=3010 generated_files=1210 "), line);
    for (String pair : new String[] {
        "javac_with_processor_ms=20000", "javac_proc_none_ms=18000", "processor_ms=2000", "processor_share=0.100",
        "wall_with_processor_ms=16000", "wall_proc_none_ms=12000", "wall_processor_share=0.250",
        "thread_with_processor_ms=10000", "thread_proc_none_ms=8000", "thread_processor_share=0.200",
        "javac_floor_ms=20000", "floor_share=0.100", "thread_floor_ms=9000", "thread_floor_share=0.111", "repeats=2"}) {
      assertTrue((" " + line + " ").contains(" " + pair + " "), pair + " in " + line);
    }
  }
}
