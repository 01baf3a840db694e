package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code UNAUTHENTICATED} (401): credentials are missing or not valid.
 */
public class UnauthenticatedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public UnauthenticatedException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public UnauthenticatedException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public UnauthenticatedException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.UNAUTHENTICATED, message, details, cause);
  }
}
