package com.weegigs.events.benchmarks.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A scenario in a JVM of its own, warmed up once, measured level by level on request, against a real nats-server. */
@NatsTest
class ServedScenarioTest {

  @Test
  void measuresEachLevelItIsAskedForUntilItIsClosed(NatsServer server) throws Exception {
    try (ServedScenario scenario = ServedScenario.start(List.of("-Xmx256m"), "raw-rr",
        List.of("--nats-url", server.url(), "--in-flight", "1,4", "--warmup", "0.3"))) {
      for (int level : List.of(4, 1, 4)) {
        Map<String, String> result = scenario.run(level, 0.05, 0.2);
        assertEquals("raw-rr", result.get("scenario"), result::toString);
        assertEquals(Integer.toString(level), result.get("in_flight"), result::toString);
        assertEquals("0", result.get("errors"), result::toString);
        assertTrue(Double.parseDouble(result.get("ops_per_s")) > 0, result::toString);
      }
      // a level beyond the one it was sized for is refused, and the scenario reports the failure from then on
      Map<String, String> refused = scenario.run(8, 0.05, 0.2);
      assertTrue(refused.get("failed").startsWith("ERROR in-flight must be between 1 and 4"), refused::toString);
      assertEquals(refused, scenario.run(1, 0.05, 0.2));
    }
  }

  @Test
  void aScenarioThatCannotStartFailsEachRun() throws Exception {
    // nothing listens on port 1: the scenario cannot connect and exits before it is ready
    try (ServedScenario scenario = ServedScenario.start(List.of("-Xmx256m"), "raw-rr",
        List.of("--nats-url", "nats://127.0.0.1:1", "--in-flight", "1", "--warmup", "0.1"))) {
      Map<String, String> result = scenario.run(1, 0, 0.1);
      assertTrue(result.get("failed").startsWith("exited before it was ready (java.io.IOException: Unable to connect to NATS servers"),
          result::toString);
    }
  }
}
