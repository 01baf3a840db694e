package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code INVALID_REQUEST} (400): the body is not JSON, not the envelope, or names another aggregate type.
 */
public class InvalidRequestException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public InvalidRequestException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public InvalidRequestException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public InvalidRequestException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.INVALID_REQUEST, message, details, cause);
  }
}
