package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.TIMEOUT;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertCounter;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.assertError;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.command;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.query;
import static com.weegigs.events.runtime.fixtures.ServiceHarness.utf8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.fixtures.Counters.Counter;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.runtime.internal.wire.WireIds;
import com.weegigs.events.runtime.store.JetStreamEventStore;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import com.weegigs.events.testing.NatsServer;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.KeyValue;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import io.nats.client.api.MessageInfo;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The {@code counters} service storing in JetStream: end to end, across instances, with repeats and strangers. */
class JetStreamServiceTest extends CountersServiceTest {
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private final JetStreamStoreConfig config;

  JetStreamServiceTest(NatsServer server) {
    super(server);
    // a stream, subjects and buckets of its own for each test
    int n = STREAMS.incrementAndGet();
    this.config = JetStreamStoreConfig.forService("counters")
        .withStreamName("svc-" + n)
        .withSubjectPrefix("wee-store.svc-" + n)
        .withBuckets("svc-outcomes-" + n, "svc-snapshots-" + n)
        .withStorage(JetStreamStoreConfig.Storage.MEMORY);
  }

  private String add(String key, int amount, String messageId) {
    return command("counter", key, "{\"amount\":" + amount + "}",
        messageId == null ? null : "{\"messageId\":\"" + messageId + "\"}");
  }

  @Test
  void commandsAreStoredOneMessageEachAndSurviveTheInstance() throws Exception {
    NatsService first = harness.start(builder -> builder.withEventStore(config));
    assertInstanceOf(JetStreamEventStore.class, first.eventStore());
    assertCounter(harness.request("counters.command.counter.add", add("c.1 é", 2, null)));
    assertCounter(harness.request("counters.command.counter.add", add("c.1 é", 3, null)));
    harness.request("counters.command.account.open", command("account", "a-1", "{\"owner\":\"ann\"}", null));
    harness.request("counters.command.account.deposit", command("account", "a-1", "{\"amount\":4}", null));

    MessageInfo last = client.jetStreamManagement().getLastMessage(config.streamName(),
        config.subjectPrefix() + ".counter.c~2E1~20~C3~A9");
    assertEquals("2-2", last.getHeaders().getFirst(CommandMessages.REVISIONS));
    assertEquals("added", last.getHeaders().getFirst(CommandMessages.EVENT_TYPES));
    assertEquals(1, CommandMessages.decode(COUNTER, last.getHeaders(), last.getData()).size());
    first.close();

    // a new instance starts cold, from the stream
    harness.start(builder -> builder.withEventStore(config));
    Counter counter = assertCounter(harness.request("counters.query.counter.get", query("counter", "c.1 é"))).entity().state();
    assertEquals(5, counter.value());
    String account = new String(harness.request("counters.query.account.get", query("account", "a-1")).getData());
    assertTrue(account.contains("\"balance\":4") && account.contains("\"revision\":2"), account);
  }

