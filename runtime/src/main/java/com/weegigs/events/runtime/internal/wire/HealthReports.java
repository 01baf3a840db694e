package com.weegigs.events.runtime.internal.wire;

import java.util.List;

/**
 * The health endpoint's bodies in the wire contract ({@code docs/wire-contract.md}): an empty
 * request, and the report {@code {status, service, version, aggregates, checks}}.
 */
public final class HealthReports {
  /** JSON Schema of the health request (an empty body), for the health endpoint's metadata. */
  public static final String HEALTH_REQUEST_SCHEMA =
      "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",\"title\":\"health request\","
          + "\"description\":\"empty body\"}";

  private HealthReports() {}

  /**
   * One check in a health report.
   *
   * @param name the check's name
   * @param status {@code ok}, {@code degraded} or {@code down}
   * @param nanos how long it took (or had run, when it timed out)
   * @param message what it found, or {@code null}
   */
  public record Check(String name, String status, long nanos, String message) {}

  /**
   * The health report: {@code {status, service, version, aggregates, checks}}, each check
   * {@code {name, status, durationMs, message}} ({@code message} left out when there is none).
   */
  public static byte[] encodeHealth(String status, String service, String version, List<String> aggregates,
      List<Check> checks) {
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
      generator.writeArrayFieldStart("checks");
      for (Check check : checks) {
        generator.writeStartObject();
        generator.writeStringField("name", check.name());
        generator.writeStringField("status", check.status());
        // milliseconds with microsecond precision
        generator.writeNumberField("durationMs", Math.round(check.nanos() / 1_000.0) / 1_000.0);
        if (check.message() != null) {
          generator.writeStringField("message", check.message());
        }
        generator.writeEndObject();
      }
      generator.writeEndArray();
      generator.writeEndObject();
    });
  }
}
