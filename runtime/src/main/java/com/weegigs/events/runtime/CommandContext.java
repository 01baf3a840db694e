package com.weegigs.events.runtime;

import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * What a command handler may know of the request besides the command: the aggregate it is for,
 * the request's metadata (ids, user, expected revision), the service's clock and, when the service
 * authenticates requests, the verified caller. Handlers that need the time ask {@link #now()} so
 * tests can fix it.
 *
 * @param aggregateId the aggregate the command is for
 * @param metadata the command's metadata, with {@code messageId}, {@code correlationId} and {@code timestamp} filled
 * @param clock the service's clock
 * @param principal the caller its bearer token proved, when the service authenticates requests
 *     ({@code NatsService.Builder.withAuthentication}); empty otherwise
 */
public record CommandContext(AggregateId aggregateId, CommandMetadata metadata, Clock clock, Optional<Principal> principal) {
  public CommandContext {
    Objects.requireNonNull(aggregateId, "aggregateId");
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(principal, "principal");
  }

  /** A context without a verified caller (a service that does not authenticate requests). */
  public CommandContext(AggregateId aggregateId, CommandMetadata metadata, Clock clock) {
    this(aggregateId, metadata, clock, Optional.empty());
  }

  /** The command's identity. */
  public String messageId() {
    return metadata.messageId();
  }

  /** The correlation id of the request. */
  public String correlationId() {
    return metadata.correlationId();
  }

  /**
   * The user who sent the command, when known: the verified {@link #principal()}'s subject when the
   * service authenticates requests (a {@code userId} the caller wrote in the metadata is then
   * ignored), else the caller's own word.
   */
  public Optional<String> userId() {
    return Optional.ofNullable(metadata.userId());
  }

  /** The current time by the service's clock. */
  public Instant now() {
    return clock.instant();
  }
}
