package com.weegigs.events.runtime.client;

import java.time.Duration;

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
 * @param timeout how long to wait for the reply, and the deadline sent in {@code Wee-Deadline};
 *     {@code null} for the client's default
 * @param expectedRevision commands only: fail with {@code CONFLICT} unless the aggregate is at this revision
 * @param messageId commands only: the command's identity; {@code null} for a new one per call
 * @param correlationId ties together the work done for one user action
 * @param causationId the id of whatever caused this command
 * @param userId who sends the command, when known
 */
public record CallOptions(
    Duration timeout, Long expectedRevision, String messageId, String correlationId, String causationId, String userId) {

  /** No per-call settings: the client's default timeout and a new {@code messageId}. */
  public static final CallOptions DEFAULT = new CallOptions(null, null, null, null, null, null);

  /**
   * @throws IllegalArgumentException when the timeout is not positive, the expected revision is
   *     negative or an id is blank; every problem is named at once
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
    if (problems.length() > 0) {
      problems.setLength(problems.length() - 2);
      throw new IllegalArgumentException(problems.toString());
    }
  }

  /** These options with another timeout ({@code null} for the client's default). */
  public CallOptions withTimeout(Duration timeout) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId);
  }

  /** These options with another expected revision ({@code null} for none). */
  public CallOptions withExpectedRevision(Long expectedRevision) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId);
  }

  /** These options with another message id ({@code null} for a new one per call). */
  public CallOptions withMessageId(String messageId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId);
  }

  /** These options with another correlation id. */
  public CallOptions withCorrelationId(String correlationId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId);
  }

  /** These options with another causation id. */
  public CallOptions withCausationId(String causationId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId);
  }

  /** These options with another user id. */
  public CallOptions withUserId(String userId) {
    return new CallOptions(timeout, expectedRevision, messageId, correlationId, causationId, userId);
  }

  private static void blank(StringBuilder problems, String name, String value) {
    if (value != null && value.isBlank()) {
      problems.append(name).append(" must not be blank; ");
    }
  }
}
