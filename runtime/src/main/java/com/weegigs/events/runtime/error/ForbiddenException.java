package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code FORBIDDEN} (403): the caller may not send this command.
 */
public class ForbiddenException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public ForbiddenException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public ForbiddenException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public ForbiddenException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.FORBIDDEN, message, details, cause);
  }
}
