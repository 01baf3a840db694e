package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.json;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import com.weegigs.events.runtime.store.ForwardingEventStore;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.runtime.store.MapEventStore;
import com.weegigs.events.runtime.validation.Violation;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service side over a real nats-server, with the hand-written counters service. */
class NatsServiceTest extends CountersServiceTest {
  NatsServiceTest(NatsServer server) {
    super(server);
  }

  @Test
  void runsCommandsPublishesEventsAndAnswersQueries() throws Exception {
    harness.start();
    Subscription events = client.subscribe("counters.events.counter.added");
    client.flush(TIMEOUT);

    Message firstReply = harness.request("counters.command.counter.add",
        command("counter", "c-1", "{\"amount\":5}", "{\"correlationId\":\"corr-1\",\"userId\":\"ann\"}"));
    assertFalse(firstReply.hasHeaders(), () -> "a request without headers got reply headers " + firstReply.getHeaders());
    CommandResult<Counter, Object> first = assertCounter(firstReply);
    assertEquals(new Entity<>(new AggregateId("counter", "c-1"), 1, new Counter("c-1", 5)), first.entity());
    assertEquals(1, first.events().size());
    RecordedEvent<?> event = first.events().get(0);
    assertEquals("added", event.type());
    assertEquals(1, event.revision());
    assertEquals(new Added(5), event.data());
    assertEquals("corr-1", event.metadata().correlationId());
    assertEquals("ann", event.metadata().userId());
    assertNotNull(event.metadata().causationId());

    Message published = events.nextMessage(TIMEOUT);
    assertNotNull(published);
    assertFalse(published.hasHeaders(), () -> "the event of a request without headers has " + published.getHeaders());
    assertEquals(event, RecordedEvents.decodeRecordedEvent(published.getData(), COUNTER));

    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Message secondReply = harness.request("counters.command.counter.add",
        new Headers().put("traceparent", traceparent).put("tracestate", "a=1"),
        utf8(command("counter", "c-1", "{\"amount\":2}", null)));
    assertEquals(Set.of("traceparent", "tracestate"), secondReply.getHeaders().keySet());
    assertEquals(traceparent, secondReply.getHeaders().getFirst("traceparent"));
    assertEquals("a=1", secondReply.getHeaders().getFirst("tracestate"));
    Message secondEvent = events.nextMessage(TIMEOUT);
    assertEquals(Set.of("traceparent", "tracestate"), secondEvent.getHeaders().keySet());
    assertEquals(traceparent, secondEvent.getHeaders().getFirst("traceparent"));
    CommandResult<Counter, Object> second = assertCounter(secondReply);
    assertEquals(2, second.entity().revision());
    assertEquals(7, second.entity().state().value());

    CommandResult<Counter, Object> query = assertCounter(harness.request("counters.query.counter.get",
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c-1\"}}"));
    assertEquals(second.entity(), query.entity());
    assertEquals(List.of(), query.events());

    // a counter has an initial state: an unknown one is at revision 0
    assertEquals(new Entity<>(new AggregateId("counter", "new"), 0, new Counter("new", 0)),
        assertCounter(harness.request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"new\"}}")).entity());

