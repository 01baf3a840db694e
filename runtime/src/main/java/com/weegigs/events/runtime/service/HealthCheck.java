package com.weegigs.events.runtime.service;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;

/**
 * A check of something the service needs (a database, a downstream service, a licence), run on
 * every {@code {service}.health} request beside the built-in checks of the NATS connection, the
 * event store and the request queue. Register one with
 * {@code NatsService.Builder.withHealthCheck(name, check)}.
 *
 * <pre>{@code
 * builder.withHealthCheck("ledger", Duration.ofMillis(500), () -> ledger.ping()
 *     ? HealthCheck.Result.ok()
 *     : HealthCheck.Result.degraded("ledger answers slowly"));
 * }</pre>
 *
 * <p>Checks run concurrently, each with its own timeout: one that throws is reported {@code down}
 * with the exception's message, one that has not answered when its timeout passes is reported
 * {@code down} at once (and, while it still runs, is not started again by later requests). The
 * service's status is the worst of its checks.
 */
@FunctionalInterface
public interface HealthCheck {
  /** The timeout of a check registered without one. */
  Duration DEFAULT_TIMEOUT = Duration.ofSeconds(2);

  /**
   * Checks now.
   *
   * @return the outcome; {@code null} counts as {@link Result#ok()}
   * @throws Exception when the check fails: reported as {@code down} with the exception's message
   */
  Result check() throws Exception;

  /** How healthy a check found what it checks, worst last. */
  enum Status {
    /** Working. */
    OK,
    /** Working, but not as it should (slow, near a limit). */
    DEGRADED,
    /** Not working. */
    DOWN;

    /** The status as the health report writes it: {@code ok}, {@code degraded} or {@code down}. */
    public String wireName() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The worse of this status and {@code other}. */
    public Status worst(Status other) {
      return other.ordinal() > ordinal() ? other : this;
    }
  }

  /**
   * The outcome of a check.
   *
   * @param status how healthy
   * @param message what the check found, for the report; {@code null} for nothing to say
   */
  record Result(Status status, String message) {
    public Result {
      Objects.requireNonNull(status, "status");
    }

    /** Working, nothing to say. */
    public static Result ok() {
      return new Result(Status.OK, null);
    }

    /** Working; {@code message} says what was checked. */
    public static Result ok(String message) {
      return new Result(Status.OK, message);
    }

    /** Working, but not as it should; {@code message} says how. */
    public static Result degraded(String message) {
      return new Result(Status.DEGRADED, message);
    }

    /** Not working; {@code message} says why. */
    public static Result down(String message) {
      return new Result(Status.DOWN, message);
    }
  }
}
