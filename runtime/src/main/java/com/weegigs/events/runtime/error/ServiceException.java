package com.weegigs.events.runtime.error;

import java.util.Collections;
import java.util.LinkedHashMap;
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
    // Keeps the order the details were sent in and tolerates JSON nulls (Map.copyOf rejects them).
    this.details = details == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(details));
  }

  /**
   * The exception for an error code: the subclass of that code ({@link RejectedException} for
   * {@code REJECTED}, {@link NotFoundException} for {@code NOT_FOUND}, ...) carrying the message and
   * details. This is the one place where codes map to types; the client uses it for error replies.
   *
   * @param code the wire error code
   * @param message the human message
   * @param details the details as plain Java values ({@code null} means none)
   * @return the exception, not thrown
   */
  public static ServiceException of(ErrorCode code, String message, Map<String, Object> details) {
    Map<String, Object> safeDetails = details == null ? Map.of() : details;
    return switch (code) {
      case INVALID_REQUEST -> new InvalidRequestException(message, safeDetails);
      case VALIDATION_FAILED -> new ValidationFailedException(message, safeDetails);
      case UNAUTHENTICATED -> new UnauthenticatedException(message, safeDetails);
      case FORBIDDEN -> new ForbiddenException(message, safeDetails);
      case NOT_FOUND -> new NotFoundException(message, safeDetails);
      case CONFLICT -> new ConflictException(message, safeDetails);
      case PAYLOAD_TOO_LARGE -> new PayloadTooLargeException(message, safeDetails);
      case REJECTED -> new RejectedException(message, safeDetails);
      case RATE_LIMITED -> new RateLimitedException(message, safeDetails);
      case INTERNAL -> new InternalException(message, safeDetails);
      case UNAVAILABLE -> new UnavailableException(message, safeDetails);
      case TIMEOUT -> new DeadlineExceededException(message, safeDetails);
    };
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