    // an aggregate without initial state is created by its creating command
    Message opened = harness.request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"ann\"}", null));
    assertEquals(new Counters.Account("ann", 0), EntityReplies.decodeEntity(opened.getData(), Counters.ACCOUNT).entity().state());
    Message deposited = harness.request("counters.command.account.deposit", command("account", "a-1", "{\"amount\":3}", null));
    assertEquals(new Counters.Account("ann", 3), EntityReplies.decodeEntity(deposited.getData(), Counters.ACCOUNT).entity().state());

    Map<String, Object> health = new java.util.HashMap<>(json(harness.request("counters.health", null, new byte[0]).getData()));
    health.remove("checks");
    assertEquals(Map.of("status", "ok", "service", "counters", "version", "1.2.3", "aggregates", List.of("counter", "account")), health);
  }

  @Test
  void answersEveryErrorCodeWithHeadersAndBody() throws Exception {
    harness.start(builder -> builder.withMaxPayload(1024));

    ErrorReplies.ErrorReply invalid = assertError(harness.request("counters.command.counter.add", "not json"), ErrorCode.INVALID_REQUEST);
    assertEquals("request body is not valid JSON", invalid.message());
    assertError(harness.request("counters.command.counter.add", command("account", "c-1", "{\"amount\":1}", null)),
        ErrorCode.INVALID_REQUEST);

    ErrorReplies.ErrorReply validation = assertError(
        harness.request("counters.command.counter.add", command("counter", "c-1", "{\"amount\":0}", null)), ErrorCode.VALIDATION_FAILED);
    assertEquals(List.of(new Violation("amount", "must be greater than or equal to 1")), validation.violations());

    assertError(harness.request("counters.query.account.get", "{\"aggregateId\":{\"type\":\"account\",\"key\":\"nobody\"}}"),
        ErrorCode.NOT_FOUND);
    assertError(harness.request("counters.command.account.deposit", command("account", "nobody", "{\"amount\":1}", null)),
        ErrorCode.NOT_FOUND);

    ErrorReplies.ErrorReply conflict = assertError(harness.request("counters.command.counter.add",
        command("counter", "c-1", "{\"amount\":1}", "{\"expectedRevision\":5}")), ErrorCode.CONFLICT);
    assertEquals(Map.of("expectedRevision", 5, "actualRevision", 0), conflict.details());
    harness.request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"ann\"}", null));
    assertError(harness.request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"bob\"}", null)),
        ErrorCode.CONFLICT);

    assertError(harness.request("counters.command.counter.add",
        command("counter", "c-1", "{\"amount\":1,\"padding\":\"" + "x".repeat(2000) + "\"}", null)), ErrorCode.PAYLOAD_TOO_LARGE);

    ErrorReplies.ErrorReply rejected = assertError(harness.request("counters.command.counter.reject", command("counter", "c-9", "{}", null)),
        ErrorCode.REJECTED);
    assertEquals("Counter c-9 is locked", rejected.message());
    assertEquals("counter-locked", rejected.details().get("reason"));

    Message failed = harness.request("counters.command.counter.fail", command("counter", "c-9", "{}", "{\"correlationId\":\"corr-9\"}"));
    ErrorReplies.ErrorReply internal = assertError(failed, ErrorCode.INTERNAL);
    String everything = internal.message() + failed.getHeaders().getFirst("Nats-Service-Error") + internal.details();
    assertFalse(everything.contains("secret"), everything);
    assertFalse(everything.contains("IllegalState"), everything);
    assertFalse(everything.contains("com.weegigs"), everything);
    assertTrue(internal.message().contains("corr-9"), internal.message());

    Headers late = new Headers().put("Wee-Deadline", Long.toString(System.currentTimeMillis() - 1_000));
    assertError(harness.request("counters.command.counter.add", late, utf8(command("counter", "c-1", "{\"amount\":1}", null))),
        ErrorCode.TIMEOUT);

    // nothing above changed the counter: the conflicting, oversized and late commands took no effect
    assertEquals(0, assertCounter(harness.request("counters.query.counter.get",
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c-1\"}}")).entity().revision());
  }

  @Test
  void aCommandLoadsOnlyTheEventsAfterTheCachedState() throws Exception {
    InMemoryEventStore memory = new InMemoryEventStore();
    List<Long> loadedAfter = java.util.Collections.synchronizedList(new ArrayList<>());
    EventStore counting = new ForwardingEventStore(memory) {
      @Override
      public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
        loadedAfter.add(afterRevision);
        return super.load(type, id, afterRevision);
      }
    };
    harness.start(builder -> builder.withEventStore(counting));
    for (int i = 0; i < 20; i++) {
      assertCounter(harness.request("counters.command.counter.add", command("counter", "long", "{\"amount\":1}", null)));
    }
    // each command asked only for events after the revision it already had in its cache
    assertEquals(java.util.stream.LongStream.range(0, 20).boxed().toList(), loadedAfter);

    // another writer (another instance) appends behind the cache's back: the next command catches up
    AggregateId id = new AggregateId("counter", "long");
    memory.append(COUNTER, id, 20, "outside", List.of(new RecordedEvent<>("outside-1", id, "added", 21,
        java.time.Instant.now(), new Added(100), new EventMetadata("c", "outside", null))));
    CommandResult<Counter, Object> next = assertCounter(harness.request("counters.command.counter.add",
        command("counter", "long", "{\"amount\":1}", null)));
    assertEquals(22, next.entity().revision());
    assertEquals(121, next.entity().state().value());
  }

  @Test
  void aStoreThatKeepsNoBytesServesTheSameContract() throws Exception {
    // the map-backed test double keeps the appended objects: no wire forms, no codecs
    MapEventStore store = new MapEventStore();
    harness.start(builder -> builder.withEventStore(store));
    Subscription events = client.subscribe("counters.events.counter.added");
    client.flush(TIMEOUT);
    String body = command("counter", "plain", "{\"amount\":3}", "{\"messageId\":\"plain-1\"}");

    CommandResult<Counter, Object> first = assertCounter(harness.request("counters.command.counter.add", body));
    assertEquals(new Counter("plain", 3), first.entity().state());
    assertEquals(first.events().get(0), RecordedEvents.decodeRecordedEvent(events.nextMessage(TIMEOUT).getData(), COUNTER));
    assertEquals(first.events(), store.load(COUNTER, new AggregateId("counter", "plain"), 0));
    CommandResult<Counter, Object> repeat = assertCounter(harness.request("counters.command.counter.add", body));
    assertEquals(first.entity(), repeat.entity());
    assertEquals(first.events(), repeat.events());
    assertEquals(first.entity(), assertCounter(harness.request("counters.query.counter.get",
        ServiceHarness.query("counter", "plain"))).entity());
  }

  @Test
  void aDeadlineThatPassesWhileTheHandlerRunsStoresNothing() throws Exception {
    NatsService service = harness.start();
    Headers deadline = new Headers().put("Wee-Deadline", Long.toString(System.currentTimeMillis() + 200));
    Message reply = harness.request("counters.command.counter.sleep", deadline, utf8(command("counter", "late", "{\"millis\":400}", null)));
    assertError(reply, ErrorCode.TIMEOUT);
    assertEquals(0, service.eventStore().revision(COUNTER, new AggregateId("counter", "late")));
  }

  @Test
  void anUnreachableStoreIsUnavailable() throws Exception {
    EventStore broken = new EventStore() {
      @Override
      public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
        throw new EventStoreUnavailableException("store is down", null);
      }

      @Override
      public long revision(AggregateType<?, ?> type, AggregateId id) {
        throw new EventStoreUnavailableException("store is down", null);
      }

      @Override
      public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
          List<RecordedEvent<?>> events) {
        throw new EventStoreUnavailableException("store is down", null);
      }
    };
    harness.start(builder -> builder.withEventStore(broken));
    ErrorReplies.ErrorReply error = assertError(
        harness.request("counters.command.counter.add", command("counter", "c", "{\"amount\":1}", null)), ErrorCode.UNAVAILABLE);
    assertFalse(error.message().contains("store is down"), error.message());
    assertError(harness.request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"}}"),
        ErrorCode.UNAVAILABLE);
  }

  @ParameterizedTest(name = "inline below {0} ms")
  @ValueSource(longs = {0, 1, 1000})
  void twoHundredConcurrentCommandsOnOneAggregateAllTakeEffect(long inlineBelowMillis) throws Exception {
    // 0: always the worker pool; 1000: on the dispatcher thread once warmed up; 1: the default, adaptive
    harness.start(builder -> builder.withConcurrency(ConcurrencyConfig.defaults().withInlineBelow(Duration.ofMillis(inlineBelowMillis))));
    List<CompletableFuture<Message>> replies = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      replies.add(client.requestWithTimeout("counters.command.counter.add",
          utf8(command("counter", "hot", "{\"amount\":1}", null)), TIMEOUT));
    }
    Set<Long> revisions = new HashSet<>();
    for (CompletableFuture<Message> reply : replies) {
      revisions.add(assertCounter(reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)).entity().revision());
    }
    assertEquals(200, revisions.size());
    CommandResult<Counter, Object> last = assertCounter(harness.request("counters.query.counter.get",
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"hot\"}}"));
    assertEquals(200, last.entity().revision());
    assertEquals(200, last.entity().state().value());
  }

  @Test
  void aMessageIdSentTwiceTakesEffectOnceAndGetsTheSameReply() throws Exception {
    NatsService service = harness.start();
    String body = command("counter", "idem", "{\"amount\":4}", "{\"messageId\":\"m-1\"}");
    Message first = harness.request("counters.command.counter.add", body);
    Message second = harness.request("counters.command.counter.add", body);
    assertArrayEquals(first.getData(), second.getData());
    assertEquals(1, assertCounter(second).entity().revision());

    // the Nats-Msg-Id header is the messageId when the metadata has none, also concurrently
    Headers headers = new Headers().put("Nats-Msg-Id", "m-2");
    List<CompletableFuture<Message>> concurrent = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      concurrent.add(client.requestWithTimeout("counters.command.counter.add", headers,
          utf8(command("counter", "idem", "{\"amount\":4}", null)), TIMEOUT));
    }
    byte[] expected = concurrent.get(0).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getData();
    for (CompletableFuture<Message> reply : concurrent) {
      assertArrayEquals(expected, reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).getData());
    }
    assertEquals(2, service.eventStore().revision(COUNTER, new AggregateId("counter", "idem")));

    // a rejection repeated is the same rejection
    String reject = command("counter", "idem", "{}", "{\"messageId\":\"m-3\"}");
    assertArrayEquals(harness.request("counters.command.counter.reject", reject).getData(),
        harness.request("counters.command.counter.reject", reject).getData());
  }

  @Test
  void aMessageIdReusedForAnotherAggregateIsAConflictNotTheFirstAggregatesReply() throws Exception {
    NatsService service = harness.start();
    String first = command("counter", "reuse-a", "{\"amount\":4}", "{\"messageId\":\"m-20\"}");
    Message original = harness.request("counters.command.counter.add", first);
    assertEquals(new AggregateId("counter", "reuse-a"), assertCounter(original).entity().aggregate());

    // the reply of reuse-a is still remembered: it must not answer a command for reuse-b
    Message reused = harness.request("counters.command.counter.add",
        command("counter", "reuse-b", "{\"amount\":1}", "{\"messageId\":\"m-20\"}"));
    ErrorReplies.ErrorReply error = assertError(reused, ErrorCode.CONFLICT);
    assertTrue(error.message().contains("another aggregate"), error.message());
    assertEquals(0, service.eventStore().revision(COUNTER, new AggregateId("counter", "reuse-b")));

    // a true repeat for reuse-a still gets its first reply
    assertArrayEquals(original.getData(), harness.request("counters.command.counter.add", first).getData());
    assertEquals(1, service.eventStore().revision(COUNTER, new AggregateId("counter", "reuse-a")));
  }

  @Test
  void aRepeatAnsweredByTheStoreAfterTheReplyCacheForgotDescribesTheFirstOutcome() throws Exception {
    NatsService service = harness.start(builder -> builder.withIdempotency(new com.weegigs.events.runtime.service.IdempotencyConfig(0,
        Duration.ofMinutes(1))));
    String body = command("counter", "store-dedup", "{\"amount\":4}", "{\"messageId\":\"m-9\"}");
    CommandResult<Counter, Object> first = assertCounter(harness.request("counters.command.counter.add", body));
    assertCounter(harness.request("counters.command.counter.add", command("counter", "store-dedup", "{\"amount\":1}", null)));
    CommandResult<Counter, Object> repeat = assertCounter(harness.request("counters.command.counter.add", body));
    assertEquals(first.entity(), repeat.entity());
    assertEquals(first.events(), repeat.events());
    assertEquals(2, service.eventStore().revision(COUNTER, new AggregateId("counter", "store-dedup")));
  }
}
