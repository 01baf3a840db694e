package com.weegigs.events.runtime.internal.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import io.nats.client.MessageHandler;
import io.nats.client.NUID;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The discovery side of the NATS micro protocol (ADR-32) for one service instance: answers
 * {@code $SRV.PING}, {@code $SRV.INFO} and {@code $SRV.STATS}, each also as {@code .{name}} and
 * {@code .{name}.{id}}, with the {@code io.nats.micro.v1.*} responses. Every instance answers (no
 * queue group), on a dispatcher of its own so a busy endpoint never delays discovery. The wire
 * contract's own {@code {service}.info} and {@code {service}.stats} are answered on the same
 * dispatcher ({@link #serve}).
 *
 * <p>Written here rather than with jnats' {@code io.nats.service}: that one counts an endpoint
 * error only when its handler throws (and then answers with the exception's text), and leaves
 * zero counts out of {@code $SRV.STATS}, where the schema requires them. Here every error reply
 * counts, and every field the {@code io.nats.micro.v1} schemas require is always present.
 */
final class MicroDiscovery {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");
  static final String PING_RESPONSE = "io.nats.micro.v1.ping_response";
  static final String INFO_RESPONSE = "io.nats.micro.v1.info_response";
  static final String STATS_RESPONSE = "io.nats.micro.v1.stats_response";

  private final Connection connection;
  private final Telemetry telemetry;
  private final String id = NUID.nextGlobal();
  private final String name;
  private final String version;
  private final String description;
  private final Map<String, String> metadata;
  private final List<MicroEndpoint> endpoints;
  private volatile Instant started;
  private volatile byte[] ping;
  private volatile byte[] info;
  private Dispatcher dispatcher;

  /**
   * @param connection where to answer
   * @param name the service name
   * @param version the service version
   * @param description the service description
   * @param metadata the service metadata
   * @param endpoints the service's endpoints, in the order INFO and STATS list them
   * @param telemetry carries a request's trace context onto the reply
   */
  MicroDiscovery(Connection connection, String name, String version, String description, Map<String, String> metadata,
      List<MicroEndpoint> endpoints, Telemetry telemetry) {
    this.connection = connection;
    this.telemetry = telemetry;
    this.name = name;
    this.version = version;
    this.description = description;
    this.metadata = metadata;
    this.endpoints = List.copyOf(endpoints);
  }

  /** This instance's id, unique among the instances of the service. */
  String id() {
    return id;
  }

  /** Subscribes to the discovery subjects; the caller flushes the connection to be sure the server has them. */
  synchronized void start() {
    started = Instant.now();
    ping = Envelopes.encode(generator -> {
      generator.writeStartObject();
      writeIdentity(generator, PING_RESPONSE);
      generator.writeEndObject();
    });
    info = Envelopes.encode(this::writeInfo);
    dispatcher = connection.createDispatcher();
    subscribe("PING", message -> answer(message, ping));
    subscribe("INFO", message -> answer(message, info));
    subscribe("STATS", message -> answer(message, Envelopes.encode(this::writeStats)));
  }

  /** When {@link #start()} ran. */
  Instant started() {
    return started;
  }

  /**
   * Also answers requests on {@code subject} with what {@code body} gives, on the discovery
   * dispatcher: in {@code queueGroup}, or by every instance when it is {@code null}. The reply
   * carries no headers but the request's trace context. Call after {@link #start()}.
   */
  synchronized void serve(String subject, String queueGroup, Supplier<byte[]> body) {
    MessageHandler handler = message -> {
      if (message.getReplyTo() == null) {
        return;
      }
      try {
        Reply reply = Reply.success(body.get());
        connection.publish(message.getReplyTo(), RequestTrace.passThrough(telemetry, message.getHeaders()).replyHeaders(reply), reply.body());
      } catch (RuntimeException e) {
        LOG.warn("could not answer {} for {}", subject, name, e);
      }
    };
    if (queueGroup == null) {
      dispatcher.subscribe(subject, handler);
    } else {
      dispatcher.subscribe(subject, queueGroup, handler);
    }
  }

  /** Stops answering: closes the discovery dispatcher. Safe to call more than once. */
  synchronized void stop() {
    if (dispatcher != null) {
      try {
        connection.closeDispatcher(dispatcher);
      } catch (RuntimeException e) {
        // the connection may already be closed; nothing is left to release then
        LOG.debug("closing the $SRV dispatcher of {} failed", name, e);
      }
      dispatcher = null;
    }
  }

  private void subscribe(String verb, MessageHandler handler) {
    String all = "$SRV." + verb;
    dispatcher.subscribe(all, handler);
    dispatcher.subscribe(all + "." + name, handler);
    dispatcher.subscribe(all + "." + name + "." + id, handler);
  }

  private void answer(Message request, byte[] response) {
    if (request.getReplyTo() == null) {
      return;
    }
    try {
      connection.publish(request.getReplyTo(), response);
    } catch (RuntimeException e) {
      LOG.debug("could not answer {} for {}", request.getSubject(), name, e);
    }
  }

  private void writeIdentity(JsonGenerator generator, String type) throws IOException {
    generator.writeStringField("type", type);
    generator.writeStringField("name", name);
    generator.writeStringField("id", id);
    generator.writeStringField("version", version);
    writeMetadata(generator, metadata);
  }

  private static void writeMetadata(JsonGenerator generator, Map<String, String> metadata) throws IOException {
    generator.writeObjectFieldStart("metadata");
    for (Map.Entry<String, String> entry : metadata.entrySet()) {
      generator.writeStringField(entry.getKey(), entry.getValue());
    }
    generator.writeEndObject();
  }

  private void writeInfo(JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    writeIdentity(generator, INFO_RESPONSE);
    generator.writeStringField("description", description);
    generator.writeArrayFieldStart("endpoints");
    for (MicroEndpoint endpoint : endpoints) {
      generator.writeStartObject();
      generator.writeStringField("name", endpoint.name());
      generator.writeStringField("subject", endpoint.subject());
      generator.writeStringField("queue_group", endpoint.queueGroup());
      writeMetadata(generator, endpoint.metadata());
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeEndObject();
  }

  private void writeStats(JsonGenerator generator) throws IOException {
    generator.writeStartObject();
    writeIdentity(generator, STATS_RESPONSE);
    generator.writeStringField("started", started.toString());
    generator.writeArrayFieldStart("endpoints");
    for (MicroEndpoint endpoint : endpoints) {
      MicroEndpoint.Snapshot stats = endpoint.snapshot();
      generator.writeStartObject();
      generator.writeStringField("name", endpoint.name());
      generator.writeStringField("subject", endpoint.subject());
      generator.writeStringField("queue_group", endpoint.queueGroup());
      generator.writeNumberField("num_requests", stats.requests());
      generator.writeNumberField("num_errors", stats.errors());
      generator.writeStringField("last_error", stats.lastError());
      generator.writeNumberField("processing_time", stats.processingNanos());
      generator.writeNumberField("average_processing_time", stats.averageNanos());
      generator.writeEndObject();
    }
    generator.writeEndArray();
    generator.writeEndObject();
  }
}
