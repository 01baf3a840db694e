package com.weegigs.events.runtime;

import java.time.Instant;

/**
 * Metadata of a command request. Every field may be {@code null} when a caller sends it; the
 * service fills {@code messageId}, {@code correlationId} and {@code timestamp} when they are missing.
 *
 * @param messageId the command's identity: the same id sent twice takes effect once
 * @param correlationId ties together the work done for one user action
 * @param causationId the id of whatever caused this command
 * @param timestamp when the command was sent (or received, when the sender gave none)
 * @param userId who sent it, when known
 * @param expectedRevision when present, the command fails with {@code CONFLICT} unless the aggregate is at this revision
 */
public record CommandMetadata(
    String messageId,
    String correlationId,
    String causationId,
    Instant timestamp,
    String userId,
    Long expectedRevision) {

  /** Metadata with nothing set. */
  public static final CommandMetadata EMPTY = new CommandMetadata(null, null, null, null, null, null);
}
