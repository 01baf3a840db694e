package com.weegigs.events.benchmarks.raw;

import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.RequestTarget;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code raw-rr}: plain jnats request/reply. The responder has its own connection and a
 * {@link Dispatcher} subscribed in queue group {@code q}; it decodes the command with Jackson,
 * encodes the entity with Jackson and publishes it to the reply subject. Nothing else: this is
 * the floor the framework is measured against.
 *
 * <p>{@code raw-rr-traced} is the same with the one header the wire contract puts on every
 * message: each request carries a new W3C {@code traceparent} and the reply carries it back. It is
 * a reference, not a baseline of any target: {@code raw-rr-traced ÷ raw-rr} is what that header
 * alone costs on jnats and nats-server, a cost no implementation of the contract can avoid.
 */
public final class RawRequestReplyScenario {
  private static final String TRACEPARENT = "traceparent";

  private RawRequestReplyScenario() {}

  /** Starts the {@code raw-rr} responder and returns the requester bound to it. */
  public static RequestTarget<Message> start(String natsUrl, int inFlight) throws Exception {
    return start("raw-rr", natsUrl, inFlight, false);
  }

  /** Starts the {@code raw-rr-traced} responder and returns the requester bound to it. */
  public static RequestTarget<Message> startTraced(String natsUrl, int inFlight) throws Exception {
    return start("raw-rr-traced", natsUrl, inFlight, true);
  }

  private static RequestTarget<Message> start(String scenario, String natsUrl, int inFlight, boolean traced)
      throws Exception {
    String subject = RawPayloads.subject(scenario);
    Connection responderConnection = Connections.connect(natsUrl, scenario + "-responder");
    Headers errorHeaders = new Headers().put("Nats-Service-Error-Code", "400")
        .put("Nats-Service-Error", "not a command request");
    Dispatcher dispatcher =
        responderConnection.createDispatcher(
            message -> {
              byte[] reply;
              try {
                reply = RawPayloads.answer(message.getData());
              } catch (Exception e) {
                responderConnection.publish(
                    message.getReplyTo(), errorHeaders, RawPayloads.errorBody());
                return;
              }
              if (traced) {
                String traceparent = message.getHeaders() == null ? null : message.getHeaders().getFirst(TRACEPARENT);
                responderConnection.publish(message.getReplyTo(),
                    traceparent == null ? null : new Headers().put(TRACEPARENT, traceparent), reply);
              } else {
                responderConnection.publish(message.getReplyTo(), reply);
              }
            });
    dispatcher.subscribe(subject, RawPayloads.QUEUE_GROUP);
    responderConnection.flush(Duration.ofSeconds(5));
    Connection requester = Connections.connect(natsUrl, scenario + "-requester");
    if (!traced) {
      return RawRequester.plain(requester, responderConnection::close, inFlight, subject);
    }
    return new RawRequester(requester, responderConnection::close, inFlight,
        (connection, key) -> {
          ThreadLocalRandom random = ThreadLocalRandom.current();
          Headers headers = new Headers().put(TRACEPARENT,
              RawWireScenario.traceparent(random.nextLong(), random.nextLong() | 1, random.nextLong() | 1));
          return connection.requestWithTimeout(subject, headers, RawPayloads.request(key), RawRequester.TIMEOUT);
        },
        RawRequester.PLAIN_REPLY_CHECK);
  }
}
