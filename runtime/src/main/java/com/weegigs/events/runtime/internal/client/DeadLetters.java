package com.weegigs.events.runtime.internal.client;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.Message;
import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The dead letters of durable subscriptions: a stored command the subscriber gave up on, published
 * to {@code wee-dead.{service}.{durable}} with its original body and headers (JetStream's own
 * {@code Nats-*} headers left out) and these headers saying why ({@code docs/wire-contract.md},
 * "Notes on this implementation").
 */
final class DeadLetters {
  /** Header: why the subscriber gave up (the listener's exception, or no acknowledgement). */
  static final String REASON = "Wee-Dead-Reason";
  /** Header: the stream the command is stored in. */
  static final String STREAM = "Wee-Dead-Stream";
  /** Header: the command's store subject. */
  static final String SUBJECT = "Wee-Dead-Subject";
  /** Header: the command's stream sequence. */
  static final String SEQUENCE = "Wee-Dead-Sequence";
  /** Header: how many times it was delivered. */
  static final String DELIVERIES = "Wee-Dead-Deliveries";
  /** Header: the durable subscriber's name. */
  static final String DURABLE = "Wee-Dead-Durable";

  private static final int MAX_REASON = 1000;

  private DeadLetters() {}

  /** {@code text} as one header value: no line breaks, at most 1000 characters. */
  static String headerValue(String text) {
    String line = text.replace('\r', ' ').replace('\n', ' ');
    return line.length() <= MAX_REASON ? line : line.substring(0, MAX_REASON - 3) + "...";
  }

  /**
   * Publishes {@code letter}: through JetStream (stored before this returns) when a stream captures
   * its subject, else as a plain message, flushed to the server.
   *
   * @return whether a stream stored it
   */
  static boolean publish(Connection connection, Message letter, Duration timeout)
      throws IOException, JetStreamApiException, TimeoutException, InterruptedException {
    if (!connection.jetStreamManagement().getStreamNames(letter.getSubject()).isEmpty()) {
      connection.jetStream().publish(letter);
      return true;
    }
    connection.publish(letter);
    connection.flush(timeout);
    return false;
  }
}
