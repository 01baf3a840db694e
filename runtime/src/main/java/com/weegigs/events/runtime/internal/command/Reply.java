package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.store.StoreCircuitOpenException;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.store.EventStoreUnavailableException;
import java.util.Map;

/**
 * A reply ready to send, whatever the transport: its JSON body, and for an error its code and the
 * one-line text of the {@code Nats-Service-Error} header of the wire contract; and whether a repeat
 * of the same command may be answered with it (successes and deterministic refusals; not transient
 * failures). The transport adds its own headers when it sends the reply.
 *
 * @param body the JSON body
 * @param error the error code, or {@code null} for a success
 * @param errorText the error's one-line header text (printable ASCII, at most 200 characters), or
 *     {@code null} for a success
 * @param recorded whether the event store recorded this outcome under the command's
 *     {@code messageId} (a success that stored events), so a repeat can be answered from the store
 */
public record Reply(byte[] body, ErrorCode error, String errorText, boolean recorded) {
  private static final int MAX_ERROR_TEXT = 200;

  /** A success reply with {@code body}. */
  public static Reply success(byte[] body) {
    return new Reply(body, null, null, false);
  }

  /** A success reply with {@code body} for a command whose events the store recorded. */
  public static Reply recorded(byte[] body) {
    return new Reply(body, null, null, true);
  }

  /** The error reply of {@code exception}: its code, message and details. */
  public static Reply error(ServiceException exception) {
    return new Reply(ErrorReplies.encodeError(exception), exception.code(), headerText(exception.getMessage()), false);
  }

  /** An error reply without details. */
  public static Reply error(ErrorCode code, String message) {
    return new Reply(ErrorReplies.encodeError(code, message, null), code, headerText(message), false);
  }

  /**
   * The reply to a request the event store could not serve: {@code UNAVAILABLE}, with
   * {@code details.circuitBreaker: "open"} when the store's circuit breaker answered for it. Nothing
   * of the store's own failure crosses the wire.
   */
  public static Reply storeUnavailable(EventStoreUnavailableException failure) {
    return failure instanceof StoreCircuitOpenException
        ? error(new UnavailableException("the event store's circuit breaker is open; try again later",
            Map.of("circuitBreaker", "open")))
        : error(ErrorCode.UNAVAILABLE, "the event store is unavailable; try again later");
  }

  /**
   * The reply to a request that failed unexpectedly: {@code INTERNAL}, with no more than the
   * correlation id the service logged the failure with, so nothing of the failure crosses the wire.
   */
  public static Reply internalError(String correlationId) {
    return error(ErrorCode.INTERNAL,
        "internal error; the service logged it with correlation id " + (correlationId == null ? "-" : correlationId));
  }

  /** Whether a repeat of the same command may be answered with this reply. */
  public boolean repeatable() {
    return error == null
        || error == ErrorCode.REJECTED
        || error == ErrorCode.CONFLICT
        || error == ErrorCode.NOT_FOUND
        || error == ErrorCode.VALIDATION_FAILED;
  }

  /** Header values are one line of printable ASCII: anything else becomes a space, long text is cut. */
  static String headerText(String message) {
    String text = message == null || message.isEmpty() ? "error" : message;
    int length = Math.min(text.length(), MAX_ERROR_TEXT);
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      char c = text.charAt(i);
      out.append(c >= 0x20 && c < 0x7F ? c : ' ');
    }
    return out.toString();
  }
}
