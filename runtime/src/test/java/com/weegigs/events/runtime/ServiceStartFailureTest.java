package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.SERVICE;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.service.ShutdownConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service that fails to start leaves nothing serving on a connection the caller keeps. */
@NatsTest
class ServiceStartFailureTest {

  @Test
  void aServiceThatCannotConfirmItsSubscriptionsLeavesNothingAnsweringOnTheCallersConnection(NatsServer server)
      throws Exception {
    Connection shared = server.connect();
    server.stop();
    // jnats alternates between RECONNECTING (an attempt, over in a millisecond on an idle machine)
    // and DISCONNECTED (waiting for the next one): either says the server is gone
    awaitStatus(shared, Set.of(Connection.Status.RECONNECTING, Connection.Status.DISCONNECTED));

    IllegalStateException failure = assertThrows(IllegalStateException.class, () -> NatsService.builder(SERVICE)
        .connection(shared)
        .withShutdown(new ShutdownConfig(Duration.ofMillis(500)))
        .aggregate(Counters.counterDefinition())
        .aggregate(Counters.accountDefinition())
        .start());
    assertTrue(failure.getMessage().contains("NATS"), failure.getMessage());

    server.start();
    awaitStatus(shared, Set.of(Connection.Status.CONNECTED));
    shared.flush(Duration.ofSeconds(10));
    Message ping = null;
    try {
      ping = shared.requestWithTimeout("$SRV.PING." + SERVICE.name(), new byte[0], Duration.ofSeconds(2))
          .get(10, TimeUnit.SECONDS);
    } catch (ExecutionException | CancellationException nobodyAnswered) {
      // what we want: no part of the failed service is subscribed
    }
    Message answered = ping;
    assertTrue(answered == null || answered.isStatusMessage(),
        () -> "the failed service still answers $SRV.PING: " + new String(answered.getData()));
  }

  private static void awaitStatus(Connection connection, Set<Connection.Status> statuses) throws InterruptedException {
    // Bounded: jnats notices a lost server and reconnects within a few hundred ms; 30 s allows for a very slow machine.
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
    Connection.Status status = connection.getStatus();
    while (!statuses.contains(status) && System.nanoTime() < deadline) {
      Thread.sleep(20);
      status = connection.getStatus();
    }
    assertTrue(statuses.contains(status), "status " + status + ", expected one of " + statuses);
  }
}
