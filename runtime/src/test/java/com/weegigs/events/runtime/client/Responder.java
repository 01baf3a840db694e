package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A tiny service written with raw jnats on a real server: records every request it receives and
 * answers with whatever the test tells it (or not at all). It plays the service so the client can
 * be tested on its own.
 */
final class Responder {
  /** What to answer: headers (may be null) and a body; {@code null} for no answer. */
  record Reply(Headers headers, byte[] body) {}

  private final BlockingQueue<Message> received = new LinkedBlockingQueue<>();
  private final Dispatcher dispatcher;

  private Responder(Connection connection, String subject, Function<Message, Reply> answer) throws Exception {
    dispatcher = connection.createDispatcher(message -> {
      received.add(message);
      Reply reply = answer.apply(message);
      if (reply != null) {
        connection.publish(message.getReplyTo(), reply.headers(), reply.body());
      }
    });
    dispatcher.subscribe(subject);
    connection.flush(Duration.ofSeconds(5));
  }

  static Responder answering(Connection connection, String subject, Function<Message, Reply> answer) throws Exception {
    return new Responder(connection, subject, answer);
  }

  static Responder silent(Connection connection, String subject) throws Exception {
    return new Responder(connection, subject, message -> null);
  }

  /** An error reply as the wire contract says: ADR-32 headers and the error body. */
  static Reply error(ErrorCode code, String message, Map<String, ?> details) {
    Headers headers = new Headers()
        .put(WireHeaders.SERVICE_ERROR_CODE, Integer.toString(code.number()))
        .put(WireHeaders.SERVICE_ERROR, message);
    return new Reply(headers, ErrorReplies.encodeError(code, message, details));
  }

  /** A success reply with a JSON body and, as the wire contract has it, no headers. */
  static Reply ok(byte[] body) {
    return new Reply(null, body);
  }

  /** The next request received, waiting a bounded time. */
  Message nextRequest() throws InterruptedException {
    Message message = received.poll(10, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("the responder received no request");
    }
    return message;
  }
}
