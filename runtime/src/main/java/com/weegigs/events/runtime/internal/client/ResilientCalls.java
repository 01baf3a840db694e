package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.RateLimitedException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.resilience.Breaker;
import io.opentelemetry.context.Context;
import io.opentelemetry.context.Scope;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client's calls with its circuit breaker and its retries after {@code RATE_LIMITED}, around the
 * {@link Requester}.
 *
 * <p>The breaker ({@code null}: none) is asked before each request: while it is open the call fails
 * at once with {@code UNAVAILABLE} (details {@code circuitBreaker: open}) without being sent. A
 * time-out, no responders or an {@code UNAVAILABLE} answer count as failures; any other answer of
 * the service shows it is there and counts as a success.
 *
 * <p>A call that asks for it is sent again after the {@code retryAfterMs} of a {@code RATE_LIMITED}
 * answer, the same body each time (a command keeps its {@code messageId}), unless that would start
 * after the call's deadline.
 */
public final class ResilientCalls {
  private final Requester requester;
  private final Breaker breaker;
  private final String service;
  private final Executor executor;

  /**
   * @param breaker the client's circuit breaker, or {@code null}
   * @param service the service's name, for messages
   * @param executor where retries are sent from, or {@code null} for the common pool
   */
  public ResilientCalls(Requester requester, Breaker breaker, String service, Executor executor) {
    this.requester = requester;
    this.breaker = breaker;
    this.service = service;
    this.executor = executor;
  }

  /**
   * Sends a request as {@link Requester#request} does, through the breaker, and again while the
   * service answers {@code RATE_LIMITED}, up to {@code attempts} times in all.
   */
  public <T> CompletableFuture<T> request(String subject, byte[] body, Duration timeout, Instant deadline,
      String traceparent, String bearerToken, int attempts, Function<byte[], T> decoder) {
    if (attempts <= 1) {
      return guarded(subject, body, timeout, deadline, traceparent, bearerToken, decoder);
    }
    CompletableFuture<T> result = new ReplyFuture<>();
    attempt(result, 1, attempts, subject, body, timeout, deadline, traceparent, bearerToken, decoder);
    return result;
  }

  private <T> void attempt(CompletableFuture<T> result, int attempt, int attempts, String subject, byte[] body,
      Duration timeout, Instant deadline, String traceparent, String bearerToken, Function<byte[], T> decoder) {
    guarded(subject, body, timeout, deadline, traceparent, bearerToken, decoder).whenComplete((value, error) -> {
      if (error == null) {
        result.complete(value);
        return;
      }
      Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
      long wait = cause instanceof RateLimitedException limited ? Math.max(1, limited.retryAfterMs()) : -1;
      if (wait < 0 || attempt >= attempts
          || (deadline != null && System.currentTimeMillis() + wait >= deadline.toEpochMilli())) {
        result.completeExceptionally(cause);
        return;
      }
      Executor later = executor == null
          ? CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS)
          : CompletableFuture.delayedExecutor(wait, TimeUnit.MILLISECONDS, executor);
      later.execute(() -> attempt(result, attempt + 1, attempts, subject, body, timeout, deadline, traceparent, bearerToken, decoder));
    });
  }

  private <T> CompletableFuture<T> guarded(String subject, byte[] body, Duration timeout, Instant deadline,
      String traceparent, String bearerToken, Function<byte[], T> decoder) {
    // a deadline already passed fails before anything is sent, which says nothing of the service
    if (breaker == null || (deadline != null && deadline.toEpochMilli() <= System.currentTimeMillis())) {
      return requester.request(subject, body, timeout, deadline, traceparent, bearerToken, decoder);
    }
    if (!breaker.permit()) {
      return ReplyFuture.failed(new UnavailableException("the circuit breaker of service " + service
          + " is open after repeated failures; calls fail at once until it lets a probe through",
          Map.of("circuitBreaker", "open")));
    }
    long started = System.nanoTime();
    // a state change it makes is an event on the caller's span, which the outcome arrives outside of
    Context caller = Context.current();
    // the breaker learns the outcome before the caller does
    return requester.request(subject, body, timeout, deadline, traceparent, bearerToken, decoder).whenComplete((value, error) -> {
      long took = System.nanoTime() - started;
      try (Scope scope = caller.makeCurrent()) {
        if (error instanceof ServiceException failed
            && (failed.code() == ErrorCode.UNAVAILABLE || failed.code() == ErrorCode.TIMEOUT)) {
          breaker.failed(took, failed);
        } else {
          breaker.succeeded(took);
        }
      }
    });
  }
}
