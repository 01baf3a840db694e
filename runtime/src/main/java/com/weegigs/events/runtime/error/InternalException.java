package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code INTERNAL} (500): something unexpected went wrong; the message never carries a stack trace or class name.
 */
public class InternalException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public InternalException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public InternalException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public InternalException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.INTERNAL, message, details, cause);
  }
}
