package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.count;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.Message;
import io.nats.client.Subscription;
import io.nats.client.impl.Headers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code {service}.info} and {@code {service}.stats} over a real nats-server, with two instances:
 * info is answered by one of them (queue group), stats by each.
 */
class ServiceInfoAndStatsTest extends CountersServiceTest {
  ServiceInfoAndStatsTest(NatsServer server) {
    super(server);
  }

  /** What came back to one info request and one stats request sent together. */
  private record Answers(List<Map<String, Object>> info, List<Map<String, Object>> stats) {}

  /**
   * Sends an info request, then a stats request, from one connection to one inbox, and collects
   * replies until every instance has answered the stats. Each instance reads both on one
   * dispatcher, in the order they were sent, and answers on one connection, so an info reply from
   * any instance arrives before that instance's stats reply: once {@code instances} stats replies
   * are in, every info reply is.
   */
  private Answers ask(int instances) throws Exception {
    String inbox = client.createInbox();
    Subscription replies = client.subscribe(inbox);
    client.flush(TIMEOUT);
    client.publish("counters.info", inbox, new byte[0]);
    client.publish("counters.stats", inbox, new byte[0]);
    List<Map<String, Object>> info = new ArrayList<>();
    List<Map<String, Object>> stats = new ArrayList<>();
    while (stats.size() < instances) {
      Message reply = replies.nextMessage(TIMEOUT);
      assertNotNull(reply, "an instance did not answer");
      assertFalse(reply.hasHeaders(), () -> "a request without headers got reply headers " + reply.getHeaders());
      Map<String, Object> body = json(reply.getData());
      (body.containsKey("id") ? stats : info).add(body);
    }
    replies.unsubscribe();
    return new Answers(info, stats);
  }

  @Test
  void infoIsAnsweredByOneInstanceWithEveryAggregateCommandEventAndSchema() throws Exception {
    harness.start();
    harness.start();

    Answers answers = ask(2);

    assertEquals(1, answers.info().size(), "info is answered in the queue group, by one instance");
    Map<String, Object> info = answers.info().get(0);
    assertEquals("counters", info.get("name"));
    assertEquals("1.2.3", info.get("version"));
    assertEquals("Counters for tests", info.get("title"));
    assertEquals("1.1", info.get("wire"));
    List<Map<String, Object>> aggregates = list(info, "aggregates");
    assertEquals(List.of("counter", "account"), aggregates.stream().map(aggregate -> aggregate.get("type")).toList());
    Map<String, Object> counter = aggregates.get(0);
    assertEquals(Map.of("type", "object"), counter.get("stateSchema"));
    assertEquals("counters.query.counter.get", ((Map<?, ?>) counter.get("query")).get("subject"));
    List<Map<String, Object>> commands = list(counter, "commands");
    assertEquals(List.of("add", "fail", "reject", "sleep"), commands.stream().map(command -> command.get("name")).toList());
    Map<String, Object> add = commands.get(0);
    assertEquals("counters.command.counter.add", add.get("subject"));
    assertEquals(json(Counters.ADD_SCHEMA.getBytes(java.nio.charset.StandardCharsets.UTF_8)), add.get("schema"));
    List<Map<String, Object>> events = list(aggregates.get(1), "events");
    assertEquals(List.of("opened", "deposited"), events.stream().map(event -> event.get("type")).toList());
    assertEquals("counters.events.account.opened", events.get(0).get("subject"));
    assertEquals(Map.of("type", "object"), events.get(0).get("schema"));
  }

  @Test
  void statsAreAnsweredByEveryInstanceWithItsOwnCounters() throws Exception {
    NatsService one = harness.start();
    NatsService two = harness.start();
    for (int i = 0; i < 3; i++) {
      assertCounter(harness.request("counters.command.counter.add", command("counter", "s-1", "{\"amount\":1}", null)));
    }
    assertError(harness.request("counters.command.counter.reject", command("counter", "s-1", "{}", null)), ErrorCode.REJECTED);
    assertError(harness.request("counters.command.counter.add", "not json"), ErrorCode.INVALID_REQUEST);

    Answers answers = ask(2);

    Set<Object> ids = new HashSet<>();
    long ok = 0;
    long rejected = 0;
    long invalid = 0;
    long loads = 0;
    long misses = 0;
    long rehydrations = 0;
    for (Map<String, Object> stats : answers.stats()) {
      ids.add(stats.get("id"));
      assertEquals("counters", stats.get("name"));
      assertEquals("1.2.3", stats.get("version"));
      assertNotNull(stats.get("started"));
      List<Map<String, Object>> aggregates = list(stats, "aggregates");
      assertEquals(List.of("counter", "account"), aggregates.stream().map(aggregate -> aggregate.get("type")).toList());
      Map<String, Object> counter = aggregates.get(0);
      @SuppressWarnings("unchecked")
      Map<String, Object> outcomes = (Map<String, Object>) counter.get("commands");
      Set<String> every = new HashSet<>(List.of("OK"));
      for (ErrorCode code : ErrorCode.values()) {
        every.add(code.name());
      }
      assertEquals(every, outcomes.keySet(), "every outcome is counted, zero or not");
      ok += count(outcomes, "OK");
      rejected += count(outcomes, "REJECTED");
      invalid += count(outcomes, "INVALID_REQUEST");
      assertEquals(0, count(counter, "conflicts"), counter::toString);
      assertEquals(0, count(counter, "retries"), counter::toString);
      loads += count(counter, "cacheHits") + count(counter, "cacheMisses");
      misses += count(counter, "cacheMisses");
      rehydrations += count(counter, "rehydrations");
      assertTrue(count(counter, "rehydrationNanos") >= 0, counter::toString);
    }
    assertEquals(Set.of(one.id(), two.id()), ids, "every instance answers the stats");
    // the queue group shared the commands out; together the instances counted each once
    assertEquals(3, ok);
    assertEquals(1, rejected);
    assertEquals(1, invalid);
    assertEquals(4, loads, "each command that reached the core loaded the counter once");
    assertTrue(misses >= 1, "the first load of s-1 on an instance misses the cache");
    assertEquals(misses, rehydrations, "a state not in the cache is rebuilt from the store");
  }

  @Test
  void aTraceToContinueComesBackOnTheInfoReply() throws Exception {
    harness.start();
    String traceparent = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01";

    Message reply = harness.request("counters.info", new Headers().put("traceparent", traceparent), new byte[0]);

    assertEquals(Set.of("traceparent"), reply.getHeaders().keySet());
    assertEquals(traceparent, reply.getHeaders().getFirst("traceparent"));
    assertEquals("counters", json(reply.getData()).get("name"));
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> list(Map<String, Object> object, String field) {
    Object value = object.get(field);
    assertNotNull(value, () -> field + " is missing from " + object);
    return (List<Map<String, Object>>) value;
  }
}
