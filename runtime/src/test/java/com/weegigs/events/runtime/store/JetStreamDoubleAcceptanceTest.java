package com.weegigs.events.runtime.store;

import static com.weegigs.events.runtime.fixtures.Counters.COUNTER;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamOptions;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A double acceptance, as a stream leader elected before it applied its predecessor's last
 * proposal makes one: a message stored although the subject had moved past the sequence it
 * expected. The server here is sound, so the test's connection plays the faults: it spells the
 * expectation header so the server does not check it (the message is stored as the faulty leader
 * stores it), and it loses the acknowledgement of a stored message (an ambiguous append).
 */
@NatsTest
class JetStreamDoubleAcceptanceTest {
  private static final AtomicInteger STREAMS = new AtomicInteger();
  private static final Instant AT = Instant.parse("2026-03-01T10:15:30.123Z");
  private static final AggregateId C1 = new AggregateId("counter", "c-1");
  private static final AggregateId C2 = new AggregateId("counter", "c-2");
  private static Connection connection;

  @BeforeAll
  static void connect(NatsServer server) {
    connection = server.connect();
  }

  @Test
  void anAppendAcceptedAfterAnotherWithItsRevisionsIsAConflictAndItsRetryIsKept() throws Exception {
    Scene scene = Scene.afterAnotherWriter();
    JetStreamStoreConfig config = scene.config();
    Faults faults = scene.faults();
    JetStreamEventStore store = scene.store();
    String subject = CommandMessages.subject(config.subjectPrefix(), C1);

    // an ambiguous append: stored, but its acknowledgement lost; the store is suspect from now on
    faults.loseAcks = true;
    assertThrows(EventStoreUnavailableException.class, () -> store.append(COUNTER, C2, 0, "m-x", added(C2, 0, 1, "m-x")));
    faults.loseAcks = false;
    // its retry finds it stored: the position was not trusted
    assertInstanceOf(AppendResult.Duplicate.class, store.append(COUNTER, C2, 0, "m-x", added(C2, 0, 1, "m-x")));

    // the store still expects revision 1's sequence, and the faulty leader accepts its message after m-a's
    faults.unchecked = true;
    AppendResult doubled = store.append(COUNTER, C1, 1, "m-b", added(C1, 1, 1, "m-b"));
    faults.unchecked = false;
    assertEquals(new AppendResult.Conflict(2), doubled);
    MessageInfo skipped = connection.jetStreamManagement().getLastMessage(config.streamName(), subject);
    assertEquals("m-b", skipped.getHeaders().getFirst(CommandMessages.MSG_ID));

    // readers skip it, in this store and in a fresh one
    JetStreamEventStore fresh = JetStreamEventStore.open(connection, config);
    assertEquals(List.of("m-1-1", "m-a-1"), ids(fresh.load(COUNTER, C1, 0)));
    assertEquals(2, fresh.revision(COUNTER, C1));
    assertEquals(List.of("m-1-1", "m-a-1"), ids(store.load(COUNTER, C1, 0)));

    // the service's retry, on the state it reloaded, is stored under a derived id and kept
    AppendResult retried = store.append(COUNTER, C1, 2, "m-b", added(C1, 2, 1, "m-b"));
    assertInstanceOf(AppendResult.Appended.class, retried);
    MessageInfo kept = connection.jetStreamManagement().getLastMessage(config.streamName(), subject);
    assertEquals("m-b~2", kept.getHeaders().getFirst(CommandMessages.MSG_ID));
    JetStreamEventStore reader = JetStreamEventStore.open(connection, config);
    assertEquals(List.of("m-1-1", "m-a-1", "m-b-1"), ids(reader.load(COUNTER, C1, 0)));
    assertEquals(List.of(1L, 2L, 3L), reader.load(COUNTER, C1, 0).stream().map(RecordedEvent::revision).toList());

    // lookups answer from the kept message, never from the skipped one
    assertEquals(List.of(3L), revisions(store.recorded("m-b").orElseThrow()));
    JetStreamEventStore third = JetStreamEventStore.open(connection, config);
    third.serves(COUNTER);
    // a repeat on the current state: JetStream names the skipped message first, then the kept one
    AppendResult again = third.append(COUNTER, C1, 3, "m-b", added(C1, 3, 1, "m-b"));
    assertEquals(List.of(3L), revisions(assertInstanceOf(AppendResult.Duplicate.class, again).events()));
    // a repeat on the state it first ran on: the probes name the skipped message first, then the kept one
    JetStreamEventStore fourth = JetStreamEventStore.open(connection, config);
    AppendResult stale = fourth.append(COUNTER, C1, 1, "m-b", added(C1, 1, 1, "m-b"));
    assertEquals(List.of(3L), revisions(assertInstanceOf(AppendResult.Duplicate.class, stale).events()));
    assertEquals(3, fourth.revision(COUNTER, C1));
  }

