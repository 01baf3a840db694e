package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.impl.Headers;

/**
 * The caller's deadline from the {@code Wee-Deadline} header (milliseconds since the epoch, by the
 * wall clock), checked before work starts and again before anything is written.
 */
final class Deadline {
  static final Deadline NONE = new Deadline(Long.MAX_VALUE);

  final long atMillis;

  private Deadline(long atMillis) {
    this.atMillis = atMillis;
  }

  /**
   * The deadline a request carries, or {@link #NONE}.
   *
   * @throws ServiceException {@code INVALID_REQUEST} when the header is not a number
   */
  static Deadline of(Headers headers) {
    if (headers == null) {
      return NONE;
    }
    String value = headers.getFirst(WireHeaders.WEE_DEADLINE);
    if (value == null) {
      return NONE;
    }
    try {
      return new Deadline(Long.parseLong(value.trim()));
    } catch (NumberFormatException e) {
      throw new ServiceException(ErrorCode.INVALID_REQUEST,
          WireHeaders.WEE_DEADLINE + " must be milliseconds since the epoch");
    }
  }

  /** Milliseconds left, at least 0; {@link Long#MAX_VALUE} when there is no deadline. */
  long remainingMillis() {
    return atMillis == Long.MAX_VALUE ? Long.MAX_VALUE : Math.max(0, atMillis - System.currentTimeMillis());
  }

  /**
   * @throws ServiceException {@code TIMEOUT} when the deadline has passed
   */
  void check(String stage) {
    if (atMillis != Long.MAX_VALUE && System.currentTimeMillis() >= atMillis) {
      throw new ServiceException(ErrorCode.TIMEOUT, "the request's deadline passed " + stage);
    }
  }
}
