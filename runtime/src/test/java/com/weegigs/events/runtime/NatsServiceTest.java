package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.ADD;
import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.Counters.SERVICE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonParser;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.wire.EntityReplies;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.RecordedEvents;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.JsonValues;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStore;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.runtime.validation.Violation;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import io.nats.service.Discovery;
import io.nats.service.EndpointStats;
import io.nats.service.InfoResponse;
import io.nats.service.PingResponse;
import io.nats.service.StatsResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The service side over a real nats-server, with the hand-written counters service. */
@NatsTest
class NatsServiceTest {
  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final NatsServer server;
  private final Connection client;
  private final List<NatsService> services = new ArrayList<>();

  NatsServiceTest(NatsServer server) {
    this.server = server;
    this.client = server.connect();
  }

  @AfterEach
  void stopServices() {
    for (NatsService service : services) {
      service.close();
    }
  }

  private NatsService start(java.util.function.UnaryOperator<NatsService.Builder> configure) {
    NatsService service = configure.apply(NatsService.builder(SERVICE)
            .natsUrl(server.url())
            .aggregate(Counters.counterDefinition())
            .aggregate(Counters.accountDefinition()))
        .start();
    services.add(service);
    return service;
  }

  private NatsService start() {
    return start(builder -> builder);
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static String command(String aggregate, String key, String command, String metadata) {
    return "{\"aggregateId\":{\"type\":\"" + aggregate + "\",\"key\":\"" + key + "\"},\"command\":" + command
        + (metadata == null ? "" : ",\"metadata\":" + metadata) + "}";
  }

  private Message request(String subject, String body) throws Exception {
    return request(subject, null, utf8(body));
  }

  private Message request(String subject, Headers headers, byte[] body) throws Exception {
    Message reply = client.requestWithTimeout(subject, headers, body, TIMEOUT).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
    assertNotNull(reply);
    return reply;
  }

  private static ErrorReplies.ErrorReply assertError(Message reply, ErrorCode code) {
    Headers headers = reply.getHeaders();
    assertNotNull(headers, "error replies carry headers");
    assertEquals(Integer.toString(code.number()), headers.getFirst("Nats-Service-Error-Code"));
    assertNotNull(headers.getFirst("Nats-Service-Error"));
    assertEquals("application/json", headers.getFirst("Content-Type"));
    ErrorReplies.ErrorReply error = ErrorReplies.decodeError(reply.getData());
    assertEquals(code.name(), error.code(), error.message());
    return error;
  }

  private static CommandResult<Counter, Object> assertCounter(Message reply) {
    assertTrue(reply.getHeaders() == null || reply.getHeaders().getFirst("Nats-Service-Error-Code") == null,
        () -> new String(reply.getData(), StandardCharsets.UTF_8));
    assertEquals("application/json", reply.getHeaders().getFirst("Content-Type"));
    return EntityReplies.decodeEntity(reply.getData(), COUNTER);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> json(byte[] body) throws Exception {
    try (JsonParser parser = Envelopes.JSON.createParser(body)) {
      parser.nextToken();
      return (Map<String, Object>) JsonValues.read(parser);
    }
  }

  @Test
  void runsCommandsPublishesEventsAndAnswersQueries() throws Exception {
    start();
    Subscription events = client.subscribe("counters.events.counter.added");
    client.flush(TIMEOUT);

    CommandResult<Counter, Object> first = assertCounter(request("counters.command.counter.add",
        command("counter", "c-1", "{\"amount\":5}", "{\"correlationId\":\"corr-1\",\"userId\":\"ann\"}")));
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
    assertEquals(event.id(), published.getHeaders().getFirst("Nats-Msg-Id"));
    assertEquals("application/json", published.getHeaders().getFirst("Content-Type"));
    assertEquals(event, RecordedEvents.decodeRecordedEvent(published.getData(), COUNTER));

    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";
    Message secondReply = request("counters.command.counter.add",
        new Headers().put("traceparent", traceparent).put("tracestate", "a=1"),
        utf8(command("counter", "c-1", "{\"amount\":2}", null)));
    assertEquals(traceparent, secondReply.getHeaders().getFirst("traceparent"));
    assertEquals("a=1", secondReply.getHeaders().getFirst("tracestate"));
    Message secondEvent = events.nextMessage(TIMEOUT);
    assertEquals(traceparent, secondEvent.getHeaders().getFirst("traceparent"));
    assertNotNull(published.getHeaders().getFirst("traceparent"), "a request without trace context starts one");
    CommandResult<Counter, Object> second = assertCounter(secondReply);
    assertEquals(2, second.entity().revision());
    assertEquals(7, second.entity().state().value());

    CommandResult<Counter, Object> query = assertCounter(request("counters.query.counter.get",
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c-1\"}}"));
    assertEquals(second.entity(), query.entity());
    assertEquals(List.of(), query.events());

    // a counter has an initial state: an unknown one is at revision 0
    assertEquals(new Entity<>(new AggregateId("counter", "new"), 0, new Counter("new", 0)),
        assertCounter(request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"new\"}}")).entity());

    // an aggregate without initial state is created by its creating command
    Message opened = request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"ann\"}", null));
    assertEquals(new Counters.Account("ann", 0), EntityReplies.decodeEntity(opened.getData(), Counters.ACCOUNT).entity().state());
    Message deposited = request("counters.command.account.deposit", command("account", "a-1", "{\"amount\":3}", null));
    assertEquals(new Counters.Account("ann", 3), EntityReplies.decodeEntity(deposited.getData(), Counters.ACCOUNT).entity().state());

