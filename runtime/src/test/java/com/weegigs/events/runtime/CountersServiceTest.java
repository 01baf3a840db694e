package com.weegigs.events.runtime;

import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import org.junit.jupiter.api.AfterEach;

/** Tests of the {@code counters} service on a real nats-server: each gets a harness, and its services stop after it. */
@NatsTest
abstract class CountersServiceTest {
  final ServiceHarness harness;
  final Connection client;

  CountersServiceTest(NatsServer server) {
    this.harness = new ServiceHarness(server);
    this.client = harness.client();
  }

  @AfterEach
  void stopServices() {
    harness.close();
  }
}
