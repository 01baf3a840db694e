package com.weegigs.events.runtime.internal.wire;

/**
 * Header names and values of the wire contract ({@code docs/wire-contract.md}, "Headers" and
 * "Errors"). Every header is optional: a request, a success reply and an event notification
 * without any is the normal case.
 */
public final class WireHeaders {
  private WireHeaders() {}

  /**
   * The command's {@code messageId} on requests, when the body's metadata has none (version 1
   * clients send both; the body wins). Not sent by this runtime.
   */
  public static final String NATS_MSG_ID = "Nats-Msg-Id";

  /** The caller's deadline in milliseconds since the epoch; sent only when the caller set one. */
  public static final String WEE_DEADLINE = "Wee-Deadline";

  /** Content type header: never sent for JSON, the only encoding; version 1 clients send {@link #APPLICATION_JSON}. */
  public static final String CONTENT_TYPE = "Content-Type";

  /** What version 1 clients send in {@link #CONTENT_TYPE}. */
  public static final String APPLICATION_JSON = "application/json";

  /** ADR-32 error number header, such as {@code 422}. */
  public static final String SERVICE_ERROR_CODE = "Nats-Service-Error-Code";

  /** ADR-32 error text header. */
  public static final String SERVICE_ERROR = "Nats-Service-Error";

  /** Bearer credentials, when authentication is enabled. */
  public static final String AUTHORIZATION = "Authorization";

  /** W3C trace context: sent by a caller with a trace to continue, and then carried onto the reply and the events. */
  public static final String TRACEPARENT = "traceparent";

  /** W3C trace state. */
  public static final String TRACESTATE = "tracestate";

  /** W3C baggage. */
  public static final String BAGGAGE = "baggage";
}
