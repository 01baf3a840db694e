package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code UNAVAILABLE} (503): the service is shutting down, saturated, its store is unreachable, or nothing answers on the subject (no responders), or the client is not connected.
 */
public class UnavailableException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public UnavailableException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public UnavailableException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public UnavailableException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.UNAVAILABLE, message, details, cause);
  }
}
