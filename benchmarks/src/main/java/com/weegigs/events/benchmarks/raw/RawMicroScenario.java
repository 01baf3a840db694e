package com.weegigs.events.benchmarks.raw;

import com.weegigs.events.benchmarks.Connections;
import com.weegigs.events.benchmarks.RequestTarget;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.service.Service;
import io.nats.service.ServiceEndpoint;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * {@code raw-micro}: the same responder as {@code raw-rr}, written by hand on jnats'
 * {@code io.nats.service} (one endpoint, queue group {@code q}), so {@code $SRV.PING/INFO/STATS}
 * work as they do for the generated service. Errors answer with jnats' standard error headers.
 */
public final class RawMicroScenario {
  /** Where its responder answers. */
  static final String SUBJECT = RawPayloads.subject("raw-micro");

  private RawMicroScenario() {}

  /** Starts the micro service and returns the requester bound to it. */
  public static RequestTarget<Message> start(String natsUrl, int inFlight) throws Exception {
    Connection serviceConnection = Connections.connect(natsUrl, "raw-micro-service");
    ServiceEndpoint endpoint =
        ServiceEndpoint.builder()
            .endpointName("add-item")
            .endpointSubject(SUBJECT)
            .endpointQueueGroup(RawPayloads.QUEUE_GROUP)
            .handler(
                message -> {
                  byte[] reply;
                  try {
                    reply = RawPayloads.answer(message.getData());
                  } catch (Exception e) {
                    message.respondStandardError(serviceConnection, "not a command request", 400);
                    return;
                  }
                  message.respond(serviceConnection, reply);
                })
            .build();
    Service service =
        Service.builder()
            .connection(serviceConnection)
            .name("bench")
            .version("1.0.0")
            .addServiceEndpoint(endpoint)
            .build();
    service.startService();
    if (!service.isStarted(5, TimeUnit.SECONDS)) {
      throw new IllegalStateException("the micro service did not start");
    }
    serviceConnection.flush(Duration.ofSeconds(5));
    Connection requester = Connections.connect(natsUrl, "raw-micro-requester");
    return RawRequester.plain(
        requester,
        () -> {
          service.stop();
          serviceConnection.close();
        },
        inFlight,
        SUBJECT);
  }
}
