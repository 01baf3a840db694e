package com.weegigs.events.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RunOptionsTest {

  @Test
  void readsTheScenarioValuesAndFlags() {
    RunOptions options = RunOptions.parse(new String[] {
        "suite", "--nats-url", "nats://127.0.0.1:4333", "--quick", "--in-flight=16", "--seconds", "2.5"});
    assertEquals("suite", options.scenario());
    assertEquals("nats://127.0.0.1:4333", options.required("nats-url"));
    assertEquals(16, options.integer("in-flight", 1));
    assertEquals(2.5, options.decimal("seconds", 5));
    assertEquals(2.0, options.decimal("warmup", 2));
    assertTrue(options.flag("quick"));
    assertFalse(options.flag("json"));
  }

  @Test
  void refusesWhatItCannotRead() {
    assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[0]));
    assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[] {"raw-rr", "stray"}));
    assertThrows(IllegalArgumentException.class, () -> RunOptions.parse(new String[] {"raw-rr", "--seconds"}));
    RunOptions options = RunOptions.parse(new String[] {"raw-rr"});
    assertThrows(IllegalArgumentException.class, () -> options.required("nats-url"));
  }
}
