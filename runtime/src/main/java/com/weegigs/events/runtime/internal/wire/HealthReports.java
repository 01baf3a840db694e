package com.weegigs.events.runtime.internal.wire;

import java.util.List;

/**
 * The health endpoint's bodies in the wire contract ({@code docs/wire-contract.md}): an empty
 * request, and the report {@code {status, service, version, aggregates}}.
 */
public final class HealthReports {
  /** JSON Schema of the health request (an empty body), for the health endpoint's metadata. */
  public static final String HEALTH_REQUEST_SCHEMA =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"health request\","
          + "\"description\":\"empty body\"}";

  private HealthReports() {}

  /** The health report: {@code {status, service, version, aggregates}}. */
  public static byte[] encodeHealth(String status, String service, String version, List<String> aggregates) {
    return Envelopes.encode(generator -> {
      generator.writeStartObject();
      generator.writeStringField("status", status);
      generator.writeStringField("service", service);
      generator.writeStringField("version", version);
      generator.writeArrayFieldStart("aggregates");
      for (String aggregate : aggregates) {
        generator.writeString(aggregate);
      }
      generator.writeEndArray();
      generator.writeEndObject();
    });
  }
}
