package com.weegigs.events.benchmarks.raw;

import com.weegigs.events.benchmarks.RequestTarget;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;

/**
 * The caller side of both raw scenarios: encodes an {@code add-item} request with Jackson for a
 * key of its loop, sends it with {@link Connection#requestWithTimeout} and decodes the reply.
 * Each loop moves to a fresh key every {@link #REQUESTS_PER_KEY} requests, as the client
 * scenario does.
 */
final class RawRequester implements RequestTarget<Message> {
  static final int REQUESTS_PER_KEY = 5;
  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  private final Connection connection;
  private final AutoCloseable responder;
  private final long[] sent;

  RawRequester(Connection connection, AutoCloseable responder, int inFlight) {
    this.connection = connection;
    this.responder = responder;
    this.sent = new long[inFlight];
  }

  @Override
  public CompletableFuture<Message> send(int slot) {
    long n = sent[slot]++;
    String key = "r-" + slot + "-" + (n / REQUESTS_PER_KEY);
    return connection.requestWithTimeout(RawPayloads.SUBJECT, RawPayloads.request(key), TIMEOUT);
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
      return RawPayloads.readReply(reply.getData()).state() == null;
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
