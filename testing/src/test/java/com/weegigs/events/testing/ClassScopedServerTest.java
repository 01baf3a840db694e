package com.weegigs.events.testing;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.RepeatedTest;

@NatsTest
class ClassScopedServerTest {
  private static NatsServer classServer;

  @BeforeAll
  static void startOnce(NatsServer server) {
    classServer = server;
  }

  @RepeatedTest(2)
  void everyTestGetsTheClassServer(NatsServer server) {
    assertSame(classServer, server);
    assertTrue(server.isRunning());
  }
}
