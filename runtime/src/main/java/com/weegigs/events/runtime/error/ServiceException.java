package com.weegigs.events.runtime.error;

import java.util.Map;
import java.util.Objects;

/**
 * An error that crosses the wire: a {@link ErrorCode}, a short message for people, and details
 * (such as {@code violations} or {@code reason}). The service turns one into an error reply; the
 * client turns an error reply back into the subclass for its code, so callers can catch
 * {@link RejectedException}, {@link NotFoundException} and the rest by type.
 */
public class ServiceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ErrorCode code;
  private final transient Map<String, Object> details;

  public ServiceException(ErrorCode code, String message) {
    this(code, message, Map.of(), null);
  }

  public ServiceException(ErrorCode code, String message, Map<String, Object> details) {
    this(code, message, details, null);
  }

  public ServiceException(ErrorCode code, String message, Map<String, Object> details, Throwable cause) {
    super(Objects.requireNonNull(message, "message"), cause);
    this.code = Objects.requireNonNull(code, "code");
    this.details = Map.copyOf(details);
  }

  /** The wire error code. */
  public ErrorCode code() {
    return code;
  }

  /** Details sent with the error: JSON values as Java ({@code String}, {@code Number}, {@code Boolean}, {@code List}, {@code Map}). */
  public Map<String, Object> details() {
    return details;
  }
}
