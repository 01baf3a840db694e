package com.weegigs.events.runtime.service;

import java.time.Duration;

/**
 * How a service answers a command sent again with the same {@code messageId}.
 *
 * <p>A repeat that arrives while the first is still running waits for it and gets the same reply.
 * A later repeat of a command that stored events is answered from the event store's record of its
 * {@code messageId} (kept for the store's own window): the same entity and events. The outcomes
 * the store does not record (rejections, conflicts, not-found answers and successes that changed
 * nothing) are kept by each instance for {@code window}, at most {@code maxReplies} of them, and a
 * repeat gets the very same reply. Transient failures ({@code INTERNAL}, {@code UNAVAILABLE},
 * {@code TIMEOUT}) are not remembered, so a retry runs again.
 *
 * @param maxReplies replies remembered, 0 to 10,000,000 (0 keeps only the in-flight de-duplication)
 * @param window how long a reply is remembered; positive
 */
public record IdempotencyConfig(int maxReplies, Duration window) {
  /** Default replies remembered. */
  public static final int DEFAULT_MAX_REPLIES = 10_000;
  /** Default window. */
  public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(2);

  /** @throws IllegalArgumentException naming every problem */
  public IdempotencyConfig {
    new ConfigProblems("IdempotencyConfig")
        .check(maxReplies < 0 || maxReplies > 10_000_000, "maxReplies must be between 0 and 10000000, was " + maxReplies)
        .check(window == null || window.isNegative() || window.isZero(), "window must be a positive duration, was " + window)
        .throwIfAny();
  }

  /** The defaults. */
  public static IdempotencyConfig defaults() {
    return new IdempotencyConfig(DEFAULT_MAX_REPLIES, DEFAULT_WINDOW);
  }
}
