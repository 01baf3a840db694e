package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code NOT_FOUND} (404): no such entity (for aggregates without an initial state).
 */
public class NotFoundException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public NotFoundException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public NotFoundException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public NotFoundException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.NOT_FOUND, message, details, cause);
  }
}
