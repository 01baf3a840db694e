package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.count;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.json;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.service.ConcurrencyConfig;
import com.weegigs.events.runtime.store.InMemoryEventStore;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.service.Discovery;
import io.nats.service.EndpointStats;
import io.nats.service.InfoResponse;
import io.nats.service.PingResponse;
import io.nats.service.StatsResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The service as a NATS micro service over a real nats-server: discovery and counts, instances in
 * a queue group, saturation and shutdown.
 */
class MicroServiceTest extends CountersServiceTest {
  MicroServiceTest(NatsServer server) {
    super(server);
  }

  @Test
  void listsEveryEndpointWithMetadataInSrvInfoAndCountsInStats() throws Exception {
    NatsService service = harness.start();
    Map<String, Object> ping = json(harness.request("$SRV.PING.counters", null, new byte[0]).getData());
    assertEquals("counters", ping.get("name"));
    assertEquals("1.2.3", ping.get("version"));
    assertEquals(service.id(), ping.get("id"));

    Map<String, Object> info = json(harness.request("$SRV.INFO.counters", null, new byte[0]).getData());
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

    harness.request("counters.command.counter.add", command("counter", "c", "{\"amount\":1}", null));
    harness.request("counters.command.counter.reject", command("counter", "c", "{}", null));
    Map<String, Object> stats = json(harness.request("$SRV.STATS.counters", null, new byte[0]).getData());
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
    NatsService one = harness.start();
    NatsService two = harness.start();
    harness.request("counters.command.counter.add", command("counter", "d", "{\"amount\":1}", null));
    harness.request("counters.command.counter.add", "not json");
    // jnats' own ADR-32 client, as any micro tooling would read the service
    Discovery discovery = new Discovery(client, 2_000, 10);

    List<PingResponse> pings = discovery.ping("counters");
    assertEquals(Set.of(one.id(), two.id()), pings.stream().map(PingResponse::getId).collect(Collectors.toSet()));
    for (PingResponse ping : pings) {
      assertEquals("io.nats.micro.v1.ping_response", ping.getType());
      assertEquals("1.2.3", ping.getVersion());
      assertEquals(Map.of("wee.wire", "1.1"), ping.getMetadata());
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
    NatsService one = harness.start(builder -> builder.withEventStore(store));
    NatsService two = harness.start(builder -> builder.withEventStore(store));
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
      Map<String, Object> stats = json(harness.request("$SRV.STATS.counters." + instance.id(), null, new byte[0]).getData());
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

  @Test
  void answersUnavailableAtOnceWhenSaturated() throws Exception {
    harness.start(builder -> builder.withConcurrency(new ConcurrencyConfig(1, 0)));
    CompletableFuture<Message> slow = client.requestWithTimeout("counters.command.counter.sleep",
        utf8(command("counter", "s", "{\"millis\":3000}", null)), TIMEOUT);
    client.flush(TIMEOUT);
    // once the service has handed the sleep to its only worker, the next request finds no worker and no queue
    for (int attempt = 0; attempt < 500 && harness.received("counters.command.counter.sleep") < 1; attempt++) {
      Thread.sleep(10);
    }
    Message busy = harness.request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"x\"}}");
    assertFalse(slow.isDone(), "the slow command is still running");
    assertError(busy, ErrorCode.UNAVAILABLE);
    assertCounter(slow.get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
    // and once the worker is free, requests are served again
    assertCounter(harness.request("counters.query.counter.get", "{\"aggregateId\":{\"type\":\"counter\",\"key\":\"x\"}}"));
  }

  @Test
  void shutdownAnswersEveryRequestInFlight() throws Exception {
    NatsService service = harness.start(builder -> builder.withConcurrency(new ConcurrencyConfig(4, 1000)));
    List<CompletableFuture<Message>> replies = new ArrayList<>();
    for (int i = 0; i < 100; i++) {
      replies.add(client.requestWithTimeout("counters.command.counter.sleep",
          utf8(command("counter", "k-" + i, "{\"millis\":100}", null)), Duration.ofSeconds(30)));
    }
    client.flush(TIMEOUT);
    // wait until the service has received all of them, so none can meet a closed subscription
    for (int attempt = 0; attempt < 500 && harness.received("counters.command.counter.sleep") < 100; attempt++) {
      Thread.sleep(10);
    }
    assertEquals(100, harness.received("counters.command.counter.sleep"));
    service.close();
    int finished = 0;
    int refused = 0;
    for (CompletableFuture<Message> reply : replies) {
      Message message = reply.get(30, TimeUnit.SECONDS);
      // a success carries no headers at all
      String code = message.hasHeaders() ? message.getHeaders().getFirst("Nats-Service-Error-Code") : null;
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
}
