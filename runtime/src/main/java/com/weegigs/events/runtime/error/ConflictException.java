package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code CONFLICT} (409): the expected revision was not met, or concurrent writers exhausted the retries.
 */
public class ConflictException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public ConflictException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public ConflictException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public ConflictException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.CONFLICT, message, details, cause);
  }
}
