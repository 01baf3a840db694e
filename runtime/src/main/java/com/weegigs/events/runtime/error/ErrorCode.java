package com.weegigs.events.runtime.error;

/** The error codes of the wire contract, with the number each carries in {@code Nats-Service-Error-Code}. */
public enum ErrorCode {
  INVALID_REQUEST(400),
  VALIDATION_FAILED(400),
  UNAUTHENTICATED(401),
  FORBIDDEN(403),
  NOT_FOUND(404),
  CONFLICT(409),
  PAYLOAD_TOO_LARGE(413),
  REJECTED(422),
  RATE_LIMITED(429),
  INTERNAL(500),
  UNAVAILABLE(503),
  TIMEOUT(504);

  private final int number;

  ErrorCode(int number) {
    this.number = number;
  }

  /** The number sent in the {@code Nats-Service-Error-Code} header. */
  public int number() {
    return number;
  }
}
