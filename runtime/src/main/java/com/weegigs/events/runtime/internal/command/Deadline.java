package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;

/**
 * The caller's deadline (milliseconds since the epoch, by the wall clock), checked before work
 * starts and again before anything is written. The transport reads it from the request (NATS: the
 * {@code Wee-Deadline} header of the wire contract).
 */
public final class Deadline {
  /** No deadline. */
  public static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  private final long atMillis;

  private Deadline(long atMillis) {
    this.atMillis = atMillis;
  }

  /**
   * The deadline {@code value} gives, or {@link #NONE} when it is {@code null}.
   *
   * @param value milliseconds since the epoch, as text
   * @param name where the value came from, for the error message
   * @throws ServiceException {@code INVALID_REQUEST} when the value is not a number
   */
  public static Deadline parse(String value, String name) {
    if (value == null) {
      return NONE;
    }
    try {
      return new Deadline(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw new ServiceException(ErrorCode.INVALID_REQUEST, name + " must be milliseconds since the epoch");
    }
  }

  /** Milliseconds left, at least 0; {@link Long#MAX_VALUE} when there is no deadline. */
  public long remainingMillis() {
    return atMillis == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, atMillis - System.currentTimeMillis());
  }

  /**
   * @param stage when the deadline was checked, for the error message ("before the request was started")
   * @throws ServiceException {@code TIMEOUT} when the deadline has passed
   */
  public void check(String stage) {
    if (atMillis != Long.MAX_VALUE && System.currentTimeMillis() >= atMillis) {
      throw new ServiceException(ErrorCode.TIMEOUT, "the request's deadline passed " + stage);
    }
  }
}
