package com.weegigs.events.testing;

/**
 * A {@code nats-server} could not be found, started, stopped or reached. The message says what
 * went wrong and, when a server was started, ends with the tail of its log.
 */
public class NatsServerException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** @param message what went wrong and how to fix it */
  public NatsServerException(String message) {
    super(message);
  }

  /**
   * @param message what went wrong and how to fix it
   * @param cause the underlying failure
   */
  public NatsServerException(String message, Throwable cause) {
    super(message, cause);
  }
}