  @Test
  void withoutAFaultAnAcceptedAppendIsNotChecked() throws Exception {
    Scene scene = Scene.afterAnotherWriter();
    JetStreamStoreConfig config = scene.config();
    Faults faults = scene.faults();
    JetStreamEventStore store = scene.store();
    // no fault seen, so the hot path trusts the server: the doubled message is acknowledged (and skipped)
    faults.unchecked = true;
    assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 1, "m-b", added(C1, 1, 1, "m-b")));
    faults.unchecked = false;
    assertEquals(List.of("m-1-1", "m-a-1"), ids(JetStreamEventStore.open(connection, config).load(COUNTER, C1, 0)));
  }

  /**
   * A store on a faulty connection that appended revision 1 of {@code C1} and still expects its
   * sequence, after another instance appended revision 2 (the command the old leader had committed).
   */
  private record Scene(JetStreamStoreConfig config, Faults faults, JetStreamEventStore store) {
    static Scene afterAnotherWriter() {
      JetStreamStoreConfig config = fresh();
      Faults faults = new Faults();
      JetStreamEventStore store = JetStreamEventStore.open(faults.on(connection), config);
      JetStreamEventStore other = JetStreamEventStore.open(connection, config);
      assertInstanceOf(AppendResult.Appended.class, store.append(COUNTER, C1, 0, "m-1", added(C1, 0, 1, "m-1")));
      assertInstanceOf(AppendResult.Appended.class, other.append(COUNTER, C1, 1, "m-a", added(C1, 1, 1, "m-a")));
      return new Scene(config, faults, store);
    }
  }

  private static JetStreamStoreConfig fresh() {
    int n = STREAMS.incrementAndGet();
    return JetStreamStoreConfig.forService("doubled")
        .withStreamName("doubled-" + n)
        .withSubjectPrefix("wee-store.doubled-" + n)
        .withBuckets("doubled-outcomes-" + n, "doubled-snapshots-" + n)
        .withStorage(JetStreamStoreConfig.Storage.MEMORY);
  }

  private static List<RecordedEvent<?>> added(AggregateId id, long after, int count, String messageId) {
    List<RecordedEvent<?>> events = new ArrayList<>();
    for (int i = 1; i <= count; i++) {
      events.add(new RecordedEvent<>(messageId + "-" + i, id, "added", after + i, AT, new Added(1),
          new EventMetadata("corr", messageId, null)));
    }
    return events;
  }

  private static List<String> ids(List<RecordedEvent<?>> events) {
    return events.stream().map(RecordedEvent::id).toList();
  }

  private static List<Long> revisions(List<RecordedEvent<?>> events) {
    return events.stream().map(RecordedEvent::revision).toList();
  }

  /** The faults the test's connection plays on the store's publishes. */
  private static final class Faults {
    /** Publish with the expectation header spelled so the server does not check it. */
    volatile boolean unchecked;
    /** Publish, then fail as a lost acknowledgement does. */
    volatile boolean loseAcks;

    Connection on(Connection real) {
      return proxy(Connection.class, real, (method, args) -> {
        Object result = method.invoke(real, args);
        return result instanceof JetStream js && method.getName().equals("jetStream")
            && args != null && args.length == 1 && args[0] instanceof JetStreamOptions ? playing(js) : result;
      });
    }

    private JetStream playing(JetStream real) {
      return proxy(JetStream.class, real, (method, args) -> {
        boolean publish = method.getName().equals("publish") && args != null && args.length == 3
            && args[1] instanceof Headers;
        if (publish && unchecked) {
          Headers headers = new Headers();
          Headers given = (Headers) args[1];
          for (String key : given.keySet()) {
            String name = key.equals(CommandMessages.EXPECTED_LAST_SUBJECT_SEQUENCE) ? key.toLowerCase(Locale.ROOT) : key;
            headers.put(name, given.get(key));
          }
          args = new Object[] {args[0], headers, args[2]};
        }
        Object result = method.invoke(real, args);
        if (publish && loseAcks) {
          throw new IOException("Timeout or no response waiting for NATS JetStream server");
        }
        return result;
      });
    }
  }

  private interface Call {
    Object call(Method method, Object[] args) throws Exception;
  }

  private static <T> T proxy(Class<T> type, T real, Call call) {
    InvocationHandler handler = (self, method, args) -> {
      if (method.getDeclaringClass() == Object.class) {
        return method.invoke(real, args);
      }
      try {
        return call.call(method, args);
      } catch (InvocationTargetException e) {
        throw e.getCause();
      }
    };
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }
}
