package com.weegigs.events.runtime.internal.wire;

/** Header names and values of the wire contract ({@code docs/wire-contract.md}, "Headers" and "Errors"). */
public final class WireHeaders {
  private WireHeaders() {}

  /** The command's {@code messageId} on requests; the event's {@code id} on published events. */
  public static final String NATS_MSG_ID = "Nats-Msg-Id";

  /** The caller's deadline in milliseconds since the epoch. */
  public static final String WEE_DEADLINE = "Wee-Deadline";

  /** Content type header. */
  public static final String CONTENT_TYPE = "Content-Type";

  /** The only content type we send. */
  public static final String APPLICATION_JSON = "application/json";

  /** ADR-32 error number header, such as {@code 422}. */
  public static final String SERVICE_ERROR_CODE = "Nats-Service-Error-Code";

  /** ADR-32 error text header. */
  public static final String SERVICE_ERROR = "Nats-Service-Error";

  /** Bearer credentials, when authentication is enabled. */
  public static final String AUTHORIZATION = "Authorization";

  /** W3C trace context. */
  public static final String TRACEPARENT = "traceparent";

  /** W3C trace state. */
  public static final String TRACESTATE = "tracestate";

  /** W3C baggage. */
  public static final String BAGGAGE = "baggage";
}
