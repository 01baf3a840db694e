package com.weegigs.events.runtime.internal.store.jetstream;

import com.weegigs.events.runtime.internal.store.jetstream.CommandMessages.Revisions;
import io.nats.client.Connection;
import io.nats.client.ConnectionListener;
import io.nats.client.Dispatcher;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import io.nats.client.api.MessageInfo;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The guard against a double acceptance ({@code docs/wire-contract.md}, "Durable events on
 * JetStream"): a stream leader elected before it applied its predecessor's last proposals may
 * accept a second message that expects the same last subject sequence. Readers keep the first of
 * the two and skip the second, so a command acknowledged as the second would be lost.
 *
 * <p>Around a fault (an append that ended ambiguously, a disconnect or reconnect, a stream leader
 * election this connection hears of) the store is <i>suspect</i> for {@link #WINDOW}: each
 * acknowledged append is checked with a message get the stream leader serves (never a direct get,
 * which a replica that is behind may answer), and one that readers will skip answers a conflict
 * instead. A command whose message was skipped is stored again under a derived {@code Nats-Msg-Id}
 * ({@link #idFor}), and lookups by {@code messageId} never answer from a skipped message.
 */
final class AcceptanceCheck {
  /** How long the store stays suspect after the last fault it saw. */
  static final Duration WINDOW = Duration.ofSeconds(30);
  /** Separates a {@code messageId} from the attempt of a derived one: {@code {messageId}~2}. */
  static final String ATTEMPT = "~";
  /** The most times one command is stored again after its message was skipped. */
  static final int ATTEMPTS = 5;
  private static final int REMEMBERED = 10_000;

  private final Connection connection;
  private final String stream;
  private final Duration timeout;
  private volatile long suspectUntil;
  /** The attempt to publish a command under, by {@code messageId}, once its earlier message was skipped. */
  private final ConcurrentHashMap<String, Integer> attempts = new ConcurrentHashMap<>();

  /** A command message that readers skip: another message holding its first revision came before it. */
  static final class Skipped extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Skipped(long sequence, String subject) {
      super("the message at " + sequence + " on " + subject + " is skipped by readers: another holds its revisions");
    }
  }

  AcceptanceCheck(Connection connection, String stream, Duration timeout) {
    this.connection = connection;
    this.stream = stream;
    this.timeout = timeout;
  }

  /** Starts hearing of faults: the connection's disconnects and reconnects, and the stream's leader elections. */
  void listen() {
    ConnectionListener listener = (conn, event) -> {
      if (event == ConnectionListener.Events.DISCONNECTED || event == ConnectionListener.Events.RECONNECTED
          || event == ConnectionListener.Events.RESUBSCRIBED) {
        suspect();
      }
    };
    connection.addConnectionListener(listener);
    Dispatcher dispatcher = connection.createDispatcher(message -> suspect());
    dispatcher.subscribe("$JS.EVENT.ADVISORY.STREAM.LEADER_ELECTED." + stream);
  }

  /** A fault was seen: appends are checked for the next {@link #WINDOW}. */
  void suspect() {
    suspectUntil = System.nanoTime() + WINDOW.toNanos();
  }

  /** Whether appends are checked now. */
  boolean suspected() {
    long until = suspectUntil;
    return until != 0 && System.nanoTime() - until < 0;
  }

  /** The {@code Nats-Msg-Id} to store {@code messageId}'s command under: itself, or a derived one after a skip. */
  String idFor(String messageId) {
    if (messageId == null) {
      return null;
    }
    Integer attempt = attempts.get(messageId);
    return attempt == null ? messageId : derived(messageId, attempt);
  }

  /** The {@code Nats-Msg-Id} of {@code messageId}'s {@code attempt}-th message (the first is {@code messageId}). */
  static String derived(String messageId, int attempt) {
    return attempt <= 1 ? messageId : messageId + ATTEMPT + attempt;
  }

  /**
   * Remembers that the message stored under {@code id} (of {@code messageId}) is skipped by readers,
   * so the command is stored next under the following derived id.
   *
   * @return whether another attempt is allowed
   */
  boolean skippedUnder(String messageId, String id) {
    int attempt = attemptOf(messageId, id) + 1;
    attempts.merge(messageId, attempt, Math::max);
    Positions.trim(attempts, REMEMBERED);
    return attempt <= ATTEMPTS;
  }

  /** Which attempt {@code id} is of {@code messageId}. */
  static int attemptOf(String messageId, String id) {
    if (id.length() > messageId.length() + ATTEMPT.length() && id.startsWith(messageId + ATTEMPT)) {
      try {
        return Integer.parseInt(id.substring(messageId.length() + ATTEMPT.length()));
      } catch (NumberFormatException e) {
        return 1;
      }
    }
    return 1;
  }

  /**
   * Whether readers skip the command message {@code info}: another command message holding its
   * first revision lies on its subject between the sequence it expected and its own.
   */
  boolean skipped(MessageInfo info) throws IOException, JetStreamApiException {
    Headers headers = info.getHeaders();
    Revisions revisions = headers == null ? null : CommandMessages.revisions(headers);
    // in any case: the server checks the header by its exact name, so a message whose writer spelled it
    // otherwise was stored unchecked, as a double acceptance is
    List<String> expected = headers == null ? null : headers.getIgnoreCase(CommandMessages.EXPECTED_LAST_SUBJECT_SEQUENCE);
    if (revisions == null || expected == null || expected.isEmpty()) {
      return false;
    }
    try {
      return skipped(info.getSubject(), Long.parseLong(expected.get(0).trim()), info.getSeq(), revisions.first());
    } catch (NumberFormatException e) {
      return false;
    }
  }

  /**
   * Whether readers skip the command message at {@code sequence} on {@code subject}, which was
   * published expecting {@code expected} and holds revisions from {@code firstRevision}: asks the
   * stream leader for the subject's messages after {@code expected}, normally one (ours).
   */
  boolean skipped(String subject, long expected, long sequence, long firstRevision)
      throws IOException, JetStreamApiException {
    long from = expected + 1;
    while (from < sequence) {
      MessageInfo next = leaderNext(from, subject);
      if (next == null || next.getSeq() >= sequence) {
        return false;
      }
      Revisions revisions = next.getHeaders() == null ? null : CommandMessages.revisions(next.getHeaders());
      if (revisions != null && revisions.first() == firstRevision) {
        return true;
      }
      from = next.getSeq() + 1;
    }
    return false;
  }

  /** The first message of {@code subject} at or after {@code sequence}, as the stream leader has it; {@code null} for none. */
  private MessageInfo leaderNext(long sequence, String subject) throws IOException, JetStreamApiException {
    String body = "{\"seq\":" + sequence + ",\"next_by_subj\":\"" + subject + "\"}";
    Message reply;
    try {
      reply = connection.request("$JS.API.STREAM.MSG.GET." + stream, body.getBytes(StandardCharsets.UTF_8))
          .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking the stream leader for " + subject, e);
    } catch (TimeoutException | ExecutionException e) {
      throw new IOException("the stream leader did not answer for " + subject + ": " + e.getMessage(), e);
    }
    MessageInfo info = new MessageInfo(reply, stream, false);
    if (info.hasError()) {
      if (info.getApiErrorCode() == JetStreamStore.NO_MESSAGE || info.getErrorCode() == 404) {
        return null;
      }
      throw new JetStreamApiException(info);
    }
    return info;
  }
}
