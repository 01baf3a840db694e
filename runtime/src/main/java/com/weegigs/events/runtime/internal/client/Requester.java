package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.error.DeadlineExceededException;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.InvalidRequestException;
import com.weegigs.events.runtime.error.PayloadTooLargeException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.context.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Sends a client's requests and completes their futures: the contract's headers, only those the
 * call has something to say with ({@code docs/wire-contract.md}, "Headers"), the request through
 * jnats, the call's own timeout,
 * and the reply turned into a result or a {@link ServiceException} by {@link ReplyErrors}. The
 * server's refusal to let the connection publish to a subject fails the calls waiting on it at once
 * ({@link #publishRefused}).
 *
 * <p>Futures complete on the thread that has the outcome (marked, see {@link ReplyFuture}), or on
 * {@code executor} when there is one.
 */
public final class Requester {
  private final Connection connection;
  private final Executor executor;
  private final CallTimeouts timeouts;
  private final Telemetry telemetry;
  /** Runs replies' completions on {@link #executor}, or inline once it is shut down; {@code null} without one. */
  private final Executor completer;

  /**
   * @param connection where requests go
   * @param executor where futures complete, or {@code null} to complete them on the thread that has the outcome
   * @param telemetry where the calls' spans and metrics go, and how trace context is written
   */
  public Requester(Connection connection, Executor executor, Telemetry telemetry) {
    this.connection = connection;
    this.executor = executor;
    this.timeouts = CallTimeouts.shared();
    this.telemetry = telemetry;
    this.completer = executor == null ? null : this::execute;
  }

  /**
   * Sends one request and decodes its reply, in a client span that is a child of the current
   * context (or of {@code traceparent} when one is given). A request without a deadline or a trace
   * to continue (a sampled span, or a trace or baggage it continues) goes without headers (a plain
   * {@code PUB}), as the wire contract's lean path asks.
   *
   * @param subject where to send it
   * @param body the request body
   * @param timeout how long to wait for the reply; the client's own, not sent
   * @param deadline the caller's deadline, sent as {@code Wee-Deadline}, or {@code null} for none;
   *     the client also stops waiting then when it comes before {@code timeout}
   * @param traceparent a W3C trace context to continue instead of the current one, or {@code null}
   * @param bearerToken sent as {@code Authorization: Bearer <token>}, or {@code null} for no such header
   * @param decoder turns a success body into the result; may throw {@link ServiceException}
   * @return a future that completes with the result or a {@link ServiceException}
   */
  public <T> CompletableFuture<T> request(String subject, byte[] body, Duration timeout, Instant deadline,
      String traceparent, String bearerToken, Function<byte[], T> decoder) {
    long maxPayload = connection.getMaxPayload();
    if (maxPayload > 0 && body.length > maxPayload) {
      return ReplyFuture.failed(new PayloadTooLargeException("the request to " + subject + " is " + body.length
          + " bytes, over the NATS server's limit of " + maxPayload + " bytes"));
    }
    Duration wait = timeout;
    if (deadline != null) {
      long left = deadline.toEpochMilli() - System.currentTimeMillis();
      if (left <= 0) {
        return ReplyFuture.failed(new DeadlineExceededException(
            "the deadline " + deadline + " passed before the request to " + subject + " was sent"));
      }
      if (left < timeout.toMillis()) {
        wait = Duration.ofMillis(left);
      }
    }
    Context parent = traceparent != null ? telemetry.fromTraceparent(traceparent) : Context.current();
    if (!telemetry.enabled()) {
      // no SDK: no span, no metrics; a trace or baggage the call continues is still sent
      return send(subject, headers(deadline, bearerToken, telemetry, Telemetry.carries(parent) ? parent : null), body, wait,
          decoder);
    }
    Telemetry.Requests requests = telemetry.clientRequests(subject);
    Span span = telemetry.span(requests.spanName(), SpanKind.CLIENT, parent)
        .setAttribute(Telemetry.DESTINATION, subject)
        .setAttribute(Telemetry.OPERATION_TYPE, "send")
        .setAttribute(Telemetry.OPERATION_NAME, "send")
        .setAttribute(Telemetry.BODY_SIZE, (long) body.length)
        .startSpan();
    Context context = parent.with(span);
    Headers headers = headers(deadline, bearerToken, telemetry, Telemetry.propagates(context, parent) ? context : null);
    if (!span.isRecording() && !telemetry.metrics()) {
      // a span the sampler dropped and no metrics: nothing waits for the outcome
      return send(subject, headers, body, wait, decoder);
    }
    long started = System.nanoTime();
    // the caller's future completes after the span and the metrics have the outcome, so a caller
    // that looks at them once it has its result finds the call there
    CompletableFuture<T> outcome = new ReplyFuture<>();
    send(subject, headers, body, wait, decoder).whenComplete((value, error) -> {
      ErrorCode code = null;
      if (error instanceof ServiceException refused) {
        code = refused.code();
        Telemetry.failed(span, code, refused.getMessage());
      } else if (error != null) {
        code = ErrorCode.INTERNAL;
        Telemetry.failed(span, error);
      }
      requests.record(code, System.nanoTime() - started);
      span.end();
      if (error != null) {
        outcome.completeExceptionally(error);
      } else {
        outcome.complete(value);
      }
    });
    return outcome;
  }

  private <T> CompletableFuture<T> send(
      String subject, Headers headers, byte[] body, Duration timeout, Function<byte[], T> decoder) {
    Call<T> call = new Call<>(subject, timeout, decoder);
    // Timed, and open to a refusal, before it is sent: the server's refusal of this very request
    // cannot come before it is. Our own timeouts: jnats checks request timeouts only every few seconds.
    timeouts.add(call);
    CompletableFuture<Message> pending;
    try {
      // without headers jnats builds a plain PUB and allocates no Headers
      pending = connection.requestWithTimeout(subject, headers, body, timeout);
    } catch (IllegalStateException e) {
      timeouts.remove(call);
      return ReplyFuture.failed(new UnavailableException(
          "cannot send to " + subject + ": the NATS connection is " + connection.getStatus(), Map.of(), e));
    } catch (IllegalArgumentException e) {
      timeouts.remove(call);
      return ReplyFuture.failed(new InvalidRequestException("cannot send to " + subject + ": " + e.getMessage(), Map.of(), e));
    }
    call.sent(pending);
    if (executor == null) {
      pending.whenComplete(call);
    } else {
      pending.whenCompleteAsync(call, completer);
    }
    return call.result;
  }

  /**
   * The server refused to let {@code connection} publish, as jnats reported it to the connection's
   * error listener ({@code violation}, such as {@code Permissions Violation for Publish to
   * "receipts.command.receipt.add-item"}; other errors are ignored): every call of every client on
   * that connection still waiting for a reply from that subject, and sent before the refusal came,
   * fails now with {@code FORBIDDEN} naming it, rather than at its timeout. The server drops a
   * refused request, so no reply will come; a call sent after the refusal came waits for its own.
   *
   * @param connection the connection the server refused
   * @param violation the error the server sent
   */
  static void publishRefused(Connection connection, String violation) {
    String subject = ReplyErrors.refusedSubject(violation);
    if (subject == null) {
      return;
    }
    CallTimeouts timeouts = CallTimeouts.shared();
    long arrived = timeouts.now();
    timeouts.forEachWaiting(waiting -> {
      if (waiting instanceof Requester.Call<?> call) {
        call.refused(connection, subject, arrived, violation);
      }
    });
  }

  /**
   * The headers of a request: {@code Wee-Deadline} when the caller set a deadline, {@code Authorization}
   * when it has a bearer token, and the trace
   * context of {@code trace} ({@code traceparent}, {@code tracestate}, {@code baggage}, as the
   * propagators write them) when it has one to send; {@code null}, no headers at all, for none of them.
   * Sealed: jnats sends them as they are instead of copying them.
   */
  static Headers headers(Instant deadline, String bearerToken, Telemetry telemetry, Context trace) {
    if (deadline == null && bearerToken == null && trace == null) {
      return null;
    }
    SealedHeaders headers = new SealedHeaders();
    if (bearerToken != null) {
      headers.put(WireHeaders.AUTHORIZATION, "Bearer " + bearerToken);
    }
    if (deadline != null) {
      headers.put(WireHeaders.WEE_DEADLINE, Long.toString(deadline.toEpochMilli()));
    }
    if (trace != null) {
      telemetry.inject(trace, headers);
    }
    return headers.isEmpty() ? null : headers.seal();
  }

  /** Runs {@code completion}, marking the current thread when futures complete without an executor. */
  private boolean completing(BooleanSupplier completion) {
    return executor != null ? completion.getAsBoolean() : ReplyFuture.completeMarked(completion);
  }

  private void execute(Runnable task) {
    try {
      executor.execute(task);
    } catch (RejectedExecutionException e) {
      // The caller's executor is shut down: completing inline beats leaving a caller hanging.
      task.run();
    }
  }

  /**
   * A call waiting for its reply: timed, failed early by a refusal of its subject, and completed by
   * jnats' future of the reply (it is that future's continuation, and then the completion it runs).
   * Identity equality, so that it is its own entry in the set of waiting calls.
   *
   * <p>It stops being timed when its reply comes, when it times out or is refused; a call whose
   * future its caller completed or cancelled first is let go at its deadline.
   */
  private final class Call<T> implements CallTimeouts.Waiting, BiConsumer<Message, Throwable>, BooleanSupplier {
    final CompletableFuture<T> result = new ReplyFuture<>();
    private final String subject;
    private final Duration timeout;
    private final Function<byte[], T> decoder;
    private final long sentNanos;
    private final long deadlineNanos;
    /** jnats' future of the reply, once sent; cancelled when the call ends without it. */
    private volatile CompletableFuture<Message> pending;
    /** The outcome jnats delivered, for {@link #getAsBoolean} on the same thread. */
    private Message reply;
    private Throwable error;

    Call(String subject, Duration timeout, Function<byte[], T> decoder) {
      this.subject = subject;
      this.timeout = timeout;
      this.decoder = decoder;
      this.sentNanos = timeouts.now();
      this.deadlineNanos = sentNanos + timeout.toNanos();
    }

    @Override
    public long deadlineNanos() {
      return deadlineNanos;
    }

    @Override
    public void expire() {
      fail(() -> ReplyErrors.timedOut(connection, subject, timeout));
    }

    /** jnats' future of the reply completed: the result completes with the decoded reply or the translated error. */
    @Override
    public void accept(Message reply, Throwable error) {
      timeouts.remove(this);
      this.reply = reply;
      this.error = error;
      completing(this);
    }

    /** Completes the result with the outcome {@link #accept} was given. */
    @Override
    public boolean getAsBoolean() {
      if (error != null) {
        return result.completeExceptionally(ReplyErrors.translate(error, connection, subject, timeout));
      }
      try {
        return result.complete(ReplyErrors.decodeReply(reply, subject, decoder));
      } catch (ServiceException e) {
        return result.completeExceptionally(e);
      } catch (RuntimeException e) {
        return result.completeExceptionally(new InternalException(
            "cannot read the reply from " + subject + ": " + e.getMessage(), Map.of(), e));
      }
    }

    /** Fails the call with {@code FORBIDDEN} when the refusal is of its connection and subject, and came after it was sent. */
    void refused(Connection refusedConnection, String refusedSubject, long arrivedNanos, String violation) {
      if (refusedConnection == connection && refusedSubject.equals(subject) && sentNanos - arrivedNanos <= 0
          && timeouts.remove(this)) {
        fail(() -> ReplyErrors.forbidden(subject, violation));
      }
    }

    /** The request is on its way: {@code reply} is jnats' future of its reply. */
    void sent(CompletableFuture<Message> reply) {
      pending = reply;
      if (result.isDone()) {
        // it ended (a refusal) while it was being sent
        reply.cancel(true);
      }
    }

    /** Completes the call with {@code failure} unless it has its outcome, on the executor when there is one. */
    private void fail(Supplier<ServiceException> failure) {
      Runnable task = () -> {
        if (!result.isDone() && completing(() -> result.completeExceptionally(failure.get()))) {
          CompletableFuture<Message> reply = pending;
          if (reply != null) {
            reply.cancel(true);
          }
        }
      };
      if (executor == null) {
        task.run();
      } else {
        execute(task);
      }
    }
  }
}
