package com.weegigs.events.runtime.internal.service;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.weegigs.events.runtime.definition.AggregateType;
import com.weegigs.events.runtime.definition.CommandType;
import com.weegigs.events.runtime.definition.EventType;
import com.weegigs.events.runtime.definition.ServiceDescriptor;
import com.weegigs.events.runtime.internal.command.CommandCounters;
import com.weegigs.events.runtime.internal.wire.Envelopes;
import com.weegigs.events.runtime.internal.wire.JsonValues;
import com.weegigs.events.runtime.internal.wire.Requests;
import com.weegigs.events.runtime.internal.wire.Subjects;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The bodies of {@code {service}.info} and {@code {service}.stats} ({@code docs/wire-contract.md},
 * "Service info and stats"): what the service is, written once at start, and what one instance
 * has done, written on each request from its counters.
 */
final class ServiceDocuments {
  /** The version of the wire contract this runtime speaks, also in the micro metadata {@code wee.wire}. */
  static final String WIRE_VERSION = "1.1";

  private ServiceDocuments() {}

  /** One hosted aggregate type's counters, under its wire name. */
  record Counted(String type, CommandCounters counters) {}

  /**
   * The service document: {@code {name, version, title, wire, aggregates: [{type, query, stateSchema,
   * commands: [{name, subject, schema}], events: [{type, subject, schema}]}]}}, every schema a JSON
   * object.
   */
  static byte[] info(ServiceDescriptor descriptor) {
    String service = descriptor.name();
    return Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeStringField("name", service);
      generator.writeStringField("version", descriptor.version());
      generator.writeStringField("title", descriptor.title());
      generator.writeStringField("wire", WIRE_VERSION);
      generator.writeArrayFieldStart("aggregates");
      for (AggregateType<?, ?> aggregate : descriptor.aggregates()) {
        generator.writeStartObject();
        generator.writeStringField("type", aggregate.name());
        generator.writeObjectFieldStart("query");
        generator.writeStringField("subject", Subjects.query(service, aggregate.name()));
        writeSchema(generator, "schema", Requests.QUERY_REQUEST_SCHEMA);
        generator.writeEndObject();
        writeSchema(generator, "stateSchema", aggregate.stateSchema());
        generator.writeArrayFieldStart("commands");
        for (CommandType<?> command : aggregate.commands().values()) {
          generator.writeStartObject();
          generator.writeStringField("name", command.name());
          generator.writeStringField("subject", Subjects.command(service, aggregate.name(), command.name()));
          writeSchema(generator, "schema", command.schema());
          generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeArrayFieldStart("events");
        for (EventType<?> event : aggregate.events().values()) {
          generator.writeStartObject();
          generator.writeStringField("type", event.name());
          generator.writeStringField("subject", Subjects.event(service, aggregate.name(), event.name()));
          writeSchema(generator, "schema", event.schema());
          generator.writeEndObject();
        }
        generator.writeEndArray();
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    });
  }

  /**
   * One instance's counters: {@code {name, id, version, started, aggregates: [{type, commands:
   * {OK, <every error code>}, conflicts, retries, rehydrations, rehydrationNanos, cacheHits,
   * cacheMisses}]}}, every count present, zero or not.
   */
  static byte[] stats(ServiceDescriptor descriptor, String id, Instant started, List<Counted> aggregates) {
    return Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeStringField("name", descriptor.name());
      generator.writeStringField("id", id);
      generator.writeStringField("version", descriptor.version());
      generator.writeStringField("started", started.toString());
      generator.writeArrayFieldStart("aggregates");
      for (Counted aggregate : aggregates) {
        CommandCounters.Snapshot counts = aggregate.counters().snapshot();
        generator.writeStartObject();
        generator.writeStringField("type", aggregate.type());
        generator.writeObjectFieldStart("commands");
        for (Map.Entry<String, Long> outcome : counts.commands().entrySet()) {
          generator.writeNumberField(outcome.getKey(), outcome.getValue());
        }
        generator.writeEndObject();
        generator.writeNumberField("conflicts", counts.conflicts());
        generator.writeNumberField("retries", counts.retries());
        generator.writeNumberField("rehydrations", counts.rehydrations());
        generator.writeNumberField("rehydrationNanos", counts.rehydrationNanos());
        generator.writeNumberField("cacheHits", counts.cacheHits());
        generator.writeNumberField("cacheMisses", counts.cacheMisses());
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    });
  }

  /** A schema as the JSON object it is; as a string when it is not JSON (a hand-written definition's). */
  private static void writeSchema(JsonGenerator generator, String field, String schema) throws IOException {
    generator.writeFieldName(field);
    Object parsed;
    try (JsonParser parser = Envelopes.JSON.createParser(schema)) {
      parser.nextToken();
      parsed = JsonValues.read(parser);
      if (parser.nextToken() != null) {
        parsed = schema;
      }
    } catch (IOException e) {
      parsed = schema;
    }
    JsonValues.write(generator, parsed);
  }
}
