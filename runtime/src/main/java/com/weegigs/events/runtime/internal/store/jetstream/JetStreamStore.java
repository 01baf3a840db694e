package com.weegigs.events.runtime.internal.store.jetstream;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.internal.concurrent.Completions;
import com.weegigs.events.runtime.internal.store.SnapshotKeeping.History;
import com.weegigs.events.runtime.internal.store.SnapshotKeeping.Snapshot;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages.NotACommandMessage;
import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages.Revisions;
import com.weegigs.events.runtime.internal.store.jetstream.Positions.Position;
import com.weegigs.events.runtime.store.AppendResult;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import com.weegigs.events.runtime.store.JetStreamStoreConfig;
import io.nats.client.Connection;
import io.nats.client.JetStream;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.JetStreamOptions;
import io.nats.client.JetStreamSubscription;
import io.nats.client.KeyValue;
import io.nats.client.KeyValueManagement;
import io.nats.client.KeyValueOptions;
import io.nats.client.Message;
import io.nats.client.PushSubscribeOptions;
import io.nats.client.api.ConsumerConfiguration;
import io.nats.client.api.DeliverPolicy;
import io.nats.client.api.KeyValueEntry;
import io.nats.client.api.MessageInfo;
import io.nats.client.api.PublishAck;
import io.nats.client.api.StreamState;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JetStream event store's work, behind the public {@code JetStreamEventStore}: appends one
 * message per command with {@code Nats-Expected-Last-Subject-Sequence} and {@code Nats-Msg-Id},
 * reads a subject's messages (direct gets, and an ordered consumer when more than two are to be read),
 * keeps recent outcomes and snapshots in key-value
 * buckets. The format is {@link CommandMessages}'.
 *
 * <p><b>Revisions and sequences.</b> An aggregate's revision counts the events of its command
 * messages ({@code Wee-Revisions}); the expectation of an append is the subject's last stream
 * sequence. {@link Positions} remembers both per aggregate, so an append with the revision the
 * store last saw costs one publish. A message on a store subject that is not a command message
 * (a stranger's) is skipped and logged: it counts for no revision, and the next append expects
 * its sequence, so the aggregate goes on after it.
 */
public final class JetStreamStore {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.store.JetStreamEventStore");
  /** JetStream: no message matched a get. */
  static final int NO_MESSAGE = 10037;
  /** JetStream: the expected last (subject) sequence was not the last. */
  static final int WRONG_LAST_SEQUENCE = 10071;
  private static final int POSITIONS = 100_000;
  private static final int LOCAL_OUTCOMES = 10_000;
  /** How many times an append follows a sequence that moved without a revision (strangers' messages). */
  private static final int STRANGER_RETRIES = 3;

  private final Connection connection;
  private final JetStreamStoreConfig config;
  private final String stream;
  private final String prefix;
  private final JetStream js;
  private final JetStreamManagement jsm;
  private final KeyValueManagement kvm;
  private final KeyValue outcomesBucket;
  private final KeyValue snapshotsBucket;
  private final Positions positions = new Positions(POSITIONS);
  /** Where the snapshots just read were taken: a cold load starts reading there. */
  private final Positions snapshotPositions = new Positions(POSITIONS / 10);
  private final Outcomes outcomes = new Outcomes(LOCAL_OUTCOMES);
  private final Map<String, AggregateType<?, ?>> types = new ConcurrentHashMap<>();
  private final Map<String, String> fingerprints = new ConcurrentHashMap<>();
  /** Guards against a double acceptance around a stream leader change; see {@link AcceptanceCheck}. */
  private final AcceptanceCheck acceptance;

  /** Where an asynchronous append goes on when its acknowledgement is not enough: reads and retries block. */
  private final ExecutorService slowAppends = Executors.newCachedThreadPool(new ThreadFactory() {
    private final AtomicInteger count = new AtomicInteger();

    @Override
    public Thread newThread(Runnable runnable) {
      Thread thread = new Thread(runnable, "wee-store-append-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    }
  });

  /** Whether a repair of the buckets is under way, so failures meanwhile do not start another. */
  private final AtomicBoolean repairing = new AtomicBoolean();

  private JetStreamStore(Connection connection, JetStreamStoreConfig config, JetStream js, JetStreamManagement jsm,
      KeyValueManagement kvm, KeyValue outcomesBucket, KeyValue snapshotsBucket) {
    this.connection = connection;
    this.config = config;
    this.stream = config.streamName();
    this.prefix = config.subjectPrefix();
    this.js = js;
    this.jsm = jsm;
    this.kvm = kvm;
    this.outcomesBucket = outcomesBucket;
    this.snapshotsBucket = snapshotsBucket;
    this.acceptance = new AcceptanceCheck(connection, stream, config.requestTimeout());
    acceptance.listen();
  }

  /**
   * Opens the store on {@code connection}: checks JetStream, creates the stream and buckets when
   * missing, checks an existing stream.
   *
   * @throws IllegalStateException when the server has no JetStream, the stream is incompatible, or
   *     the server cannot be reached
   */
  public static JetStreamStore open(Connection connection, JetStreamStoreConfig config) {
    JetStreamOptions options = JetStreamOptions.builder().requestTimeout(config.requestTimeout()).build();
    try {
      JetStreamManagement jsm = connection.jetStreamManagement(options);
      KeyValueManagement kvm = connection.keyValueManagement(KeyValueOptions.builder(options).build());
      StreamSetup.ensure(connection, jsm, kvm, config);
      KeyValueOptions kvOptions = KeyValueOptions.builder(options).build();
      return new JetStreamStore(connection, config, connection.jetStream(options), jsm, kvm,
          connection.keyValue(config.outcomesBucket(), kvOptions), connection.keyValue(config.snapshotsBucket(), kvOptions));
    } catch (JetStreamApiException e) {
      if (e.getErrorCode() == 503) {
        throw StreamSetup.noJetStream(connection);
      }
      throw new IllegalStateException("cannot set up the event store stream '" + config.streamName() + "': "
          + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("cannot set up the event store stream '" + config.streamName() + "': "
          + e.getMessage() + (e.getMessage() != null && e.getMessage().contains("503") ? "; "
          + StreamSetup.noJetStream(connection).getMessage() : ""), e);
    }
  }

  /** The stream's state, read from the server; throws when the server or the stream cannot be reached. */
  public String checkHealth() throws Exception {
    StreamState state = jsm.getStreamInfo(stream).getStreamState();
    return "stream " + stream + ": " + state.getMsgCount() + " messages";
  }

  /** The configuration the store was opened with. */
  public JetStreamStoreConfig config() {
    return config;
  }

  /** Lets the store decode what it finds by subject alone (outcomes, duplicates) as {@code type}. */
  public void serves(AggregateType<?, ?> type) {
    types.putIfAbsent(type.name(), type);
  }

  // ------------------------------------------------------------------ reads

  /** The events of {@code id} after {@code afterRevision}. */
  public List<RecordedEvent<?>> load(AggregateType<?, ?> type, AggregateId id, long afterRevision) {
    serves(type);
    return read(type, id, afterRevision, null).events;
  }

  /** {@code id}'s revision: from its subject's last message, or by reading the subject when that is not ours. */
  public long revision(AggregateType<?, ?> type, AggregateId id) {
    serves(type);
    return lastPosition(type, id).revision();
  }

  /** What a read found: the events after the revision asked for, and where the subject ends. */
  private record Found(List<RecordedEvent<?>> events, Position end) {}

  /** A subject's last message, just read ({@code null}: the subject has none). */
  private record End(Stored last) {}

  /** One message of a store subject, from a direct get or a consumer. */
  private record Stored(long sequence, String subject, Headers headers, byte[] data) {
    static Stored of(MessageInfo info) {
      return new Stored(info.getSeq(), info.getSubject(), info.getHeaders(), info.getData());
    }

    static Stored of(Message message) {
      return new Stored(message.metaData().streamSequence(), message.getSubject(), message.getHeaders(), message.getData());
    }
  }

  /**
   * Reads {@code id}'s command messages from the first one that may hold a revision after
   * {@code afterRevision}, and remembers where the subject ends. The cheapest way for one subject
   * on nats-server 2.9 (measured; see the runtime's README): a direct get of the next message, which
   * is all a caught-up aggregate costs; a direct get of the last when there is one; and only when
   * more lie between them, an ordered consumer filtered on the subject, which streams them. When
   * the caller has just read the subject's last message ({@code end}, else {@code null}), the read
   * ends there and costs no get of it; an empty subject then costs nothing.
   */
  private Found read(AggregateType<?, ?> type, AggregateId id, long afterRevision, End end) {
    connected("read " + id);
    String subject = CommandMessages.subject(prefix, id);
    Position hint = startingPoint(id, afterRevision);
    boolean fromHint = hint != null;
    Reading reading = new Reading(type, subject, afterRevision, fromHint ? hint.revision() : 0,
        fromHint ? hint.sequence() : 0);
    long from = fromHint ? hint.sequence() + 1 : 1;
    try {
      if (end == null) {
        MessageInfo next = next(from, subject);
        if (next != null) {
          reading.add(Stored.of(next));
          MessageInfo last = last(subject);
          if (last != null && last.getSeq() > next.getSeq()) {
            streamBetween(reading, subject, next.getSeq() + 1, last.getSeq());
          }
        }
      } else if (end.last() != null && end.last().sequence() >= from) {
        long last = end.last().sequence();
        MessageInfo found = last == from ? null : next(from, subject);
        Stored next = last == from ? end.last() : found == null ? null : Stored.of(found);
        if (next != null) {
          reading.add(next);
          if (last > next.sequence()) {
            streamBetween(reading, subject, next.sequence() + 1, last);
          }
        }
      }
    } catch (IOException | JetStreamApiException e) {
      throw unavailable("read the events of " + id, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("read the events of " + id, e);
    }
    // an empty subject too: the next append expects sequence 0 without asking again
    Position ends = new Position(reading.revision, reading.lastSequence);
    positions.put(id, ends);
    return new Found(List.copyOf(reading.events), ends);
  }

  /** The latest known position at or before {@code afterRevision}, or {@code null} (read from the start). */
  private Position startingPoint(AggregateId id, long afterRevision) {
    Position latest = positions.get(id);
    Position snapshot = snapshotPositions.get(id);
    if (snapshot != null && snapshot.revision() <= afterRevision) {
      snapshotPositions.forget(id);
      if (latest == null || latest.revision() > afterRevision || latest.sequence() < snapshot.sequence()) {
        return snapshot;
      }
    }
    return latest != null && latest.revision() <= afterRevision ? latest : null;
  }

  /** Every message of {@code subject} from {@code from} up to sequence {@code last}, through an ordered consumer. */
  private void streamBetween(Reading reading, String subject, long from, long last)
      throws IOException, JetStreamApiException, InterruptedException {
    ordered(subject, ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.ByStartSequence).startSequence(from)
        .build(), last, stored -> {
          reading.add(stored);
          return true;
        });
  }

  /**
   * Hands each message of {@code subject} from where {@code start} says, in order, to {@code visit}
   * through an ordered consumer, up to sequence {@code last} or until {@code visit} answers {@code false}.
   */
  private void ordered(String subject, ConsumerConfiguration start, long last, Predicate<Stored> visit)
      throws IOException, JetStreamApiException, InterruptedException {
    JetStreamSubscription subscription = js.subscribe(subject, PushSubscribeOptions.builder()
        .ordered(true)
        .configuration(start)
        .build());
    try {
      while (true) {
        Message message = subscription.nextMessage(config.requestTimeout());
        if (message == null) {
          throw new IOException("the stream did not deliver the messages of " + subject + " within "
              + config.requestTimeout().toMillis() + " ms");
        }
        if (!message.isJetStream()) {
          continue;
        }
        Stored stored = Stored.of(message);
        if (stored.sequence() > last || !visit.test(stored) || stored.sequence() == last) {
          return;
        }
      }
    } finally {
      try {
        subscription.unsubscribe();
      } catch (RuntimeException e) {
        LOG.debug("could not unsubscribe the reader of {}", subject, e);
      }
    }
  }

  /** The state of one read: the revision counted so far, where the subject ends, the events wanted. */
  private final class Reading {
    final AggregateType<?, ?> type;
    final String subject;
    final long afterRevision;
    long revision;
    long lastSequence;
    final List<RecordedEvent<?>> events = new ArrayList<>();

    Reading(AggregateType<?, ?> type, String subject, long afterRevision, long revision, long lastSequence) {
      this.type = type;
      this.subject = subject;
      this.afterRevision = afterRevision;
      this.revision = revision;
      this.lastSequence = lastSequence;
    }

    void add(Stored message) {
      lastSequence = message.sequence();
      List<RecordedEvent<?>> command = decodeOrSkip(type, message);
      if (command == null) {
        return;
      }
      long first = command.get(0).revision();
      if (first != revision + 1) {
        LOG.warn("skipped message {} on {}: it holds revisions from {}, the aggregate is at {}",
            message.sequence(), subject, first, revision);
        return;
      }
      revision = command.get(command.size() - 1).revision();
      for (RecordedEvent<?> event : command) {
        if (event.revision() > afterRevision) {
          events.add(event);
        }
      }
    }
  }

  /** The subject's last position: its last message when that is ours, else the whole subject read. */
  private Position lastPosition(AggregateType<?, ?> type, AggregateId id) {
    connected("read " + id);
    String subject = CommandMessages.subject(prefix, id);
    MessageInfo last;
    try {
      last = last(subject);
    } catch (IOException | JetStreamApiException e) {
      throw unavailable("read the revision of " + id, e);
    }
    if (last == null) {
      positions.forget(id);
      return new Position(0, 0);
    }
    Revisions revisions = CommandMessages.revisions(last.getHeaders());
    if (revisions != null) {
      try {
        CommandMessages.decode(type, last.getHeaders(), last.getData());
        if (acceptance.suspected() && acceptance.skipped(last)) {
          throw new AcceptanceCheck.Skipped(last.getSeq(), subject);
        }
        Position position = new Position(revisions.last(), last.getSeq());
        positions.put(id, position);
        return position;
      } catch (NotACommandMessage | AcceptanceCheck.Skipped e) {
        // read the subject below: it skips and logs the message
      } catch (IOException | JetStreamApiException e) {
        throw unavailable("read the revision of " + id, e);
      }
    }
    positions.forget(id);
    return read(type, id, Long.MAX_VALUE, null).end();
  }

  /** The events in {@code message}, or {@code null} (logged) when it is not a command message of {@code type}. */
  private List<RecordedEvent<?>> decodeOrSkip(AggregateType<?, ?> type, Stored message) {
    try {
      return CommandMessages.decode(type, message.headers(), message.data());
    } catch (NotACommandMessage e) {
      LOG.warn("skipped message {} on {} of stream {}: not a wee-events command message ({})",
          message.sequence(), message.subject(), stream, e.getMessage());
      return null;
    }
  }

  private MessageInfo next(long sequence, String subject) throws IOException, JetStreamApiException {
    try {
      return jsm.getNextMessage(stream, sequence, subject);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE || e.getErrorCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  private MessageInfo last(String subject) throws IOException, JetStreamApiException {
    try {
      return jsm.getLastMessage(stream, subject);
    } catch (JetStreamApiException e) {
      if (e.getApiErrorCode() == NO_MESSAGE || e.getErrorCode() == 404) {
        return null;
      }
      throw e;
    }
  }

  // ------------------------------------------------------------------ appends

  /** Appends one command message; see {@code EventStore#append} for the order of checks. */
  public AppendResult append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
      List<RecordedEvent<?>> events, byte[][] wireForms) {
    return new Append(type, id, expectedRevision, messageId, events, wireForms).run(null);
  }

  /**
   * Appends one command message as {@link #append} does, without waiting for the acknowledgement
   * on the caller's thread when the store knows where the aggregate ends and nothing is suspect:
   * the future then completes with {@link AppendResult.Appended} on the connection's thread that
   * received the acknowledgement. Anything else (an aggregate to read first, a suspect store, a
   * refusal, a duplicate, a failure) is decided by {@link #append}'s own steps, at once on the
   * caller's thread or, after the publish, on a thread of the store's, so a future that completes
   * with another result completes where the caller may block.
   */
  public CompletableFuture<AppendResult> appendAsync(AggregateType<?, ?> type, AggregateId id, long expectedRevision,
      String messageId, List<RecordedEvent<?>> events, byte[][] wireForms) {
    Append append = new Append(type, id, expectedRevision, messageId, events, wireForms);
    Position position = positions.get(id);
    if (position == null || position.revision() != expectedRevision || acceptance.suspected()
        || (messageId != null && !messageId.equals(append.publishId))) {
      return CompletableFuture.completedFuture(append.run(null));
    }
    CompletableFuture<AppendResult> result = new CompletableFuture<>();
    CompletableFuture<Message> reply;
    try {
      reply = connection.requestWithTimeout(append.subject,
          CommandMessages.headers(append.publishId, position.sequence(), events), append.body, config.requestTimeout());
    } catch (RuntimeException e) {
      // refused before it left (the connection closed meanwhile): the steps below say what that means
      return CompletableFuture.completedFuture(append.run(new Published(position, null, e)));
    }
    reply.whenComplete((message, failure) -> {
      PublishAck ack = null;
      Throwable error = failure;
      if (error == null) {
        try {
          ack = publishAck(message);
        } catch (IOException | JetStreamApiException | RuntimeException e) {
          error = e;
        }
      }
      if (error == null && !ack.isDuplicate() && !acceptance.suspected()) {
        try {
          result.complete(append.stored(ack));
        } catch (RuntimeException | Error e) {
          result.completeExceptionally(e);
        }
        return;
      }
      Published published = new Published(position, ack, error);
      try {
        slowAppends.execute(() -> {
          try {
            result.complete(append.run(published));
          } catch (RuntimeException | Error e) {
            result.completeExceptionally(e);
          }
        });
      } catch (RuntimeException e) {
        result.completeExceptionally(unavailable("append to " + id, e));
      }
    });
    return result;
  }

  /** The acknowledgement in {@code reply}; a status (no JetStream answered) is an {@link IOException}, as jnats has it. */
  private static PublishAck publishAck(Message reply) throws IOException, JetStreamApiException {
    if (reply.isStatusMessage()) {
      throw new IOException("Error Publishing: " + reply.getStatus().getMessageWithCode());
    }
    return new PublishAck(reply);
  }

  /** The outcome of a publish already sent: where it expected the aggregate to end, and its acknowledgement or failure. */
  private record Published(Position position, PublishAck ack, Throwable failure) {}

  /** One command message to append, and the steps that store it. */
  private final class Append {
    final AggregateType<?, ?> type;
    final AggregateId id;
    final long expectedRevision;
    final String messageId;
    final List<RecordedEvent<?>> events;
    final String subject;
    final byte[] body;
    final long lastRevision;
    String publishId;

    Append(AggregateType<?, ?> type, AggregateId id, long expectedRevision, String messageId,
        List<RecordedEvent<?>> events, byte[][] wireForms) {
      serves(type);
      connected("append to " + id);
      this.type = type;
      this.id = id;
      this.expectedRevision = expectedRevision;
      this.messageId = messageId;
      this.events = events;
      this.subject = CommandMessages.subject(prefix, id);
      this.body = CommandMessages.body(wireForms);
      this.lastRevision = events.get(events.size() - 1).revision();
      this.publishId = acceptance.idFor(messageId);
    }

    /**
     * Publishes until the command is stored, found stored before, or refused; {@code first} is a
     * publish already sent (its outcome is taken as the first attempt's), or {@code null}.
     */
    AppendResult run(Published first) {
      Position position = first != null ? first.position() : positions.get(id);
      if (position == null || position.revision() != expectedRevision) {
        position = lastPosition(type, id);
      }
      for (int attempt = 0; ; attempt++) {
        if (position.revision() != expectedRevision) {
          AppendResult repeat = repeatOf(messageId, subject, body, events);
          return repeat != null ? repeat : new AppendResult.Conflict(position.revision());
        }
        PublishAck ack;
        try {
          ack = attempt == 0 && first != null ? sent(first)
              : js.publish(subject, CommandMessages.headers(publishId, position.sequence(), events), body);
        } catch (JetStreamApiException e) {
          if (!wrongLastSequence(e)) {
            // it may have been stored all the same: expect nothing of the aggregate, and check what follows
            positions.forget(id);
            acceptance.suspect();
            throw unavailable("append to " + id, e);
          }
          positions.forget(id);
          Position now = lastPosition(type, id);
          if (now.revision() == expectedRevision && now.sequence() != position.sequence() && attempt < STRANGER_RETRIES) {
            // the subject moved on without a revision (a stranger's message): expect its sequence
            position = now;
            continue;
          }
          position = now;
          if (now.revision() == expectedRevision) {
            throw unavailable("append to " + id, e);
          }
          continue;
        } catch (IOException e) {
          positions.forget(id);
          acceptance.suspect();
          throw unavailable("append to " + id, e);
        }
        if (ack.isDuplicate()) {
          try {
            return new AppendResult.Duplicate(commandAt(ack.getSeqno(), null));
          } catch (AcceptanceCheck.Skipped e) {
            // the command's earlier message is skipped by readers: store it again, under its next id
            if (!acceptance.skippedUnder(messageId, publishId)) {
              throw unavailable("append to " + id, e);
            }
            publishId = acceptance.idFor(messageId);
            continue;
          }
        }
        if (acceptance.suspected() && skippedAppend(subject, position.sequence(), ack.getSeqno(), events)) {
          LOG.warn("the append of messageId {} to {} was accepted at {} after another message with its revisions; "
              + "answering a conflict so the command runs again", messageId, id, ack.getSeqno());
          if (messageId != null) {
            acceptance.skippedUnder(messageId, publishId);
          }
          positions.forget(id);
          return new AppendResult.Conflict(read(type, id, Long.MAX_VALUE, null).end().revision());
        }
        return stored(ack);
      }
    }

    /** The acknowledgement of a publish already sent, or its failure as the synchronous publish would throw it. */
    private PublishAck sent(Published first) throws IOException, JetStreamApiException {
      if (first.failure() == null) {
        return first.ack();
      }
      Throwable failure = Completions.cause(first.failure());
      if (failure instanceof JetStreamApiException api) {
        throw api;
      }
      if (failure instanceof IOException io) {
        throw io;
      }
      // a timeout, a cancelled request or a closed connection: whether it was stored is unknown
      throw new IOException(failure.getClass().getSimpleName()
          + (failure.getMessage() == null ? "" : ": " + failure.getMessage()), failure);
    }

    /** The command is stored at the acknowledged sequence: remember where the aggregate ends and the outcome. */
    AppendResult stored(PublishAck ack) {
      positions.put(id, new Position(lastRevision, ack.getSeqno()));
      if (messageId != null) {
        Outcomes.Where where = new Outcomes.Where(ack.getSeqno(), subject);
        outcomes.remember(messageId, where);
        // a ULID made well within the duplicate window needs no record: JetStream catches its repeats
        // within the window, and after it the aggregate's own messages since the ULID was made hold it
        if (!appendCatchesRepeat(messageId)) {
          rememberInBucket(messageId, where);
        }
      }
      return new AppendResult.Appended(events, lastRevision);
    }
  }

  /**
   * When {@code messageId} was already stored, the duplicate answer; {@code null} when it was not.
   * Within the duplicate window JetStream says so itself: a publish that expects a sequence the
   * subject can never have is refused as a conflict, unless its {@code Nats-Msg-Id} is a duplicate
   * (checked first), and stores nothing either way. After the window, the outcomes bucket.
   */
  private AppendResult repeatOf(String messageId, String subject, byte[] body, List<RecordedEvent<?>> events) {
    if (messageId == null) {
      return null;
    }
    Outcomes.Where where = outcomes.local(messageId);
    if (where == null) {
      // the command's messages under its derived ids too, while the earlier ones are skipped by readers
      for (int probe = 1; probe <= AcceptanceCheck.ATTEMPTS; probe++) {
        try {
          PublishAck ack = js.publish(subject,
              CommandMessages.headers(AcceptanceCheck.derived(messageId, probe), Long.MAX_VALUE, events), body);
          if (ack.isDuplicate()) {
            try {
              return new AppendResult.Duplicate(commandAt(ack.getSeqno(), null));
            } catch (AcceptanceCheck.Skipped e) {
              continue;
            }
          }
          // cannot happen: no subject reaches that sequence; never leave it unexplained
          throw new IllegalStateException("a probe for a repeated messageId was stored at " + ack.getSeqno());
        } catch (JetStreamApiException e) {
          if (!wrongLastSequence(e)) {
            throw unavailable("check messageId " + messageId, e);
          }
          break;
        } catch (IOException e) {
          throw unavailable("check messageId " + messageId, e);
        }
      }
      where = fromBucket(messageId);
    }
    try {
      return where == null ? null : new AppendResult.Duplicate(commandAt(where.sequence(), where.subject()));
    } catch (AcceptanceCheck.Skipped e) {
      return null;
    }
  }

  /** Whether readers will skip the message just stored at {@code sequence}, which expected {@code expected}. */
  private boolean skippedAppend(String subject, long expected, long sequence, List<RecordedEvent<?>> events) {
    try {
      return acceptance.skipped(subject, expected, sequence, events.get(0).revision());
    } catch (IOException | JetStreamApiException e) {
      // stored, but whether readers keep it is unknown: the caller retries, and the retry checks
      throw unavailable("check the append at " + sequence + " on " + subject, e);
    }
  }

  private static boolean wrongLastSequence(JetStreamApiException e) {
    String description = e.getErrorDescription() == null ? "" : e.getErrorDescription();
    return e.getApiErrorCode() == WRONG_LAST_SEQUENCE || description.contains("wrong last sequence")
        || description.contains("last sequence mismatch");
  }

  /** The events of the command message at {@code sequence}. */
  private List<RecordedEvent<?>> commandAt(long sequence, String expectedSubject) {
    MessageInfo message;
    try {
      message = jsm.getMessage(stream, sequence);
    } catch (IOException | JetStreamApiException e) {
      throw unavailable("read the command at " + sequence, e);
    }
    if (expectedSubject != null && !expectedSubject.equals(message.getSubject())) {
      throw new IllegalStateException("the command at " + sequence + " is on " + message.getSubject() + ", not " + expectedSubject);
    }
    try {
      if (acceptance.skipped(message)) {
        throw new AcceptanceCheck.Skipped(sequence, message.getSubject());
      }
    } catch (IOException | JetStreamApiException e) {
      throw unavailable("check the command at " + sequence, e);
    }
    AggregateId aggregate = CommandMessages.aggregate(prefix, message.getSubject());
    AggregateType<?, ?> type = types.get(aggregate.type());
    if (type == null) {
      throw new IllegalStateException("the command at " + sequence + " is of aggregate type '" + aggregate.type()
          + "', which this store does not serve");
    }
    return CommandMessages.decode(type, message.getHeaders(), message.getData());
  }

  // ------------------------------------------------------------------ outcomes

  /**
   * The events recorded by {@code messageId}: remembered here, else in the outcomes bucket. A
   * command whose {@code messageId} was a ULID made well within the duplicate window when it was
   * stored has no record in the bucket; only {@link #recorded(AggregateType, AggregateId, String)}
   * finds it from another instance.
   */
  public Optional<List<RecordedEvent<?>>> recorded(String messageId) {
    if (messageId == null) {
      return Optional.empty();
    }
    Outcomes.Where where = outcomes.local(messageId);
    if (where == null) {
      connected("look up messageId " + messageId);
      where = fromBucket(messageId);
    }
    if (where == null) {
      return Optional.empty();
    }
    try {
      return Optional.of(commandAt(where.sequence(), where.subject()));
    } catch (NotACommandMessage | IllegalStateException | AcceptanceCheck.Skipped e) {
      LOG.warn("the outcome of messageId {} points at {} {}, which cannot be read: {}", messageId,
          where.subject(), where.sequence(), e.getMessage());
      return Optional.empty();
    }
  }

  /**
   * The events recorded by {@code messageId}, a command for {@code id}: remembered here, else in the
   * outcomes bucket, else (a ULID, which may have been stored without a record) on {@code id}'s
   * subject among the messages stored since the ULID was made (less a duplicate window, slack for
   * clocks). A {@code messageId} used for another aggregate is found only here or in the bucket.
   */
  public Optional<List<RecordedEvent<?>>> recorded(AggregateType<?, ?> type, AggregateId id, String messageId) {
    serves(type);
    Optional<List<RecordedEvent<?>>> found = recorded(messageId);
    return found.isPresent() || messageId == null ? found : onSubject(id, messageId);
  }

  /** The command {@code messageId} (a ULID) among {@code id}'s messages stored since it was made; empty when none. */
  private Optional<List<RecordedEvent<?>>> onSubject(AggregateId id, String messageId) {
    long made = Outcomes.ulidMillis(messageId);
    if (made <= 0 || System.currentTimeMillis() - made > config.outcomesTtl().toMillis()) {
      // not a ULID (always recorded in the bucket), or older than the bucket remembers anything
      return Optional.empty();
    }
    Instant from = Instant.ofEpochMilli(made - config.duplicateWindow().toMillis());
    String subject = CommandMessages.subject(prefix, id);
    try {
      MessageInfo last = last(subject);
      if (last == null || (last.getTime() != null && last.getTime().toInstant().isBefore(from))) {
        return Optional.empty();
      }
      List<List<RecordedEvent<?>>> found = new ArrayList<>(1);
      ordered(subject, ConsumerConfiguration.builder().deliverPolicy(DeliverPolicy.ByStartTime)
          .startTime(ZonedDateTime.ofInstant(from, ZoneOffset.UTC)).build(), last.getSeq(), stored -> {
            String published = stored.headers() == null ? null : stored.headers().getFirst(CommandMessages.MSG_ID);
            if (published != null && (published.equals(messageId) || published.startsWith(messageId + AcceptanceCheck.ATTEMPT))) {
              try {
                found.add(commandAt(stored.sequence(), subject));
                outcomes.remember(messageId, new Outcomes.Where(stored.sequence(), subject));
                return false;
              } catch (NotACommandMessage | AcceptanceCheck.Skipped e) {
                // not one readers keep: a later attempt of the command may be
              }
            }
            return true;
          });
      return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    } catch (IOException | JetStreamApiException e) {
      throw unavailable("look up messageId " + messageId + " on " + id, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw unavailable("look up messageId " + messageId + " on " + id, e);
    }
  }

  /**
   * Whether an append alone answers a repeat of {@code messageId} (JetStream's duplicate window
   * still holds it), so that a lookup before running the command can be skipped: a ULID made
   * well within the window.
   */
  public boolean appendCatchesRepeat(String messageId) {
    long made = Outcomes.ulidMillis(messageId);
    long age = System.currentTimeMillis() - made;
    // half the window: slack for clocks and for the time the command takes
    return made > 0 && age >= -config.duplicateWindow().toMillis() / 2 && age < config.duplicateWindow().toMillis() / 2;
  }

  private Outcomes.Where fromBucket(String messageId) {
    try {
      KeyValueEntry entry = outcomesBucket.get(Outcomes.key(messageId));
      return entry == null ? null : Outcomes.decode(entry.getValue());
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      // the bucket is only a memory of outcomes: without it, repeats are caught within the duplicate window
      LOG.warn("cannot read the outcome of messageId {} from bucket {}: {}", messageId, config.outcomesBucket(),
          e.getMessage());
      repairBuckets();
      return null;
    }
  }

  private void rememberInBucket(String messageId, Outcomes.Where where) {
    // not waited for: the command's own message is already stored, and the window covers repeats meanwhile
    try {
      js.publishAsync("$KV." + config.outcomesBucket() + "." + Outcomes.key(messageId), Outcomes.encode(where))
          .whenComplete((ack, failure) -> {
            if (failure != null) {
              LOG.warn("cannot remember the outcome of messageId {} in bucket {}: {}", messageId,
                  config.outcomesBucket(), failure.getMessage());
              repairBuckets();
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("cannot remember the outcome of messageId {} in bucket {}: {}", messageId, config.outcomesBucket(),
          e.getMessage());
    }
  }

  // ------------------------------------------------------------------ snapshots

  /** Every how many events a snapshot is taken; 0 for none. */
  public int snapshotInterval() {
    return config.snapshotInterval();
  }

  /**
   * A cold load of {@code id}: its latest snapshot (or {@code null}) and the events after it. It
   * starts with one direct get of the subject's last message, which says where the read ends and
   * the aggregate's revision: none is a new aggregate (nothing more to read), and a revision below
   * the snapshot interval cannot have a snapshot (no get from the bucket).
   */
  public <S> History<S> history(AggregateType<S, ?> type, AggregateId id) {
    serves(type);
    connected("read " + id);
    MessageInfo last;
    try {
      last = last(CommandMessages.subject(prefix, id));
    } catch (IOException | JetStreamApiException e) {
      throw unavailable("read the events of " + id, e);
    }
    End end = new End(last == null ? null : Stored.of(last));
    Revisions revisions = last == null ? null : CommandMessages.revisions(last.getHeaders());
    boolean noSnapshot = last == null || (revisions != null && revisions.last() < config.snapshotInterval());
    Snapshot<S> snapshot = noSnapshot ? null : snapshot(type, id);
    return new History<>(snapshot, read(type, id, snapshot == null ? 0 : snapshot.revision(), end).events);
  }

  /** The latest snapshot of {@code id} of the state's current shape, or {@code null}. */
  public <S> Snapshot<S> snapshot(AggregateType<S, ?> type, AggregateId id) {
    if (config.snapshotInterval() == 0) {
      return null;
    }
    connected("read the snapshot of " + id);
    KeyValueEntry entry;
    try {
      entry = snapshotsBucket.get(SnapshotRecords.key(id));
    } catch (IOException | JetStreamApiException | RuntimeException e) {
      LOG.warn("cannot read the snapshot of {} from bucket {}; rebuilding it from its events: {}", id,
          config.snapshotsBucket(), e.getMessage());
      repairBuckets();
      return null;
    }
    if (entry == null) {
      return null;
    }
    SnapshotRecords.Read<S> read = SnapshotRecords.decode(type, fingerprint(type), entry.getValue());
    if (read == null) {
      LOG.info("ignored the snapshot of {}: written for another shape of its state, or unreadable", id);
      return null;
    }
    snapshotPositions.put(id, new Position(read.revision(), read.sequence()));
    return new Snapshot<>(read.revision(), read.state());
  }

  /** Keeps {@code state} as {@code id}'s snapshot at {@code revision}, when the store knows its sequence. */
  public <S> void offer(AggregateType<S, ?> type, AggregateId id, long revision, S state) {
    Position position = positions.get(id);
    if (config.snapshotInterval() == 0 || state == null || position == null || position.revision() != revision) {
      return;
    }
    try {
      byte[] value = SnapshotRecords.encode(type, fingerprint(type), revision, position.sequence(), state);
      js.publishAsync("$KV." + config.snapshotsBucket() + "." + SnapshotRecords.key(id), value)
          .whenComplete((ack, failure) -> {
            if (failure != null) {
              LOG.warn("cannot keep the snapshot of {} in bucket {}: {}", id, config.snapshotsBucket(), failure.getMessage());
              repairBuckets();
            }
          });
    } catch (RuntimeException e) {
      LOG.warn("cannot keep the snapshot of {} in bucket {}: {}", id, config.snapshotsBucket(), e.getMessage());
    }
  }

  /**
   * Creates the buckets again when they are missing (someone deleted them while the store served),
   * in the background: until then a lookup waits for its timeout, and a bucket that is back costs
   * nothing but the outcomes and snapshots it lost.
   */
  private void repairBuckets() {
    if (!repairing.compareAndSet(false, true)) {
      return;
    }
    CompletableFuture.runAsync(() -> {
      try {
        StreamSetup.ensureBuckets(kvm, config);
      } catch (IOException | JetStreamApiException | RuntimeException e) {
        LOG.warn("cannot create the buckets {} and {} again: {}", config.outcomesBucket(), config.snapshotsBucket(),
            e.getMessage());
      } finally {
        repairing.set(false);
      }
    });
  }

  private String fingerprint(AggregateType<?, ?> type) {
    return fingerprints.computeIfAbsent(type.name(), name -> SnapshotRecords.fingerprint(type));
  }

  // ------------------------------------------------------------------ failures

  /** Fails at once when the connection is not up: a request would only wait for its timeout. */
  private void connected(String what) {
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      throw new EventStoreUnavailableException("cannot " + what + ": the NATS connection is " + status, null);
    }
  }

  private EventStoreUnavailableException unavailable(String what, Exception e) {
    String reason = e instanceof JetStreamApiException api ? api.getErrorDescription() + " (" + api.getApiErrorCode() + ")"
        : e.getMessage();
    return new EventStoreUnavailableException("cannot " + what + " in stream " + stream + ": " + reason, e);
  }
}
