package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.query;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Options;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

/** The single nats-server restarted under a service storing in JetStream (file storage): nothing acknowledged is lost. */
@NatsTest
class JetStreamRestartTest {
  private static final Duration CALL = Duration.ofSeconds(1);

  @Test
  void everyAcknowledgedCommandSurvivesARestartAndOutageCallsEndPromptly(NatsServer server) throws Exception {
    JetStreamStoreConfig config = JetStreamStoreConfig.forService("counters");
    try (ServiceHarness harness = new ServiceHarness(server)) {
      harness.start(builder -> builder.withEventStore(config));
      // the caller's connection gives up on unanswered requests promptly (jnats' default sweeps every 5 s)
      Connection client = server.connect(new Options.Builder()
          .maxReconnects(-1)
          .reconnectWait(Duration.ofMillis(50))
          .requestCleanupInterval(Duration.ofMillis(100)));
      Set<String> acknowledged = new HashSet<>();
      int sent = 0;
      // before, during and after the restart; every call ends, none hangs
      for (int phase = 0; phase < 3; phase++) {
        if (phase == 1) {
          server.stop();
        } else if (phase == 2) {
          server.start();
        }
        int wanted = acknowledged.size() + (phase == 1 ? 0 : 10);
        for (int calls = 0; phase == 1 ? calls < 3 : acknowledged.size() < wanted; calls++) {
          assertTrue(calls < 2_000, "the service never served again after the restart");
          sent++;
          String messageId = "cmd-" + sent;
          Message reply;
          try {
            reply = client.requestWithTimeout("counters.command.counter.add", null,
                utf8(command("counter", "r", "{\"amount\":1}", "{\"messageId\":\"" + messageId + "\"}")), CALL)
                .get(CALL.toMillis() + 5_000, TimeUnit.MILLISECONDS);
          } catch (ExecutionException | CancellationException noReply) {
            // no responder or no connection (the server is down or the service not back yet): the call ended
            Thread.onSpinWait();
            continue;
          } catch (TimeoutException hang) {
            throw new AssertionError("a call outlived its timeout by far", hang);
          }
          String code = reply.getHeaders() == null ? null : reply.getHeaders().getFirst("Nats-Service-Error-Code");
          if (code == null) {
            assertCounter(reply);
            acknowledged.add(messageId);
          } else {
            String error = ErrorReplies.decodeError(reply.getData()).code();
            assertTrue(error.equals(ErrorCode.UNAVAILABLE.name()) || error.equals(ErrorCode.TIMEOUT.name()), error);
          }
        }
      }
      assertTrue(acknowledged.size() >= 20, () -> "acknowledged " + acknowledged.size());

      // every acknowledged command is in the store, read by a store that never cached anything
      Connection reader = server.connect();
      JetStreamEventStore store = JetStreamEventStore.open(reader, config);
      AggregateId r = new AggregateId("counter", "r");
      Set<String> stored = new HashSet<>();
      store.load(COUNTER, r, 0).forEach(event -> stored.add(event.metadata().causationId()));
      assertTrue(stored.containsAll(acknowledged), () -> "lost: " + acknowledged.stream().filter(id -> !stored.contains(id)).toList());
      long value = assertCounter(harness.request("counters.query.counter.get", query("counter", "r"))).entity().state().value();
      assertEquals(stored.size(), value);
      assertEquals(stored.size(), store.revision(COUNTER, r));
    }
  }
}