    Map<String, Object> health = json(request("counters.health", null, new byte[0]).getData());
    assertEquals(Map.of("status", "ok", "service", "counters", "version", "1.2.3", "aggregates", List.of("counter", "account")), health);
  }

  @Test
  void answersEveryErrorCodeWithHeadersAndBody() throws Exception {
    start(builder -> builder.withMaxPayload(1024));

    ErrorReplies.ErrorReply invalid = assertError(request("counters.command.counter.add", "not json"), ErrorCode.INVALID_REQUEST);
    assertEquals("request body is not valid JSON", invalid.message());
    assertError(request("counters.command.counter.add", command("account", "c-1", "{\"amount\":1}", null)),
        ErrorCode.INVALID_REQUEST);

    ErrorReplies.ErrorReply validation = assertError(
        request("counters.command.counter.add", command("counter", "c-1", "{\"amount\":0}", null)), ErrorCode.VALIDATION_FAILED);
    assertEquals(List.of(new Violation("amount", "must be greater than or equal to 1")), validation.violations());

    assertError(request("counters.query.account.get", "{\"aggregateId\":{\"type\":\"account\",\"key\":\"nobody\"}}"),
        ErrorCode.NOT_FOUND);
    assertError(request("counters.command.account.deposit", command("account", "nobody", "{\"amount\":1}", null)),
        ErrorCode.NOT_FOUND);

    ErrorReplies.ErrorReply conflict = assertError(request("counters.command.counter.add",
        command("counter", "c-1", "{\"amount\":1}", "{\"expectedRevision\":5}")), ErrorCode.CONFLICT);
    assertEquals(Map.of("expectedRevision", 5, "actualRevision", 0), conflict.details());
    request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"ann\"}", null));
    assertError(request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"bob\"}", null)),
        ErrorCode.CONFLICT);

    assertError(request("counters.command.counter.add",
        command("counter", "c-1", "{\"amount\":1,\"padding\":\"" + "x".repeat(2000) + "\"}", null)), ErrorCode.PAYLOAD_TOO_LARGE);

    ErrorReplies.ErrorReply rejected = assertError(request("counters.command.counter.reject", command("counter", "c-9", "{}", null)),
        ErrorCode.REJECTED);
    assertEquals("Counter c-9 is locked", rejected.message());
    assertEquals("counter-locked", rejected.details().get("reason"));

    Message failed = request("counters.command.counter.fail", command("counter", "c-9", "{}", "{\"correlationId\":\"corr-9\"}"));
    ErrorReplies.ErrorReply internal = assertError(failed, ErrorCode.INTERNAL);
    String everything = internal.message() + failed.getHeaders().getFirst("Nats-Service-Error") + internal.details();
    assertFalse(everything.contains("secret"), everything);
    assertFalse(everything.contains("IllegalState"), everything);
    assertFalse(everything.contains("com.weegigs"), everything);
    assertTrue(internal.message().contains("corr-9"), internal.message());

    Headers late = new Headers().put("Wee-Deadline", Long.toString(System.currentTimeMillis() - 1_000));
    assertError(request("counters.command.counter.add", late, utf8(command("counter", "c-1", "{\"amount\":1}", null))),
        ErrorCode.TIMEOUT);

    // nothing above changed the counter: the conflicting, oversized and late commands took no effect
    assertEquals(0, assertCounter(request("counters.query.counter.get",
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c-1\"}}")).entity().revision());
  }

  @Test
  void aCommandLoadsOnlyTheEventsAfterTheCachedState() throws Exception {
    InMemoryEventStore memory = new InMemoryEventStore();
    List<Long> loadedAfter = java.util.Collections.synchronizedList(new ArrayList<>());
    EventStore counting = new EventStore() {
      @Override
      public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
        loadedAfter.add(afterRevision);
        return memory.load(type, id, afterRevision);
      }

      @Override
      public long revision(AggregateType<?, ?> type, AggregateId id) {
        return memory.revision(type, id);
      }

      @Override
      public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
          List<RecordedEvent<?>> events) {
        return memory.append(type, id, expectedRevision, messageId, events);
      }
    };
    start(builder -> builder.withEventStore(counting));
    for (int i = 0; i < 20; i++) {
      assertCounter(request("counters.command.counter.add", command("counter", "long", "{\"amount\":1}", null)));
    }
    // each command asked only for events after the revision it already had in its cache
    assertEquals(java.util.stream.LongStream.range(0, 20).boxed().toList(), loadedAfter);

    // another writer (another instance) appends behind the cache's back: the next command catches up
    AggregateId id = new AggregateId("counter", "long");
    memory.append(COUNTER, id, 20, "outside", List.of(new RecordedEvent<>("outside-1", id, "added", 21,
        java.time.Instant.now(), new Added(100), new EventMetadata("c", "outside", null))));
    CommandResult<Counter, Object> next = assertCounter(request("counters.command.counter.add",
        command("counter", "long", "{\"amount\":1}", null)));
    assertEquals(22, next.entity().revision());
    assertEquals(121, next.entity().state().value());
  }

  @Test
  void aDeadlineThatPassesWhileTheHandlerRunsStoresNothing() throws Exception {
    NatsService service = start();
    Headers deadline = new Headers().put("Wee-Deadline", Long.toString(System.currentTimeMillis() + 200));
    Message reply = request("counters.command.counter.sleep", deadline, utf8(command("counter", "late", "{\"millis\":400}", null)));
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
    start(builder -> builder.withEventStore(broken));
    ErrorReplies.ErrorReply error = assertError(
        request("counters.command.counter.add", command("counter", "c", "{\"amount\":1}", null)), ErrorCode.UNAVAILABLE);
    assertFalse(error.message().contains("store is down"), error.message());
    assertError(request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"c\"}}"),
        ErrorCode.UNAVAILABLE);
  }

  @Test
  void answersUnavailableAtOnceWhenSaturated() throws Exception {
    start(builder -> builder.withConcurrency(new ConcurrencyConfig(1, 0)));
    CompletableFuture<Message> slow = client.requestWithTimeout("counters.command.counter.sleep",
        utf8(command("counter", "s", "{\"millis\":3000}", null)), TIMEOUT);
    client.flush(TIMEOUT);
    // once the service has handed the sleep to its only worker, the next request finds no worker and no queue
    for (int attempt = 0; attempt < 500 && received("counters.command.counter.sleep") < 1; attempt++) {
      Thread.sleep(10);
    }
    Message busy = request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"x\"}}");
    assertFalse(slow.isDone(), "the slow command is still running");
    assertError(busy, ErrorCode.UNAVAILABLE);
    assertCounter(slow.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    // and once the worker is free, requests are served again
    assertCounter(request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"x\"}}"));
  }

  @Test
  void listsEveryEndpointWithMetadataInSrvInfoAndCountsInStats() throws Exception {
    NatsService service = start();
    Map<String, Object> ping = json(request("$SRV.PING.counters", null, new byte[0]).getData());
    assertEquals("counters", ping.get("name"));
    assertEquals("1.2.3", ping.get("version"));
    assertEquals(service.id(), ping.get("id"));

    Map<String, Object> info = json(request("$SRV.INFO.counters", null, new byte[0]).getData());
    assertEquals("io.nats.micro.v1.info_response", info.get("type"));
    assertEquals("Counters for tests", info.get("description"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) info.get("endpoints");
    Map<String, Map<String, Object>> bySubject = new java.util.HashMap<>();
    for (Map<String, Object> endpoint : endpoints) {
      bySubject.put((String) endpoint.get("subject"), endpoint);
      assertEquals("q", endpoint.get("queue_group"));
    }
    assertEquals(Set.of("counters.command.counter.add", "counters.command.counter.fail", "counters.command.counter.reject",
        "counters.command.counter.sleep", "counters.query.counter.get", "counters.command.account.open",
        "counters.command.account.deposit", "counters.query.account.get", "counters.health"), bySubject.keySet());
    assertEquals(Map.of("wee.kind", "command", "wee.aggregate", "counter", "wee.command", "add", "wee.schema", Counters.ADD_SCHEMA),
        bySubject.get("counters.command.counter.add").get("metadata"));
    assertEquals(Map.of("wee.kind", "query", "wee.aggregate", "counter", "wee.schema", Requests.QUERY_REQUEST_SCHEMA),
        bySubject.get("counters.query.counter.get").get("metadata"));
    assertEquals("health", ((Map<?, ?>) bySubject.get("counters.health").get("metadata")).get("wee.kind"));

    request("counters.command.counter.add", command("counter", "c", "{\"amount\":1}", null));
    request("counters.command.counter.reject", command("counter", "c", "{}", null));
    Map<String, Object> stats = json(request("$SRV.STATS.counters", null, new byte[0]).getData());
    assertEquals("io.nats.micro.v1.stats_response", stats.get("type"));
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> endpointStats = (List<Map<String, Object>>) stats.get("endpoints");
    for (Map<String, Object> endpoint : endpointStats) {
      if (endpoint.get("subject").equals("counters.command.counter.add")) {
        assertEquals(1, count(endpoint, "num_requests"));
        assertEquals(0, count(endpoint, "num_errors"));
        assertEquals("", endpoint.get("last_error"));
      }
      if (endpoint.get("subject").equals("counters.command.counter.reject")) {
        assertEquals(1, count(endpoint, "num_requests"));
        assertEquals(1, count(endpoint, "num_errors"));
        assertTrue(((String) endpoint.get("last_error")).startsWith("422 REJECTED: "), endpoint::toString);
      }
    }
  }

  @Test
  void aStandardMicroClientDiscoversTheServiceAndReadsItsCounts() throws Exception {
    NatsService one = start();
    NatsService two = start();
    request("counters.command.counter.add", command("counter", "d", "{\"amount\":1}", null));
    request("counters.command.counter.add", "not json");
    // jnats' own ADR-32 client, as any micro tooling would read the service
    Discovery discovery = new Discovery(client, 2_000, 10);

    List<PingResponse> pings = discovery.ping("counters");
    assertEquals(Set.of(one.id(), two.id()), pings.stream().map(PingResponse::getId).collect(Collectors.toSet()));
    for (PingResponse ping : pings) {
      assertEquals("io.nats.micro.v1.ping_response", ping.getType());
      assertEquals("1.2.3", ping.getVersion());
      assertEquals(Map.of("wee.wire", "1"), ping.getMetadata());
    }
    assertEquals(one.id(), discovery.ping("counters", one.id()).getId());

    InfoResponse info = discovery.info("counters", one.id());
    assertEquals("Counters for tests", info.getDescription());
    assertEquals(9, info.getEndpoints().size());
    io.nats.service.Endpoint add = info.getEndpoints().stream()
        .filter(endpoint -> endpoint.getSubject().equals("counters.command.counter.add")).findFirst().orElseThrow();
    assertEquals("command_counter_add", add.getName());
    assertEquals("q", add.getQueueGroup());
    assertEquals("add", add.getMetadata().get("wee.command"));

    long requests = 0;
    long errors = 0;
    for (StatsResponse stats : discovery.stats("counters")) {
      assertEquals("io.nats.micro.v1.stats_response", stats.getType());
      assertNotNull(stats.getStarted());
      for (EndpointStats endpoint : stats.getEndpointStatsList()) {
        if (endpoint.getSubject().equals("counters.command.counter.add")) {
          requests += endpoint.getNumRequests();
          errors += endpoint.getNumErrors();
          if (endpoint.getNumErrors() > 0) {
            assertTrue(endpoint.getLastError().startsWith("400 INVALID_REQUEST: "), endpoint::toString);
          }
          if (endpoint.getNumRequests() > 0) {
            assertTrue(endpoint.getProcessingTime() > 0, endpoint::toString);
            assertEquals(endpoint.getProcessingTime() / endpoint.getNumRequests(), endpoint.getAverageProcessingTime());
          }
        }
      }
    }
    // the queue group sent each request to one instance; together they saw both, and one error
    assertEquals(2, requests);
    assertEquals(1, errors);

    one.close();
    assertEquals(List.of(two.id()), discovery.ping("counters").stream().map(PingResponse::getId).toList(),
        "a closed instance no longer answers discovery");
  }

  @Test
  void twoInstancesInOneQueueGroupShareTheLoadAndLoseNoUpdate() throws Exception {
    InMemoryEventStore store = new InMemoryEventStore();
    NatsService one = start(builder -> builder.withEventStore(store));
    NatsService two = start(builder -> builder.withEventStore(store));
    List<CompletableFuture<Message>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(client.requestWithTimeout("counters.command.counter.add",
          utf8(command("counter", "shared", "{\"amount\":1}", null)), TIMEOUT));
    }
    for (CompletableFuture<Message> reply : replies) {
      assertCounter(reply.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    }
    assertEquals(100, store.revision(COUNTER, new AggregateId("counter", "shared")));
    Set<String> served = new HashSet<>();
    for (NatsService instance : List.of(one, two)) {
      Map<String, Object> stats = json(request("$SRV.STATS.counters." + instance.id(), null, new byte[0]).getData());
      @SuppressWarnings("unchecked")
      List<Map<String, Object>> endpoints = (List<Map<String, Object>>) stats.get("endpoints");
      for (Map<String, Object> endpoint : endpoints) {
        if (endpoint.get("subject").equals("counters.command.counter.add") && count(endpoint, "num_requests") > 0) {
          served.add(instance.id());
        }
      }
    }
    assertEquals(Set.of(one.id(), two.id()), served);
  }

  @ParameterizedTest(name = "inline below {0} ms")
  @ValueSource(longs = {0, 1, 1000})
  void twoHundredConcurrentCommandsOnOneAggregateAllTakeEffect(long inlineBelowMillis) throws Exception {
    // 0: always the worker pool; 1000: on the dispatcher thread once warmed up; 1: the default, adaptive
    start(builder -> builder.withConcurrency(ConcurrencyConfig.defaults().withInlineBelow(Duration.ofMillis(inlineBelowMillis))));
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
    CommandResult<Counter, Object> last = assertCounter(request("counters.query.counter.get",
        "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"hot\"}}"));
    assertEquals(200, last.entity().revision());
    assertEquals(200, last.entity().state().value());
  }

  @Test
  void aMessageIdSentTwiceTakesEffectOnceAndGetsTheSameReply() throws Exception {
    NatsService service = start();
    String body = command("counter", "idem", "{\"amount\":4}", "{\"messageId\":\"m-1\"}");
    Message first = request("counters.command.counter.add", body);
    Message second = request("counters.command.counter.add", body);
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
    assertArrayEquals(request("counters.command.counter.reject", reject).getData(),
        request("counters.command.counter.reject", reject).getData());
  }

  @Test
  void aMessageIdReusedForAnotherAggregateIsAConflictNotTheFirstAggregatesReply() throws Exception {
    NatsService service = start();
    String first = command("counter", "reuse-a", "{\"amount\":4}", "{\"messageId\":\"m-20\"}");
    Message original = request("counters.command.counter.add", first);
    assertEquals(new AggregateId("counter", "reuse-a"), assertCounter(original).entity().aggregate());

    // the reply of reuse-a is still remembered: it must not answer a command for reuse-b
    Message reused = request("counters.command.counter.add",
        command("counter", "reuse-b", "{\"amount\":1}", "{\"messageId\":\"m-20\"}"));
    ErrorReplies.ErrorReply error = assertError(reused, ErrorCode.CONFLICT);
    assertTrue(error.message().contains("another aggregate"), error.message());
    assertEquals(0, service.eventStore().revision(COUNTER, new AggregateId("counter", "reuse-b")));

    // a true repeat for reuse-a still gets its first reply
    assertArrayEquals(original.getData(), request("counters.command.counter.add", first).getData());
    assertEquals(1, service.eventStore().revision(COUNTER, new AggregateId("counter", "reuse-a")));
  }

  @Test
  void aRepeatAnsweredByTheStoreAfterTheReplyCacheForgotDescribesTheFirstOutcome() throws Exception {
    NatsService service = start(builder -> builder.withIdempotency(new com.weegigs.events.runtime.service.IdempotencyConfig(0,
        Duration.ofMinutes(1))));
    String body = command("counter", "store-dedup", "{\"amount\":4}", "{\"messageId\":\"m-9\"}");
    CommandResult<Counter, Object> first = assertCounter(request("counters.command.counter.add", body));
    assertCounter(request("counters.command.counter.add", command("counter", "store-dedup", "{\"amount\":1}", null)));
    CommandResult<Counter, Object> repeat = assertCounter(request("counters.command.counter.add", body));
    assertEquals(first.entity(), repeat.entity());
    assertEquals(first.events(), repeat.events());
    assertEquals(2, service.eventStore().revision(COUNTER, new AggregateId("counter", "store-dedup")));
  }

  @Test
  void shutdownAnswersEveryRequestInFlight() throws Exception {
    NatsService service = start(builder -> builder.withConcurrency(new ConcurrencyConfig(4, 1000)));
    List<CompletableFuture<Message>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(client.requestWithTimeout("counters.command.counter.sleep",
          utf8(command("counter", "k-" + i, "{\"millis\":100}", null)), Duration.ofSeconds(30)));
    }
    client.flush(TIMEOUT);
    // wait until the service has received all of them, so none can meet a closed subscription
    for (int attempt = 0; attempt < 500 && receivedSleeps() < 100; attempt++) {
      Thread.sleep(10);
    }
    assertEquals(100, receivedSleeps());
    service.close();
    int finished = 0;
    int refused = 0;
    for (CompletableFuture<Message> reply : replies) {
      Message message = reply.get(30, TimeUnit.SECONDS);
      String code = message.getHeaders().getFirst("Nats-Service-Error-Code");
      if (code == null) {
        finished++;
      } else {
        assertError(message, ErrorCode.UNAVAILABLE);
        refused++;
      }
    }
    assertEquals(100, finished + refused);
    assertTrue(finished >= 1, "requests already running finish");
    assertTrue(service.isClosed());
    // after close the subjects have no responders
    CompletableFuture<Message> after = client.requestWithTimeout("counters.health", new byte[0], TIMEOUT);
    // jnats cancels a request that meets no responders
    assertTrue(after.handle((message, error) -> error != null).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS),
        "a closed service must not answer");
  }

  /** A count from a stats object: ADR-32's stats schema requires every count, zero or not. */
  private static int count(Map<?, ?> object, String field) {
    Object value = object.get(field);
    assertNotNull(value, () -> field + " is missing from " + object);
    return ((Number) value).intValue();
  }

  private int receivedSleeps() throws Exception {
    return received("counters.command.counter.sleep");
  }

  private int received(String subject) throws Exception {
    Map<String, Object> stats = json(request("$SRV.STATS.counters", null, new byte[0]).getData());
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> endpoints = (List<Map<String, Object>>) stats.get("endpoints");
    for (Map<String, Object> endpoint : endpoints) {
      if (endpoint.get("subject").equals(subject)) {
        return count(endpoint, "num_requests");
      }
    }
    return 0;
  }
}
