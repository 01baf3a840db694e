package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code PAYLOAD_TOO_LARGE} (413): the body is over the configured (or the NATS server's) limit.
 */
public class PayloadTooLargeException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public PayloadTooLargeException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public PayloadTooLargeException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public PayloadTooLargeException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.PAYLOAD_TOO_LARGE, message, details, cause);
  }
}
