package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.impl.Headers;

/**
 * A reply ready to send: body and headers, and whether a repeat of the same command may be
 * answered with it (successes and deterministic refusals; not transient failures).
 *
 * @param body the JSON body
 * @param headers the headers (shared and read-only for successes)
 * @param error the error code, or {@code null} for a success
 * @param recorded whether the event store recorded this outcome under the command's
 *     {@code messageId} (a success that stored events), so a repeat can be answered from the store
 */
public record Reply(byte[] body, Headers headers, ErrorCode error, boolean recorded) {
  /** {@code Content-Type: application/json}, shared by every success reply. */
  public static final Headers JSON_HEADERS =
      new Headers(new Headers().put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON), true);

  private static final int MAX_ERROR_TEXT = 200;

  /** A success reply with {@code body}. */
  public static Reply success(byte[] body) {
    return new Reply(body, JSON_HEADERS, null, false);
  }

  /** A success reply with {@code body} for a command whose events the store recorded. */
  public static Reply recorded(byte[] body) {
    return new Reply(body, JSON_HEADERS, null, true);
  }

  /** The error reply of {@code exception}: ADR-32 headers and the wire error body. */
  public static Reply error(ServiceException exception) {
    return error(exception.code(), exception.getMessage(), ErrorReplies.encodeError(exception));
  }

  /** An error reply without details. */
  public static Reply error(ErrorCode code, String message) {
    return error(code, message, ErrorReplies.encodeError(code, message, null));
  }

  private static Reply error(ErrorCode code, String message, byte[] body) {
    Headers headers = new Headers()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.SERVICE_ERROR_CODE, Integer.toString(code.number()))
        .put(WireHeaders.SERVICE_ERROR, headerText(message));
    return new Reply(body, headers, code, false);
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
