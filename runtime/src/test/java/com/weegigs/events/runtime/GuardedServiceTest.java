package com.weegigs.events.runtime;

import com.weegigs.events.runtime.fixtures.Guarded;
import com.weegigs.events.runtime.service.AuthenticationConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.junit.jupiter.api.AfterEach;

/** Tests of the {@code guarded} service on a real nats-server: each starts its own, closed after it. */
@NatsTest
abstract class GuardedServiceTest {
  final NatsServer server;
  final Connection client;
  /** The context of every command a handler ran. */
  final Queue<CommandContext> handled = new ConcurrentLinkedQueue<>();
  private final List<NatsService> services = new ArrayList<>();

  GuardedServiceTest(NatsServer server) {
    this.server = server;
    this.client = server.connect();
  }

  /** Starts the guarded service authenticating with {@code config}. */
  NatsService start(AuthenticationConfig config) {
    return started(NatsService.builder(Guarded.SERVICE).natsUrl(server.url()).withAuthentication(config)
        .aggregate(Guarded.definition(handled)).start());
  }

  /** Closes {@code service} after the test. */
  NatsService started(NatsService service) {
    services.add(service);
    return service;
  }

  @AfterEach
  void stop() throws InterruptedException {
    services.forEach(NatsService::close);
    client.close();
  }
}
