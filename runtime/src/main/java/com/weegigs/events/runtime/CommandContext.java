package com.weegigs.events.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command handler may know of the request besides the command: the aggregate it is for,
 * the request's metadata (ids, user, expected revision) and the service's clock. Handlers that
 * need the time ask {@link #now()} so tests can fix it.
 *
 * @param aggregateId the aggregate the command is for
 * @param metadata the command's metadata, with {@code messageId}, {@code correlationId} and {@code timestamp} filled
 * @param clock the service's clock
 */
public record CommandContext(AggregateId aggregateId, CommandMetadata metadata, Clock clock) {
  public CommandContext {
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(clock, "clock");
  }

  /** The command's identity. */
  public String messageId() {
    return metadata.messageId();
  }

  /** The correlation id of the request. */
  public String correlationId() {
    return metadata.correlationId();
  }

  /** The user who sent the command, when known. */
  public Optional<String> userId() {
    return Optional.ofNullable(metadata.userId());
  }

  /** The current time by the service's clock. */
  public Instant now() {
    return clock.instant();
  }
}
