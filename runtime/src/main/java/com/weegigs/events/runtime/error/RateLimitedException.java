package com.weegigs.events.runtime.error;

import java.util.Map;

/**
 * {@code RATE_LIMITED} (429): the caller is over the rate limit; {@link #retryAfterMs()} says when
 * to try again ({@code details.retryAfterMs} on the wire).
 */
public class RateLimitedException extends ServiceException {
  private static final long serialVersionUID = 1L;

  private final long retryAfterMs;

  /**
   * @param message what a person should read
   * @param retryAfterMs milliseconds to wait before trying again
   */
  public RateLimitedException(String message, long retryAfterMs) {
    super(ErrorCode.RATE_LIMITED, message, Map.of("retryAfterMs", retryAfterMs));
    this.retryAfterMs = retryAfterMs;
  }

  /**
   * Rebuilds the exception from an error reply's details.
   *
   * @param message what a person should read
   * @param details the reply's details; {@code retryAfterMs} is read from them when present
   */
  public RateLimitedException(String message, Map<String, Object> details) {
    super(ErrorCode.RATE_LIMITED, message, details);
    Object value = details.get("retryAfterMs");
    this.retryAfterMs = value instanceof Number number ? number.longValue() : 0L;
  }

  /** Milliseconds to wait before trying again; 0 when the service did not say. */
  public long retryAfterMs() {
    return retryAfterMs;
  }
}
