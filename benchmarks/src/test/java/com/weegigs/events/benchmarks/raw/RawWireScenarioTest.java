package com.weegigs.events.benchmarks.raw;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.weegigs.events.benchmarks.RequestTarget;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Nats;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What the hand-written wire scenarios put on the wire, seen by a plain subscriber beside the
 * responder: {@code raw-wire} follows contract 1.1 (no headers), {@code raw-wire-v1} sends every
 * header contract 1 asked for.
 */
@NatsTest
class RawWireScenarioTest {
  private static final Duration WAIT = Duration.ofSeconds(5);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void rawWireSendsNoHeaderAnywhereAndTheMessageIdInTheBody(NatsServer server) throws Exception {
    try (Connection watcher = Nats.connect(server.url());
        RequestTarget<Message> target = RawWireScenario.start(server.url(), 1)) {
      // a plain subscriber (no queue group) sees every request and event beside the responder
      Subscription requests = watcher.subscribe(RawWireScenario.SUBJECT);
      Subscription events = watcher.subscribe(RawWireScenario.EVENT_SUBJECT);
      watcher.flush(WAIT);

      Message reply = target.send(0).get(10, TimeUnit.SECONDS);
      Message request = requests.nextMessage(WAIT);
      Message event = events.nextMessage(WAIT);

      assertFalse(request.hasHeaders(), () -> "request headers: " + request.getHeaders());
      String messageId = JSON.readTree(request.getData()).path("metadata").path("messageId").asText();
      assertFalse(messageId.isBlank(), "the messageId travels in the body's metadata");
      assertFalse(event.hasHeaders(), () -> "event headers: " + event.getHeaders());
      assertFalse(reply.hasHeaders(), () -> "reply headers: " + reply.getHeaders());
      JsonNode recorded = JSON.readTree(event.getData());
      assertEquals(messageId, recorded.path("metadata").path("causationId").asText());
      assertEquals(recorded.path("id").asText(), JSON.readTree(reply.getData()).path("events").path(0).path("id").asText());
      assertFalse(target.failed(reply));
    }
  }

  @Test
  void rawWireContinuesATraceContextThatCameInAndAddsNothingElse(NatsServer server) throws Exception {
    try (Connection caller = Nats.connect(server.url());
        RequestTarget<Message> target = RawWireScenario.start(server.url(), 1)) {
      Subscription events = caller.subscribe(RawWireScenario.EVENT_SUBJECT);
      caller.flush(WAIT);
      String traceparent = RawWireScenario.traceparent(1, 2, 3);

      Message reply = caller.request(NatsMessage.builder().subject(RawWireScenario.SUBJECT)
          .headers(new Headers().put("traceparent", traceparent)).data(RawPayloads.request("r-traced")).build(), WAIT);
      Message event = events.nextMessage(WAIT);

      assertNotNull(reply, "no reply");
      assertEquals(Set.of("traceparent"), reply.getHeaders().keySet());
      assertEquals(traceparent, reply.getHeaders().getFirst("traceparent"));
      assertEquals(Set.of("traceparent"), event.getHeaders().keySet());
      assertEquals(traceparent, event.getHeaders().getFirst("traceparent"));
      assertFalse(target.failed(reply));
    }
  }

  @Test
  void rawWireV1SendsEveryHeaderOfContractOne(NatsServer server) throws Exception {
    try (Connection watcher = Nats.connect(server.url());
        RequestTarget<Message> target = RawWireScenario.startV1(server.url(), 1)) {
      Subscription requests = watcher.subscribe(RawWireScenario.V1_SUBJECT);
      Subscription events = watcher.subscribe(RawWireScenario.V1_EVENT_SUBJECT);
      watcher.flush(WAIT);

      long before = System.currentTimeMillis();
      Message reply = target.send(0).get(10, TimeUnit.SECONDS);
      Message request = requests.nextMessage(WAIT);
      Message event = events.nextMessage(WAIT);

      Headers sent = request.getHeaders();
      assertEquals(Set.of("Content-Type", "Wee-Deadline", "Nats-Msg-Id", "traceparent"), sent.keySet());
      assertEquals("application/json", sent.getFirst("Content-Type"));
      assertTrue(Long.parseLong(sent.getFirst("Wee-Deadline")) > before, sent::toString);
      assertEquals(JSON.readTree(request.getData()).path("metadata").path("messageId").asText(),
          sent.getFirst("Nats-Msg-Id"));
      String traceparent = sent.getFirst("traceparent");
      assertTrue(traceparent.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), traceparent);

      assertEquals(Set.of("Nats-Msg-Id", "Content-Type", "traceparent"), event.getHeaders().keySet());
      assertEquals(JSON.readTree(event.getData()).path("id").asText(), event.getHeaders().getFirst("Nats-Msg-Id"));
      assertEquals(traceparent, event.getHeaders().getFirst("traceparent"));
      assertEquals(Set.of("Content-Type", "traceparent"), reply.getHeaders().keySet());
      assertEquals(traceparent, reply.getHeaders().getFirst("traceparent"));
      assertFalse(target.failed(reply));
    }
  }

  @Test
  void aTraceparentIsWellFormed() {
    assertEquals("00-000000000000000a00000000000000ff-0123456789abcdef-00",
        RawWireScenario.traceparent(10, 255, 0x0123456789abcdefL));
  }
}
