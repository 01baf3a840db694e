package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.CommandMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.definition.Access;
import com.weegigs.events.runtime.definition.AggregateDefinition.CommandBinding;
import com.weegigs.events.runtime.internal.command.CommandCore;
import com.weegigs.events.runtime.internal.command.Deadline;
import com.weegigs.events.runtime.internal.command.Reply;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.HealthReports;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.Subjects;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.service.EndpointKind;
import io.nats.client.impl.Headers;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The three kinds of endpoint a service has: one per command, one query per aggregate, and health. */
final class Endpoints {
  private Endpoints() {}

  /** A command endpoint: decodes the command request and hands it to the aggregate's {@link CommandCore}. */
  static <S, C, E> Endpoint<Requests.CommandRequest<C>> command(
      Endpoint.Shared shared, CommandCore<S, E> core, CommandBinding<S, C, E> binding, EventPublisher publisher) {
    String aggregate = core.type().name();
    String command = binding.type().name();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("wee.kind", "command");
    metadata.put("wee.aggregate", aggregate);
    metadata.put("wee.command", command);
    metadata.put("wee.schema", binding.type().schema());
    return new Endpoint<>(shared, EndpointKind.COMMAND, "command_" + aggregate + "_" + command,
        Subjects.command(shared.service(), aggregate, command), metadata) {
      @Override
      Requests.CommandRequest<C> decode(byte[] body) {
        return Requests.decodeCommandRequest(body, aggregate, binding.type());
      }

      @Override
      AggregateId aggregateId(Requests.CommandRequest<C> request) {
        return request.aggregateId();
      }

      @Override
      String command() {
        return command;
      }

      @Override
      Access access() {
        return binding.type().access();
      }

      @Override
      String accessName() {
        return "command " + command + " of " + aggregate;
      }

      @Override
      void validate(Requests.CommandRequest<C> request) {
        core.validate(binding, request.command());
      }

      @Override
      void execute(Requests.CommandRequest<C> request, RequestPipeline.Work work, Deadline deadline) {
        Headers headers = work.message.getHeaders();
        CommandMetadata metadata = CommandCore.metadata(request.metadata(),
            headers == null ? null : headers.getFirst(WireHeaders.NATS_MSG_ID), work.receivedAtMillis, work.principal);
        work.trace.span.setAttribute(Telemetry.MESSAGE_ID, metadata.messageId())
            .setAttribute(Telemetry.AGGREGATE_KEY, request.aggregateId().key());
        core.execute(binding, request.aggregateId(), request.command(), metadata, work.principal, deadline, work);
      }

      @Override
      void counted(Reply reply) {
        core.counters().answered(reply.error());
      }

      @Override
      void publish(List<RecordedEvent<?>> events, byte[][] wireForms, RequestTrace trace) {
        publisher.publish(events, wireForms, trace);
      }
    };
  }

  /** The query endpoint of an aggregate type: answers with the entity. */
  static Endpoint<AggregateId> query(Endpoint.Shared shared, CommandCore<?, ?> core) {
    String aggregate = core.type().name();
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("wee.kind", "query");
    metadata.put("wee.aggregate", aggregate);
    metadata.put("wee.schema", Requests.QUERY_REQUEST_SCHEMA);
    return new Endpoint<>(shared, EndpointKind.QUERY, "query_" + aggregate + "_get",
        Subjects.query(shared.service(), aggregate), metadata) {
      @Override
      AggregateId decode(byte[] body) {
        return Requests.decodeQueryRequest(body, aggregate);
      }

      @Override
      AggregateId aggregateId(AggregateId request) {
        return request;
      }

      @Override
      Access access() {
        return core.type().queryAccess();
      }

      @Override
      String accessName() {
        return "a query of " + aggregate;
      }

      @Override
      void execute(AggregateId request, RequestPipeline.Work work, Deadline deadline) {
        work.reply(core.query(request));
      }
    };
  }

  /** The health endpoint: answers with the report {@code health} runs, whatever the body. */
  static Endpoint<Void> health(Endpoint.Shared shared, HealthChecks health) {
    Map<String, String> metadata = new LinkedHashMap<>();
    metadata.put("wee.kind", "health");
    metadata.put("wee.schema", HealthReports.HEALTH_REQUEST_SCHEMA);
    return new Endpoint<>(shared, EndpointKind.HEALTH, "health", Subjects.health(shared.service()), metadata) {
      @Override
      Void decode(byte[] body) {
        return null;
      }

      @Override
      AggregateId aggregateId(Void request) {
        return null;
      }

      @Override
      void execute(Void request, RequestPipeline.Work work, Deadline deadline) {
        work.reply(Reply.success(health.report()));
      }
    };
  }
}
