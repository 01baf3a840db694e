package com.weegigs.events.runtime.client;

import java.time.Duration;
import java.time.Instant;
import java.util.regex.Pattern;

/**
 * Per-call settings of a request. Every field is optional ({@code null}): the client uses its
 * default timeout, generates a new {@code messageId}, and lets the service fill the rest.
 *
 * <pre>{@code
 * CallOptions options = CallOptions.DEFAULT.withTimeout(Duration.ofSeconds(2)).withExpectedRevision(3L);
 * }</pre>
 *
 * <p>To make a retry idempotent, send it with the same {@code messageId}: the service applies a
 * command once and answers both requests with the same outcome.
 *
 * <p>What goes on the wire ({@code docs/wire-contract.md}, "Headers"): by default a request has no
 * headers at all; the ids travel in the body's metadata. A {@code timeout} is the client's own:
 * how long it waits for the reply, and nothing is sent for it. A {@code deadline} is sent to the
 * service as {@code Wee-Deadline}, so work still waiting when it passes stops with {@code TIMEOUT};
 * the client then waits until the deadline or the timeout, whichever comes first. A
 * call's trace context is that of its span, a child of the current OpenTelemetry context (see
 * {@code ServiceClient.Builder.withOpenTelemetry}); a {@code traceparent} given here is the parent
 * instead, for a caller that carries a W3C trace outside OpenTelemetry (a gateway that received
 * one); the service carries the trace onto its reply and onto the events of the command. A
 * {@code bearerToken} is sent as {@code Authorization: Bearer <token>} (a service that authenticates
 * requests needs one on every command and query); it wins over the client's
 * {@code ServiceClient.Builder.withBearerToken} supplier, and is never printed by {@link #toString()}.
 *
 * @param timeout how long the client waits for the reply; {@code null} for the client's default
 * @param expectedRevision commands only: fail with {@code CONFLICT} unless the aggregate is at this revision
 * @param messageId commands only: the command's identity; {@code null} for a new one per call
 * @param correlationId ties together the work done for one user action
 * @param causationId the id of whatever caused this command
 * @param userId who sends the command, when known
 * @param deadline when the work stops being useful, sent as {@code Wee-Deadline}; {@code null} for none
 * @param traceparent a W3C trace context to continue ({@code 00-<trace id>-<parent id>-<flags>})
 *     instead of the current OpenTelemetry context; {@code null} for the current one
 * @param rateLimitAttempts how many times the call is sent at most while the service answers
 *     {@code RATE_LIMITED}, each after the {@code retryAfterMs} it says; 1 (the default): not retried
 *     ({@link #withRetryOnRateLimit})
 * @param bearerToken the token sent as {@code Authorization: Bearer <token>}; {@code null} for the
 *     client's supplier, if it has one, else no header
 */
