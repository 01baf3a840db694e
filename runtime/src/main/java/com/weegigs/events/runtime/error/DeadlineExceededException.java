package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code TIMEOUT} (504): the request's deadline passed before the work finished, or no reply arrived within the call's timeout.
 */
public class DeadlineExceededException extends ServiceException {
  private static final long serialVersionUID = 1L;

  /** @param message what a person should read */
  public DeadlineExceededException(String message) {
    this(message, Map.of(), null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   */
  public DeadlineExceededException(String message, Map<String, Object> details) {
    this(message, details, null);
  }

  /**
   * @param message what a person should read
   * @param details details sent with the error (JSON values as Java)
   * @param cause the underlying failure, kept on this side of the wire only
   */
  public DeadlineExceededException(String message, Map<String, Object> details, Throwable cause) {
    super(ErrorCode.TIMEOUT, message, details, cause);
  }
}