  @Test
  void twoInstancesOnOneStreamLoseNoUpdate() throws Exception {
    harness.start(builder -> builder.withEventStore(config));
    harness.start(builder -> builder.withEventStore(config));
    int commands = 200;
    int aggregates = 5;
    List<CompletableFuture<Message>> replies = new ArrayList<>();
    for (int i = 0; i < commands; i++) {
      replies.add(client.requestWithTimeout("counters.command.counter.add", null,
          utf8(add("k-" + i % aggregates, 1 + i % 3, null)), TIMEOUT));
    }
    Map<String, Long> expected = new HashMap<>();
    for (int i = 0; i < commands; i++) {
      assertCounter(replies.get(i).get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS));
      expected.merge("k-" + i % aggregates, (long) (1 + i % 3), Long::sum);
    }
    for (int k = 0; k < aggregates; k++) {
      var entity = assertCounter(harness.request("counters.query.counter.get", query("counter", "k-" + k))).entity();
      assertEquals(expected.get("k-" + k), entity.state().value());
      assertEquals(commands / aggregates, entity.revision());
    }
  }

  @Test
  void aRepeatedCommandGetsItsFirstOutcomeFromAnotherInstance() throws Exception {
    NatsService one = harness.start(builder -> builder.withEventStore(config));
    var first = assertCounter(harness.request("counters.command.counter.add", add("r", 5, "cmd-1")));
    assertCounter(harness.request("counters.command.counter.add", add("r", 1, "cmd-2")));
    one.close();
    harness.start(builder -> builder.withEventStore(config));
    var repeat = assertCounter(harness.request("counters.command.counter.add", add("r", 5, "cmd-1")));
    assertEquals(first.events(), repeat.events());
    assertEquals(first.entity(), repeat.entity());
    var now = assertCounter(harness.request("counters.query.counter.get", query("counter", "r"))).entity();
    assertEquals(6, now.state().value());
  }

  @Test
  void aRepeatOfACommandIsAnsweredWithItsOutcomeEvenWhenRunningItAgainWouldBeRefused() throws Exception {
    NatsService one = harness.start(builder -> builder.withEventStore(config));
    harness.request("counters.command.account.open", command("account", "a", "{\"owner\":\"ann\"}", "{\"messageId\":\"open-1\"}"));
    one.close();
    harness.start(builder -> builder.withEventStore(config));
    String reply = new String(harness.request("counters.command.account.open",
        command("account", "a", "{\"owner\":\"ann\"}", "{\"messageId\":\"open-1\"}")).getData());
    assertTrue(reply.contains("\"revision\":1") && reply.contains("\"opened\""), reply);
    assertError(harness.request("counters.command.account.open",
        command("account", "a", "{\"owner\":\"ann\"}", "{\"messageId\":\"open-2\"}")), ErrorCode.CONFLICT);
  }

  @Test
  void aRecentRepeatThatWouldBeRefusedIsAnsweredFromTheRecord() throws Exception {
    // a ULID made now: the service relies on the append to catch the repeat, and looks it up only when refused
    String messageId = WireIds.ulid(System.currentTimeMillis(), 7, 42);
    NatsService one = harness.start(builder -> builder.withEventStore(config));
    String first = new String(harness.request("counters.command.account.open",
        command("account", "b", "{\"owner\":\"bob\"}", "{\"messageId\":\"" + messageId + "\"}")).getData());
    one.close();
    harness.start(builder -> builder.withEventStore(config));
    String repeat = new String(harness.request("counters.command.account.open",
        command("account", "b", "{\"owner\":\"bob\"}", "{\"messageId\":\"" + messageId + "\"}")).getData());
    assertEquals(first, repeat);
  }

  @Test
  void aRepeatAfterTheDuplicateWindowIsAnsweredFromTheOutcomesBucket() throws Exception {
    JetStreamStoreConfig shortWindow = config.withDuplicateWindow(Duration.ofSeconds(1));
    NatsService one = harness.start(builder -> builder.withEventStore(shortWindow));
    String messageId = WireIds.ulid(System.currentTimeMillis() - 60_000, 1, 2);
    var first = assertCounter(harness.request("counters.command.counter.add", add("w", 3, messageId)));
    one.close();
    awaitForgotten(shortWindow, messageId);
    // another instance, which never saw the command: only the outcomes bucket knows it
    harness.start(builder -> builder.withEventStore(shortWindow));
    var repeat = assertCounter(harness.request("counters.command.counter.add", add("w", 3, messageId)));
    assertEquals(first.events(), repeat.events());
    assertEquals(3, assertCounter(harness.request("counters.query.counter.get", query("counter", "w"))).entity().state().value());
  }

  @Test
  void aRepeatAfterTheDuplicateWindowOfACommandStoredWithoutARecordIsFoundOnItsAggregate() throws Exception {
    JetStreamStoreConfig shortWindow = config.withDuplicateWindow(Duration.ofSeconds(2));
    NatsService one = harness.start(builder -> builder.withEventStore(shortWindow));
    assertCounter(harness.request("counters.command.counter.add", add("n", 1, "before")));
    // a ULID made now: the append alone catches its repeats within the window, so no outcome is recorded
    String messageId = WireIds.ulid(System.currentTimeMillis(), 3, 4);
    var first = assertCounter(harness.request("counters.command.counter.add", add("n", 4, messageId)));
    assertCounter(harness.request("counters.command.counter.add", add("n", 2, "after")));
    one.close();
    assertNull(client.keyValue(shortWindow.outcomesBucket()).get(messageId), "no outcome recorded");
    awaitForgotten(shortWindow, messageId);
    // another instance, which never saw the command, after JetStream forgot its messageId
    harness.start(builder -> builder.withEventStore(shortWindow));
    var repeat = assertCounter(harness.request("counters.command.counter.add", add("n", 4, messageId)));
    assertEquals(first.events(), repeat.events());
    assertEquals(first.entity(), repeat.entity());
    assertEquals(7, assertCounter(harness.request("counters.query.counter.get", query("counter", "n"))).entity().state().value());
  }

  /** Waits until JetStream has forgotten {@code messageId}: a probe expecting an impossible sequence is a duplicate until then, and stores nothing. */
  private void awaitForgotten(JetStreamStoreConfig config, String messageId) throws Exception {
    JetStream js = client.jetStream();
    String probeSubject = config.subjectPrefix() + ".counter.probe";
    Headers probe = new Headers().put("Nats-Msg-Id", messageId).put("Nats-Expected-Last-Subject-Sequence", "999999");
    boolean remembered = true;
    for (int i = 0; i < 400 && remembered; i++) {
      try {
        remembered = js.publish(probeSubject, probe, new byte[0]).isDuplicate();
        Thread.sleep(25);
      } catch (JetStreamApiException refused) {
        remembered = false;
      }
    }
    assertTrue(!remembered, "JetStream kept the messageId past its duplicate window");
  }

  @Test
  void aColdLoadStartsFromTheSnapshotOfThisShapeAndIgnoresOneOfAnother() throws Exception {
    JetStreamStoreConfig snapshotting = config.withSnapshotInterval(2);
    NatsService one = harness.start(builder -> builder.withEventStore(snapshotting));
    assertCounter(harness.request("counters.command.counter.add", add("s", 1, null)));
    assertCounter(harness.request("counters.command.counter.add", add("s", 1, null)));
    one.close();
    // a snapshot this shape of the state reads, saying something the events do not: a cold load believes it
    KeyValue snapshots = client.keyValue(snapshotting.snapshotsBucket());
    String fingerprint = HexFormat.of().formatHex(
        MessageDigest.getInstance("SHA-256").digest(COUNTER.stateSchema().getBytes(StandardCharsets.UTF_8)));
    MessageInfo second = client.jetStreamManagement().getLastMessage(snapshotting.streamName(),
        snapshotting.subjectPrefix() + ".counter.s");
    snapshots.put("counter.s", utf8("{\"revision\":2,\"sequence\":" + second.getSeq() + ",\"fingerprint\":\""
        + fingerprint + "\",\"state\":{\"id\":\"s\",\"value\":1000}}"));
    NatsService two = harness.start(builder -> builder.withEventStore(snapshotting));
    assertEquals(1000, assertCounter(harness.request("counters.query.counter.get", query("counter", "s"))).entity().state().value());
    var third = assertCounter(harness.request("counters.command.counter.add", add("s", 1, null))).entity();
    assertEquals(3, third.revision());
    assertEquals(1001, third.state().value());
    two.close();
    // one of another shape: ignored, the state rebuilt from the events
    snapshots.put("counter.s", utf8("{\"revision\":3,\"sequence\":1,\"fingerprint\":\"another-shape\","
        + "\"state\":{\"id\":\"s\",\"value\":5000}}"));
    harness.start(builder -> builder.withEventStore(snapshotting));
    var rebuilt = assertCounter(harness.request("counters.query.counter.get", query("counter", "s"))).entity();
    assertEquals(3, rebuilt.revision());
    assertEquals(3, rebuilt.state().value());
  }

  @Test
  void aServiceWhoseBucketsAreDeletedGoesOnServingAndCreatesThemAgain() throws Exception {
    JetStreamStoreConfig snapshotting = config.withSnapshotInterval(1);
    harness.start(builder -> builder.withEventStore(snapshotting));
    assertCounter(harness.request("counters.command.counter.add", add("d", 1, WireIds.ulid(System.currentTimeMillis(), 0, 1))));
    client.keyValueManagement().delete(snapshotting.outcomesBucket());
    client.keyValueManagement().delete(snapshotting.snapshotsBucket());
    String second = WireIds.ulid(System.currentTimeMillis(), 0, 2);
    assertCounter(harness.request("counters.command.counter.add", add("d", 1, second)));
    assertCounter(harness.request("counters.command.counter.add", add("d", 1, WireIds.ulid(System.currentTimeMillis(), 0, 3))));

    // the store noticed and created them again
    boolean back = false;
    for (int i = 0; i < 500 && !back; i++) {
      back = client.keyValueManagement().getBucketNames()
          .containsAll(List.of(snapshotting.outcomesBucket(), snapshotting.snapshotsBucket()));
      if (!back) {
        Thread.sleep(10);
      }
    }
    assertTrue(back, "the buckets were not created again");

    // a repeat on another instance is still caught, by JetStream's duplicate window
    harness.start(builder -> builder.withEventStore(snapshotting));
    harness.request("counters.command.counter.add", add("d", 1, second));
    harness.request("counters.command.counter.add", add("d", 1, second));
    var counter = assertCounter(harness.request("counters.query.counter.get", query("counter", "d"))).entity();
    assertEquals(3, counter.revision());
    assertEquals(3, counter.state().value());
  }
}