public record CallOptions(
    Duration timeout, Long expectedRevision, String messageId, String correlationId, String causationId, String userId,
    Instant deadline, String traceparent, int rateLimitAttempts, String bearerToken) {

  /** RFC 6750's token characters (b64token): what may follow {@code Bearer }. */
  private static final Pattern BEARER_TOKEN = Pattern.compile("[A-Za-z0-9._~+/-]+=*");
  private static final Pattern TRACEPARENT = Pattern.compile("[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}");

  /** No per-call settings: the client's default timeout, a new {@code messageId}, no headers. */
  public static final CallOptions DEFAULT = new CallOptions(null, null, null, null, null, null, null, null, 1, null);

  /**
   * @throws IllegalArgumentException when the timeout is not positive, the expected revision is
   *     negative, an id is blank, the traceparent is not a W3C traceparent, fewer than one attempt is
   *     asked for or the bearer token has characters a token cannot have; every problem is named at once
   */
  public CallOptions {
    StringBuilder problems = new StringBuilder();
    if (timeout != null && (timeout.isNegative() || timeout.isZero())) {
      problems.append("timeout must be positive, got ").append(timeout).append("; ");
    }
    if (expectedRevision != null && expectedRevision < 0) {
      problems.append("expectedRevision must be 0 or more, got ").append(expectedRevision).append("; ");
    }
    blank(problems, "messageId", messageId);
    blank(problems, "correlationId", correlationId);
    blank(problems, "causationId", causationId);
    blank(problems, "userId", userId);
    if (traceparent != null && !TRACEPARENT.matcher(traceparent).matches()) {
      problems.append("traceparent must be a W3C traceparent such as 00-<32 hex digits>-<16 hex digits>-01, got '")
          .append(traceparent).append("'; ");
    }
    if (rateLimitAttempts < 1) {
      problems.append("rateLimitAttempts must be 1 or more, got ").append(rateLimitAttempts).append("; ");
    }
    if (bearerToken != null && !BEARER_TOKEN.matcher(bearerToken).matches()) {
      // the token itself is not repeated: it may be a real credential with a typo
      problems.append("bearerToken must be a bearer token (letters, digits and -._~+/, then optional =); ");
    }
    if (problems.length() > 0) {
      problems.setLength(problems.length() - 2);
      throw new IllegalArgumentException(problems.toString());
    }
  }

  /** Options without a deadline or a trace context to continue. */
  public CallOptions(
      Duration timeout, Long expectedRevision, String messageId, String correlationId, String causationId, String userId) {
    this(timeout, expectedRevision, messageId, correlationId, causationId, userId, null, null, 1, null);
  }

  /** Options that do not retry a call the service rate-limited, and have no bearer token of their own. */
  public CallOptions(Duration timeout, Long expectedRevision, String messageId, String correlationId,
      String causationId, String userId, Instant deadline, String traceparent) {
    this(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent, 1, null);
  }

  /** These options with another timeout ({@code null} for the client's default). */
  public CallOptions withTimeout(Duration timeout) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** These options with another expected revision ({@code null} for none). */
  public CallOptions withExpectedRevision(Long expectedRevision) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** These options with another message id ({@code null} for a new one per call). */
  public CallOptions withMessageId(String messageId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** These options with another correlation id. */
  public CallOptions withCorrelationId(String correlationId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** These options with another causation id. */
  public CallOptions withCausationId(String causationId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** These options with another user id. */
  public CallOptions withUserId(String userId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /**
   * These options with a deadline the service is told of ({@code Wee-Deadline}); {@code null} for
   * none. The client also stops waiting at the deadline when that comes before the timeout.
   */
  public CallOptions withDeadline(Instant deadline) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** These options continuing the W3C trace {@code traceparent} instead of the current context; {@code null} for the current one. */
  public CallOptions withTraceparent(String traceparent) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /**
   * These options sending the call up to {@code maxAttempts} times while the service answers
   * {@code RATE_LIMITED}, each time after the {@code retryAfterMs} it said (1: not retried). Every
   * attempt is the same request: a command keeps its {@code messageId}, so the service applies it
   * once however many attempts it takes. No attempt starts after the call's {@link #deadline()};
   * each waits up to the call's timeout for its reply.
   */
  public CallOptions withRetryOnRateLimit(int maxAttempts) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        maxAttempts, bearerToken);
  }

  /**
   * These options sending {@code Authorization: Bearer <bearerToken>}; {@code null} for the client's
   * supplier ({@code ServiceClient.Builder.withBearerToken}), if it has one, else no header.
   */
  public CallOptions withBearerToken(String bearerToken) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId, deadline, traceparent,
        rateLimitAttempts, bearerToken);
  }

  /** The options, with the bearer token (if any) left out: it is a credential. */
  @Override
  public String toString() {
    return "CallOptions[timeout=" + timeout + ", expectedRevision=" + expectedRevision + ", messageId=" + messageId
        + ", correlationId=" + correlationId + ", causationId=" + causationId + ", userId=" + userId
        + ", deadline=" + deadline + ", traceparent=" + traceparent + ", rateLimitAttempts=" + rateLimitAttempts
        + ", bearerToken=" + (bearerToken == null ? "null" : "(set)") + "]";
  }

  private static void blank(StringBuilder problems, String name, String value) {
    if (value != null && value.isBlank()) {
      problems.append(name).append(" must not be blank; ");
    }
  }
}
