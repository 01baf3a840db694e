package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.error.DeadlineExceededException;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.ForbiddenException;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.concurrent.Completions;
import com.weegigs.events.runtime.internal.wire.ErrorReplies;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.Connection;
import io.nats.client.JetStreamStatusException;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A call's outcome as the wire contract's value or exception ({@code docs/wire-contract.md},
 * "Errors"): a reply body turned into a result, an error reply (its body, else its ADR-32
 * headers) or a failed jnats request turned into the {@link ServiceException} subclass of its code.
 */
final class ReplyErrors {
  private static final Pattern PUBLISH_REFUSED = Pattern.compile("Permissions Violation for Publish to \"([^\"]+)\"");

  private ReplyErrors() {}

  /**
   * The result of a reply.
   *
   * @param decoder turns a success body into the result; may throw {@link ServiceException}
   * @throws ServiceException the error the reply carries, or {@code INTERNAL} when it cannot be read
   */
  static <T> T decodeReply(Message reply, String subject, Function<byte[], T> decoder) {
    if (reply.isStatusMessage()) {
      if (reply.getStatus().getCode() == 503) {
        throw noResponders(subject);
      }
      throw new UnavailableException("NATS answered " + reply.getStatus().getCode() + " "
          + reply.getStatus().getMessage() + " to a request on " + subject);
    }
    Headers headers = reply.getHeaders();
    byte[] body = reply.getData();
    if (headers != null && headers.containsKey(WireHeaders.SERVICE_ERROR_CODE)) {
      throw errorReply(headers, body);
    }
    try {
      return decoder.apply(body);
    } catch (ServiceException e) {
      // A service that sent an error body without the ADR-32 headers still means the error.
      ServiceException sent = errorBody(body);
      throw sent != null ? sent : typed(e);
    }
  }

  /** A failed jnats request future as the wire contract's exception. */
  static ServiceException translate(Throwable error, Connection connection, String subject, Duration timeout) {
    Throwable cause = Completions.cause(error);
    if (cause instanceof ServiceException service) {
      return typed(service);
    }
    if (cause instanceof CancellationException) {
      String text = cause.getMessage() == null ? "" : cause.getMessage();
      if (text.contains("not registered in time")) {
        return timedOut(connection, subject, timeout);
      }
      if (text.contains("closing")) {
        return new UnavailableException("the NATS connection closed before " + subject + " answered", Map.of(), cause);
      }
      // jnats cancels the future without a message when the server says nobody is subscribed.
      return noResponders(subject);
    }
    if (cause instanceof JetStreamStatusException status && status.getStatus() != null
        && status.getStatus().getCode() == 503) {
      return noResponders(subject);
    }
    if (cause instanceof TimeoutException) {
      return timedOut(connection, subject, timeout);
    }
    return new UnavailableException("the request to " + subject + " failed: " + cause.getMessage(), Map.of(), cause);
  }

  /**
   * {@code TIMEOUT}, or {@code UNAVAILABLE} when the connection is down: then the wait was not the
   * service's fault; or {@code FORBIDDEN} when the server refused the request because the
   * connection's user may not publish to its subject (the request never reached the service). A
   * connection the client or the service opened reports such a refusal as it comes, failing the
   * call at once ({@link Requester#publishRefused}); a caller's own connection, whose error
   * listener is the caller's, shows it only here, as its last error.
   */
  static ServiceException timedOut(Connection connection, String subject, Duration timeout) {
    String refusal = connection.getLastError();
    if (subject.equals(refusedSubject(refusal))) {
      return forbidden(subject, refusal);
    }
    Connection.Status status = connection.getStatus();
    if (status != Connection.Status.CONNECTED) {
      return new UnavailableException("no reply from " + subject + " within " + timeout.toMillis()
          + " ms: the NATS connection is " + status);
    }
    return new DeadlineExceededException("no reply from " + subject + " within " + timeout.toMillis() + " ms");
  }

  /**
   * The subject of a server's refusal to let the connection publish, as jnats reports the server's
   * {@code -ERR} ({@code Permissions Violation for Publish to "receipts.command.receipt.add-item"}),
   * or {@code null} when {@code error} is not one.
   */
  static String refusedSubject(String error) {
    if (error == null) {
      return null;
    }
    Matcher matcher = PUBLISH_REFUSED.matcher(error);
    return matcher.find() ? matcher.group(1) : null;
  }

  /** {@code FORBIDDEN}: the server refused the request to {@code subject}, as {@code refusal} says. */
  static ForbiddenException forbidden(String subject, String refusal) {
    return new ForbiddenException("NATS refused the request to " + subject + " (" + refusal + "): the connection's user"
        + " may not publish to it; grant it the client permissions the service's META-INF/wee-events/{service}.permissions.conf lists");
  }

  /** The exception as the subclass of its code: callers catch by type, whoever created it. */
  private static ServiceException typed(ServiceException exception) {
    if (exception.getClass() != ServiceException.class) {
      return exception;
    }
    return ServiceException.of(exception.code(), exception.getMessage(), exception.details());
  }

  /** The exception of an error reply: from its body, else from its ADR-32 headers. */
  private static ServiceException errorReply(Headers headers, byte[] body) {
    ServiceException fromBody = errorBody(body);
    if (fromBody != null) {
      return fromBody;
    }
    String number = headers.getFirst(WireHeaders.SERVICE_ERROR_CODE);
    String text = headers.getFirst(WireHeaders.SERVICE_ERROR);
    String message = text == null || text.isBlank() ? "error " + number : text;
    for (ErrorCode code : ErrorCode.values()) {
      if (Integer.toString(code.number()).equals(number == null ? "" : number.trim())) {
        return ServiceException.of(code, message, Map.of());
      }
    }
    return new InternalException(message, Map.of("code", String.valueOf(number)));
  }

  /** The exception an error body describes, or {@code null} when the body is not an error body. */
  private static ServiceException errorBody(byte[] body) {
    if (body == null || body.length == 0) {
      return null;
    }
    ErrorReplies.ErrorReply error;
    try {
      error = ErrorReplies.decodeError(body);
    } catch (ServiceException notAnErrorBody) {
      return null;
    }
    ErrorCode code = error.errorCode();
    if (code == null) {
      return new InternalException(
          "the service answered with error code " + error.code() + ", unknown to this client: " + error.message(),
          error.details());
    }
    return ServiceException.of(code, error.message(), error.details());
  }

  private static UnavailableException noResponders(String subject) {
    return new UnavailableException("no service is listening on " + subject + " (no responders)");
  }
}
