package com.weegigs.events.benchmarks.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.benchmarks.RunOptions;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import org.junit.jupiter.api.Test;

/**
 * {@code js-state} end to end on a small scale: the long receipt's snapshot is in the bucket before
 * the cold loads (each of which rehydrates once, or the run fails), and every figure is measured.
 */
@NatsTest
class JetStreamStateTest {

  @Test
  void measuresColdLoadsAndHeapPerAggregate(NatsServer server) throws Exception {
    JetStreamState.Result result = JetStreamState.run(RunOptions.parse(new String[] {
        "js-state", "--nats-url", server.url(), "--quick", "--repeats", "1", "--aggregates", "20"}));

    assertTrue(result.longLoadMicros() > 0, result::resultLine);
    assertTrue(result.shortLoadMicros() > 0, result::resultLine);
    assertTrue(result.longQueryMicros() > 0, result::resultLine);
    assertTrue(result.shortQueryMicros() > 0, result::resultLine);
    assertTrue(Double.isFinite(result.serviceBytesPerAggregate()), result::resultLine);
    assertTrue(Double.isFinite(result.uncachedBytesPerAggregate()), result::resultLine);
    assertEquals(20, result.aggregates());
    assertTrue(result.resultLine().startsWith("RESULT scenario=js-state "), result::resultLine);
  }
}
