package com.weegigs.events.runtime;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.fixtures.Counters;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What the builder refuses before it ever connects. */
class NatsServiceBuilderTest {
  // a URL nothing listens on: these services must fail before they try to connect
  private static final String NOWHERE = "nats://127.0.0.1:1";

  @Test
  void namesEveryMismatchBetweenTheDescriptorAndTheAggregates() {
    ServiceDescriptor onlyCounters = new ServiceDescriptor("counters", "1.0.0", null, List.of(Counters.COUNTER));
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NatsService.builder(onlyCounters)
        .natsUrl(NOWHERE)
        .aggregate(Counters.accountDefinition())
        .start());
    assertTrue(error.getMessage().contains("'account' is not declared"), error.getMessage());
    assertTrue(error.getMessage().contains("'counter' of service counters has no definition"), error.getMessage());
  }

  @Test
  void refusesAnAggregateGivenTwice() {
    IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> NatsService.builder(Counters.SERVICE)
        .natsUrl(NOWHERE)
        .aggregate(Counters.counterDefinition())
        .aggregate(Counters.counterDefinition())
        .aggregate(Counters.accountDefinition())
        .start());
    assertTrue(error.getMessage().contains("'counter' is given twice"), error.getMessage());
  }

  @Test
  void saysWhereItCouldNotConnect() {
    IllegalStateException error = assertThrows(IllegalStateException.class, () -> NatsService.builder(Counters.SERVICE)
        .natsUrl(NOWHERE)
        .aggregate(Counters.counterDefinition())
        .aggregate(Counters.accountDefinition())
        .start());
    assertTrue(error.getMessage().contains(NOWHERE), error.getMessage());
  }

  @Test
  void defaultNatsUrlComesFromTheEnvironment() {
    String fromEnvironment = System.getenv("NATS_URL");
    String expected = fromEnvironment == null || fromEnvironment.isBlank() ? "nats://localhost:4222" : fromEnvironment.trim();
    assertTrue(NatsService.defaultNatsUrl().equals(expected), NatsService.defaultNatsUrl());
  }
}
