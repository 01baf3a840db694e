package com.weegigs.events.benchmarks.raw;

import com.weegigs.events.benchmarks.RequestTarget;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The caller side of the raw scenarios: sends an {@code add-item} request for a key of its loop
 * with {@link Connection#requestWithTimeout} and decodes the reply. Each loop moves to a fresh key
 * every {@link #REQUESTS_PER_KEY} requests, as the client scenario does. {@code raw-rr} and
 * {@code raw-micro} send the plain request ({@link #plain}); {@code raw-wire} sends the same request
 * and decodes a larger reply, {@code raw-rr-traced} and {@code raw-wire-v1} add headers.
 */
final class RawRequester implements RequestTarget<Message> {
  static final int REQUESTS_PER_KEY = 5;
  static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Sends one request for {@code key}. */
  @FunctionalInterface
  interface Sender {
    CompletableFuture<Message> send(Connection connection, String key) throws IOException;
  }

  /** Decodes a success body as a caller would and says whether it is not a valid reply. */
  @FunctionalInterface
  interface ReplyCheck {
    boolean invalid(byte[] body) throws IOException;
  }

  private final Connection connection;
  private final AutoCloseable responder;
  private final long[] sent;
  private final Sender sender;
  private final ReplyCheck check;

  RawRequester(Connection connection, AutoCloseable responder, int inFlight, Sender sender, ReplyCheck check) {
    this.connection = connection;
    this.responder = responder;
    this.sent = new long[inFlight];
    this.sender = sender;
    this.check = check;
  }

  /** Whether a reply body is not the entity of {@link RawPayloads}. */
  static final ReplyCheck PLAIN_REPLY_CHECK = body -> RawPayloads.readReply(body).state() == null;

  /** The requester of {@code raw-rr} and {@code raw-micro}: the request and reply of {@link RawPayloads}, sent on {@code subject}. */
  static RawRequester plain(Connection connection, AutoCloseable responder, int inFlight, String subject) {
    return new RawRequester(connection, responder, inFlight,
        (requester, key) -> requester.requestWithTimeout(subject, RawPayloads.request(key), TIMEOUT),
        PLAIN_REPLY_CHECK);
  }

  @Override
  public CompletableFuture<Message> send(int slot) {
    long n = sent[slot]++;
    String key = "r-" + slot + "-" + (n / REQUESTS_PER_KEY);
    try {
      return sender.send(connection, key);
    } catch (IOException e) {
      return CompletableFuture.failedFuture(e);
    }
  }

  @Override
  public boolean failed(Message reply) {
    if (reply.isStatusMessage()) {
      return true;
    }
    Headers headers = reply.getHeaders();
    if (headers != null && headers.containsKey("Nats-Service-Error-Code")) {
      return true;
    }
    try {
      return check.invalid(reply.getData());
    } catch (IOException e) {
      return true;
    }
  }

  @Override
  public void close() throws Exception {
    responder.close();
    connection.close();
  }
}
