package com.weegigs.events.runtime.internal.wire;

/**
 * Builds every NATS subject of the wire contract ({@code docs/wire-contract.md}, "Subjects") from wire names.
 * Names are assumed valid ({@link com.weegigs.events.runtime.Names}); aggregate keys never appear
 * in a subject, so a key cannot change where a message lands.
 */
public final class Subjects {
  private Subjects() {}

  /** {@code {service}.command.{aggregate}.{command}}: request/reply, body a command request. */
  public static String command(String service, String aggregate, String command) {
    return service + ".command." + aggregate + "." + command;
  }

  /** {@code {service}.query.{aggregate}.get}: request/reply, body a query request. */
  public static String query(String service, String aggregate) {
    return service + ".query." + aggregate + ".get";
  }

  /** {@code {service}.events.{aggregate}.{event}}: where each recorded event is published. */
  public static String event(String service, String aggregate, String event) {
    return service + ".events." + aggregate + "." + event;
  }

  /** {@code {service}.events.{aggregate}.*}: every event of one aggregate type. */
  public static String eventsOf(String service, String aggregate) {
    return service + ".events." + aggregate + ".*";
  }

  /** {@code {service}.events.>}: every event of the service. */
  public static String allEvents(String service) {
    return service + ".events.>";
  }

  /** {@code {service}.health}: request/reply, empty body, answers a health report. */
  public static String health(String service) {
    return service + ".health";
  }

  /** {@code {service}.info}: request/reply in the queue group, empty body, answers the service document. */
  public static String info(String service) {
    return service + ".info";
  }

  /** {@code {service}.stats}: every instance answers (no queue group), empty body, answers its counters. */
  public static String stats(String service) {
    return service + ".stats";
  }
}
