package com.weegigs.events.benchmarks.raw;

import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.RequestTarget;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Duration;

/**
 * {@code raw-rr}: plain jnats request/reply. The responder has its own connection and a
 * {@link Dispatcher} subscribed in queue group {@code q}; it decodes the command with Jackson,
 * encodes the entity with Jackson and publishes it to the reply subject. Nothing else: this is
 * the floor the framework is measured against.
 */
public final class RawRequestReplyScenario {
  /** Where its responder answers. */
  static final String SUBJECT = RawPayloads.subject("raw-rr");

  private RawRequestReplyScenario() {}

  /** Starts the responder and returns the requester bound to it. */
  public static RequestTarget<Message> start(String natsUrl, int inFlight) throws Exception {
    Connection responderConnection = Connections.connect(natsUrl, "raw-rr-responder");
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
              responderConnection.publish(message.getReplyTo(), reply);
            });
    dispatcher.subscribe(SUBJECT, RawPayloads.QUEUE_GROUP);
    responderConnection.flush(Duration.ofSeconds(5));
    Connection requester = Connections.connect(natsUrl, "raw-rr-requester");
    return RawRequester.plain(requester, responderConnection::close, inFlight, SUBJECT);
  }
}
