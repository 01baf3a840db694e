package com.weegigs.events.benchmarks.raw;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.RequestTarget;
import com.weegigs.events.benchmarks.raw.RawPayloads.AggregateRef;
import com.weegigs.events.benchmarks.raw.RawWireScenario.EventMetadata;
import com.weegigs.events.benchmarks.raw.RawWireScenario.ItemAdded;
import com.weegigs.events.benchmarks.raw.RawWireScenario.RecordedEvent;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.api.DiscardPolicy;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code raw-js-occ}: the floor under {@code client-js}, a command's event stored in JetStream with
 * optimistic concurrency, written by hand on raw jnats as a careful person would. Each request is
 * one asynchronous JetStream publish ({@code JetStream.publishAsync}) of the recorded event (a JSON
 * array of one event, encoded with Jackson) on the aggregate's own subject
 * {@code raw-js-occ.receipt.<key>}, with {@code Nats-Msg-Id} (the command's id, for JetStream's
 * de-duplication) and {@code Nats-Expected-Last-Subject-Sequence}. The writer keeps each subject's
 * last sequence from the publish acknowledgements, so a write costs no read; a subject it has not
 * written expects 0. When JetStream refuses the expectation (another writer got there first) it
 * reads the subject's last sequence and publishes again. The keys are {@code client-inmem}'s: each
 * request loop writes its own receipt and moves to a fresh one every 5 events.
 */
public final class RawJetStreamOccScenario implements RequestTarget<PublishAck> {
  /** The stream, created afresh at each start. */
  public static final String STREAM = "raw-js-occ";
  /** The aggregates' subjects: this, then the key. */
  public static final String SUBJECT_PREFIX = "raw-js-occ.receipt.";
  static final String EXPECTED_LAST_SUBJECT_SEQUENCE = "Nats-Expected-Last-Subject-Sequence";
  static final String MSG_ID = "Nats-Msg-Id";
  /** JetStream's error code for a wrong last sequence. */
  static final int WRONG_LAST_SEQUENCE = 10071;
  /** Events written to one receipt before its loop moves to a fresh one, as {@code client-inmem}. */
  static final int EVENTS_PER_RECEIPT = 5;
  private static final int MAX_RETRIES = 10;
  private static final BigDecimal PRICE = new BigDecimal("4.50");
  private static final ObjectWriter EVENTS_WRITER =
      new ObjectMapper().writerFor(RecordedEvent[].class);

  private final Connection connection;
  private final JetStream js;
  private final JetStreamManagement jsm;
  /** Each subject's last stream sequence, from the acknowledgements of this writer's publishes. */
  private final Map<String, Long> lastSequences = new ConcurrentHashMap<>();
  /** Reads after a conflict block; they run here, never on the connection's threads. */
  private final ExecutorService rereads = Executors.newCachedThreadPool(Connections.named("raw-js-occ-reread"));
  private final long[] sent;

  private RawJetStreamOccScenario(Connection connection, int inFlight) throws IOException {
    this.connection = connection;
    this.js = connection.jetStream();
    this.jsm = connection.jetStreamManagement();
    this.sent = new long[inFlight];
  }

  /** Connects, creates the stream afresh (an earlier run's is deleted) and returns the writer. */
  public static RawJetStreamOccScenario start(String natsUrl, int inFlight) throws Exception {
    Connection connection = Connections.connect(natsUrl, "raw-js-occ");
    try {
      RawJetStreamOccScenario scenario = new RawJetStreamOccScenario(connection, inFlight);
      scenario.createStream();
      return scenario;
    } catch (Exception e) {
      connection.close();
      throw e;
    }
  }

  /** The stream as the JetStream store makes its own: file storage, limits, discard new, direct get. */
  private void createStream() throws IOException, JetStreamApiException {
    try {
      jsm.deleteStream(STREAM);
    } catch (JetStreamApiException e) {
      // there was none
    }
    jsm.addStream(StreamConfiguration.builder()
        .name(STREAM)
        .subjects(SUBJECT_PREFIX + ">")
        .storageType(StorageType.File)
        .discardPolicy(DiscardPolicy.New)
        .allowDirect(true)
        .build());
  }

  @Override
  public CompletableFuture<PublishAck> send(int slot) {
    long n = sent[slot]++;
    String key = "r-" + slot + "-" + (n / EVENTS_PER_RECEIPT);
    String subject = SUBJECT_PREFIX + key;
    byte[] body;
    try {
      body = EVENTS_WRITER.writeValueAsBytes(new RecordedEvent[] {event(key, n % EVENTS_PER_RECEIPT + 1)});
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
    return publish(subject, UUID.randomUUID().toString(), body, lastSequences.getOrDefault(subject, 0L), 0);
  }

  private static RecordedEvent event(String key, long revision) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    String id = new UUID(random.nextLong(), random.nextLong()).toString();
    return new RecordedEvent(id, new AggregateRef("receipt", key), "item-added", revision, Instant.now().toString(),
        new ItemAdded("Coffee", PRICE, 2, PRICE.multiply(BigDecimal.valueOf(2))), new EventMetadata(id, id));
  }

  /** One publish expecting {@code expected}; on a conflict, the last sequence read again and another try. */
  private CompletableFuture<PublishAck> publish(String subject, String messageId, byte[] body, long expected, int attempt) {
    Headers headers = new Headers()
        .put(MSG_ID, messageId)
        .put(EXPECTED_LAST_SUBJECT_SEQUENCE, Long.toString(expected));
    return js.publishAsync(NatsMessage.builder().subject(subject).headers(headers).data(body).build())
        .thenApply(ack -> {
          lastSequences.merge(subject, ack.getSeqno(), Math::max);
          return ack;
        })
        .exceptionallyCompose(failure -> {
          if (!wrongLastSequence(failure) || attempt >= MAX_RETRIES) {
            return CompletableFuture.failedFuture(failure);
          }
          return CompletableFuture.supplyAsync(() -> lastSequence(subject), rereads)
              .thenCompose(last -> publish(subject, messageId, body, last, attempt + 1));
        });
  }

  /** Whether JetStream refused the expectation; jnats wraps the API error in a {@code RuntimeException}. */
  private static boolean wrongLastSequence(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
      if (cause instanceof JetStreamApiException api) {
        return api.getApiErrorCode() == WRONG_LAST_SEQUENCE;
      }
    }
    return false;
  }

  /** The subject's last sequence in the stream, 0 when it has no message. */
  long lastSequence(String subject) {
    try {
      return jsm.getLastMessage(STREAM, subject).getSeq();
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() == 404) {
        return 0;
      }
      throw new CompletionException(e);
    } catch (IOException e) {
      throw new CompletionException(e);
    }
  }

  /** The sequences this writer expects next, by subject: what it learnt from its acknowledgements. */
  Map<String, Long> lastSequences() {
    return lastSequences;
  }

  /**
   * An empty stream before each measured run, as {@code client-js} has: a run's figures do not
   * depend on how many events earlier runs stored.
   */
  @Override
  public void reset() throws Exception {
    jsm.purgeStream(STREAM);
    lastSequences.clear();
  }

  @Override
  public boolean failed(PublishAck ack) {
    // a duplicate stored nothing: every command here has a fresh id, so it would be a fault
    return ack.isDuplicate();
  }

  @Override
  public void close() throws Exception {
    rereads.shutdownNow();
    connection.close();
  }
}
