package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.Access;
import com.weegigs.events.runtime.internal.command.Deadline;
import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.service.EndpointKind;
import io.nats.client.Connection;
import io.nats.client.Dispatcher;
import io.nats.client.Message;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One micro endpoint: what it serves, its stages of the {@link RequestPipeline} (decode, validate,
 * execute), its ADR-32 counts, and whether its requests are fast enough to run inline.
 *
 * @param <R> the decoded request
 */
abstract class Endpoint<R> {
  private static final Logger LOG = LoggerFactory.getLogger("com.weegigs.events.runtime.NatsService");
  static final int WARM_UP = 8;

  final EndpointKind kind;
  final String service;
  final String subject;
  final MicroEndpoint micro;
  /** The name of the service's span of a request here ({@code process <subject>}, the messaging conventions' form). */
  final String spanName;
  final String queueGroup;
  private final Telemetry.Requests requests;
  private final Connection connection;
  private final Telemetry telemetry;
  private final long inlineBelowNanos;
  Dispatcher dispatcher;
  /** Moving average of how long a request takes here, once {@value #WARM_UP} requests have finished. */
  private volatile long averageNanos;
  private volatile int finished;

  /** The settings every endpoint of a service shares. */
  record Shared(String service, String queueGroup, Connection connection, long inlineBelowNanos, Telemetry telemetry) {}

  Endpoint(Shared shared, EndpointKind kind, String name, String subject, Map<String, String> metadata) {
    this.kind = kind;
    this.service = shared.service();
    this.subject = subject;
    this.micro = new MicroEndpoint(name, subject, shared.queueGroup(), metadata);
    this.spanName = "process " + subject;
    this.queueGroup = shared.queueGroup();
    this.requests = shared.telemetry().serverRequests(shared.service(), name);
    this.telemetry = shared.telemetry();
    this.connection = shared.connection();
    this.inlineBelowNanos = shared.inlineBelowNanos();
  }

  /**
   * Decodes the request body.
   *
   * @throws com.weegigs.events.runtime.error.ServiceException {@code INVALID_REQUEST} when it is not a valid request
   */
  abstract R decode(byte[] body);

  /** The aggregate {@code request} is for, or {@code null}. */
  abstract AggregateId aggregateId(R request);

  /** What the endpoint serves, as its {@code wee.kind} metadata says ({@code command}, ...), for logs. */
  String kindName() {
    return kind.name().toLowerCase(Locale.ROOT);
  }

  /** The command's wire name, or {@code null}. */
  String command() {
    return null;
  }

  /** Who may call this endpoint once authenticated; everyone by default. */
  Access access() {
    return Access.PERMIT_ALL;
  }

  /** What a caller of this endpoint asks for, for a {@code FORBIDDEN} message ({@code command add-item}). */
  String accessName() {
    return kindName() + " " + subject;
  }

  /**
   * Checks the request's constraints; nothing to check by default.
   *
   * @throws com.weegigs.events.runtime.error.ServiceException {@code VALIDATION_FAILED}
   */
  void validate(R request) {}

  /** Runs the request and answers it through {@code work}. */
  abstract void execute(R request, RequestPipeline.Work work, Deadline deadline);

  /** Counts the outcome of a request this endpoint answered, beyond ADR-32's counts; only commands do. */
  void counted(Reply reply) {}

  /** Publishes the events a command stored; only command endpoints have any. */
  void publish(List<RecordedEvent<?>> events, byte[][] wireForms, RequestTrace trace) {}

  /**
   * Whether requests here are fast enough to run on the dispatcher thread. A new endpoint uses
   * the worker pool until {@value #WARM_UP} requests have finished and shown how long they take,
   * so a handler that blocks from the start never holds up its dispatcher.
   */
  boolean fast() {
    return finished >= WARM_UP && averageNanos < inlineBelowNanos;
  }

  void took(long nanos) {
    int count = finished;
    long average = averageNanos;
    // an exponential moving average (1/8 weight); races between threads only blur it slightly
    averageNanos = count == 0 ? nanos : average + ((nanos - average) >> 3);
    if (count < WARM_UP) {
      finished = count + 1;
    }
  }

  /**
   * Counts the request's time and outcome for {@code $SRV.STATS} and {@code {service}.stats}
   * (before the reply leaves, so a caller that asks for the stats after the reply finds it
   * counted) and in the metrics, marks the request's span with an error reply's code, then sends
   * {@code reply} with the request's trace context ({@code null}: taken from the request): no
   * headers at all for a success without one.
   */
  void respond(Message message, Reply reply, RequestTrace trace, long receivedNanos) {
    long took = System.nanoTime() - receivedNanos;
    micro.answered(took,
        reply.error() == null ? null : reply.error().number() + " " + reply.error().name() + ": " + reply.errorText());
    counted(reply);
    requests.record(reply.error(), took);
    if (trace != null) {
      trace.answered(reply);
    }
    String replyTo = message.getReplyTo();
    if (replyTo == null) {
      return;
    }
    try {
      RequestTrace context = trace != null ? trace : RequestTrace.passThrough(telemetry, message.getHeaders());
      connection.publish(replyTo, context.replyHeaders(reply), reply.body());
    } catch (RuntimeException e) {
      LOG.debug("could not reply on {}", subject, e);
    }
  }
}
