package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.query;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.runtime.service.EndpointKind;
import com.weegigs.events.runtime.service.RequestContext;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Request interceptors over a real nats-server: what they see, their order, and how they refuse. */
class RequestInterceptorTest extends CountersServiceTest {
  private static final AggregateId C1 = new AggregateId("counter", "c-1");

  RequestInterceptorTest(NatsServer server) {
    super(server);
  }

  @Test
  void aRefusalIsTheDocumentedErrorReplyAndTheCommandDoesNotRun() throws Exception {
    NatsService service = harness.start(builder -> builder.withInterceptor(request -> {
      if (request.header("Authorization").isEmpty()) {
        throw new ForbiddenException("ann may not add to counters", Map.of("role", "reader"));
      }
    }));
    Subscription events = client.subscribe("counters.events.counter.added");
    client.flush(ServiceHarness.TIMEOUT);

    Message reply = harness.request("counters.command.counter.add", command("counter", "c-1", "{\"amount\":5}", null));

    ErrorReplies.ErrorReply error = assertError(reply, ErrorCode.FORBIDDEN);
    assertEquals("ann may not add to counters", error.message());
    assertEquals(Map.of("role", "reader"), error.details());
    assertEquals("ann may not add to counters", reply.getHeaders().getFirst("Nats-Service-Error"));
    assertEquals(0, service.eventStore().revision(COUNTER, C1));
    // the same request with the header gets through; the refused one left nothing behind
    Headers authorized = new Headers().put("Authorization", "Bearer ann");
    CommandResult<Counters.Counter, Object> added = assertCounter(harness.request("counters.command.counter.add", authorized,
        utf8(command("counter", "c-1", "{\"amount\":5}", null))));
    assertEquals(1, added.entity().revision());
    // events go out in order: had the refused command published one, it would come first
    Message first = events.nextMessage(ServiceHarness.TIMEOUT);
    assertEquals(added.events().get(0), RecordedEvents.decodeRecordedEvent(first.getData(), COUNTER));
  }

  @Test
  void interceptorsRunInTheOrderRegisteredAndTheFirstRefusalStopsTheRest() throws Exception {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    harness.start(builder -> builder
        .withInterceptor(request -> ran.add("authenticate"))
        .withInterceptor(request -> {
          ran.add("authorize");
          if (request.command().orElse("").equals("reject")) {
            throw new ForbiddenException("no rejections today");
          }
        })
        .withInterceptor(request -> ran.add("rate-limit")));

    assertCounter(harness.request("counters.command.counter.add", command("counter", "c-1", "{\"amount\":1}", null)));
    assertEquals(List.of("authenticate", "authorize", "rate-limit"), ran);

    ran.clear();
    assertError(harness.request("counters.command.counter.reject", command("counter", "c-1", "{}", null)),
        ErrorCode.FORBIDDEN);
    assertEquals(List.of("authenticate", "authorize"), ran);
  }

  @Test
  void theyRunAfterTheBodyIsDecodedAndBeforeTheCommandIsValidated() throws Exception {
    List<String> ran = Collections.synchronizedList(new ArrayList<>());
    harness.start(builder -> builder.withInterceptor(request -> {
      ran.add(request.subject());
      throw new ForbiddenException("nobody may");
    }));

    assertError(harness.request("counters.command.counter.add", "not json"), ErrorCode.INVALID_REQUEST);
    assertEquals(List.of(), ran, "a body that cannot be decoded never reaches the interceptors");
    // amount 0 is invalid, but the refusal comes first: an unauthorized caller learns nothing of the rules
    assertError(harness.request("counters.command.counter.add", command("counter", "c-1", "{\"amount\":0}", null)),
        ErrorCode.FORBIDDEN);
    assertEquals(List.of("counters.command.counter.add"), ran);
  }

  @Test
  void anInterceptorThatFailsUnexpectedlyIsInternalWithoutItsStackTraceOnTheWire() throws Exception {
    NatsService service = harness.start(builder -> builder.withInterceptor(request -> {
      throw new IllegalStateException("secret token cache is corrupt");
    }));

    Message reply = harness.request("counters.command.counter.add", command("counter", "c-1", "{\"amount\":1}", null));

    ErrorReplies.ErrorReply error = assertError(reply, ErrorCode.INTERNAL);
    String wire = new String(reply.getData(), java.nio.charset.StandardCharsets.UTF_8)
        + reply.getHeaders().getFirst("Nats-Service-Error");
    assertFalse(wire.contains("secret"), wire);
    assertFalse(wire.contains("IllegalState"), wire);
    assertFalse(wire.contains("com.weegigs"), wire);
    assertTrue(error.message().startsWith("internal error"), error.message());
    assertEquals(0, service.eventStore().revision(COUNTER, C1));
  }

  @Test
  void theContextDescribesTheEndpointTheHeadersAndTheAggregate() throws Exception {
    List<RequestContext> seen = Collections.synchronizedList(new ArrayList<>());
    harness.start(builder -> builder.withInterceptor(seen::add));

    harness.request("counters.command.counter.add", new Headers().put("Authorization", "Bearer ann").put("X-Tenant", "a", "b"),
        utf8(command("counter", "c-1", "{\"amount\":1}", null)));
    harness.request("counters.query.counter.get", query("counter", "c-1"));
    harness.request("counters.health", null, new byte[0]);

    assertEquals(3, seen.size());
    RequestContext command = seen.get(0);
    assertEquals(EndpointKind.COMMAND, command.kind());
    assertEquals("counters", command.service());
    assertEquals("counters.command.counter.add", command.subject());
    assertEquals(Optional.of(C1), command.aggregateId());
    assertEquals(Optional.of("add"), command.command());
    assertEquals(Optional.of("Bearer ann"), command.header("Authorization"));
    assertEquals(List.of("a", "b"), command.headers().get("X-Tenant"));
    assertThrows(UnsupportedOperationException.class, () -> command.headers().put("X-Tenant", List.of("c")));
    assertThrows(UnsupportedOperationException.class, () -> command.headers().get("X-Tenant").add("c"));

    RequestContext query = seen.get(1);
    assertEquals(EndpointKind.QUERY, query.kind());
    assertEquals(Optional.of(C1), query.aggregateId());
    assertEquals(Optional.empty(), query.command());
    assertEquals(Map.of(), query.headers());

    RequestContext health = seen.get(2);
    assertEquals(EndpointKind.HEALTH, health.kind());
    assertEquals(Optional.empty(), health.aggregateId());
    assertEquals(Optional.empty(), health.header("Authorization"));
  }
}
