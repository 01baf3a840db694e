package com.weegigs.events.runtime.internal.client;

import com.weegigs.events.runtime.error.InternalException;
import com.weegigs.events.runtime.error.InvalidRequestException;
import com.weegigs.events.runtime.error.PayloadTooLargeException;
import com.weegigs.events.runtime.error.ServiceException;
import com.weegigs.events.runtime.error.UnavailableException;
import com.weegigs.events.runtime.internal.wire.SealedHeaders;
import com.weegigs.events.runtime.internal.wire.WireHeaders;
import com.weegigs.events.runtime.internal.wire.WireIds;
import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.impl.Headers;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BooleanSupplier;
import java.util.function.Function;

/**
 * Sends a client's requests and completes their futures: the contract's headers
 * ({@code docs/wire-contract.md}, "Headers"), the request through jnats, the call's own timeout,
 * and the reply turned into a result or a {@link ServiceException} by {@link ReplyErrors}.
 *
 * <p>Futures complete on the thread that has the outcome (marked, see {@link ReplyFuture}), or on
 * {@code executor} when there is one.
 */
public final class Requester {
  private final Connection connection;
  private final Executor executor;
  private final CallTimeouts timeouts;

  /**
   * @param connection where requests go
   * @param executor where futures complete, or {@code null} to complete them on the thread that has the outcome
   */
  public Requester(Connection connection, Executor executor) {
    this(connection, executor, CallTimeouts.shared());
  }

  Requester(Connection connection, Executor executor, CallTimeouts timeouts) {
    this.connection = connection;
    this.executor = executor;
    this.timeouts = timeouts;
  }

  /**
   * Sends one request and decodes its reply.
   *
   * @param subject where to send it
   * @param body the request body
   * @param messageId the {@code Nats-Msg-Id} header, or {@code null} for none (queries)
   * @param timeout how long to wait for the reply; also sets the {@code Wee-Deadline} header
   * @param decoder turns a success body into the result; may throw {@link ServiceException}
   * @return a future that completes with the result or a {@link ServiceException}
   */
  public <T> CompletableFuture<T> request(
      String subject, byte[] body, String messageId, Duration timeout, Function<byte[], T> decoder) {
    long maxPayload = connection.getMaxPayload();
    if (maxPayload > 0 && body.length > maxPayload) {
      return ReplyFuture.failed(new PayloadTooLargeException("the request to " + subject + " is " + body.length
          + " bytes, over the NATS server's limit of " + maxPayload + " bytes"));
    }
    Message message = NatsMessage.builder()
        .subject(subject)
        .headers(headers(System.currentTimeMillis() + timeout.toMillis(), messageId))
        .data(body)
        .build();

    CompletableFuture<Message> pending;
    try {
      pending = connection.requestWithTimeout(message, timeout);
    } catch (IllegalStateException e) {
      return ReplyFuture.failed(new UnavailableException(
          "cannot send to " + subject + ": the NATS connection is " + connection.getStatus(), Map.of(), e));
    } catch (IllegalArgumentException e) {
      return ReplyFuture.failed(new InvalidRequestException("cannot send to " + subject + ": " + e.getMessage(), Map.of(), e));
    }
    CompletableFuture<T> result = new ReplyFuture<>();
    Runnable timeOut = () -> {
      if (!result.isDone() && completing(() -> result.completeExceptionally(
          ReplyErrors.timedOut(connection, subject, timeout)))) {
        pending.cancel(true);
      }
    };
    // Our own timeouts: jnats checks request timeouts only every few seconds.
    TimedCall timed = new TimedCall(timeouts.now() + timeout.toNanos(),
        executor == null ? timeOut : () -> execute(timeOut));
    timeouts.add(timed);
    result.whenComplete((value, error) -> timeouts.remove(timed));
    BiConsumer<Message, Throwable> complete = (reply, error) -> completing(() -> {
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
    });
    if (executor == null) {
      pending.whenComplete(complete);
    } else {
      pending.whenCompleteAsync(complete, this::execute);
    }
    return result;
  }

  /**
   * The headers of every request: {@code Content-Type}, {@code Wee-Deadline}, {@code Nats-Msg-Id}
   * for a command, and a {@code traceparent} starting a new trace. Sealed: jnats sends them as
   * they are instead of copying them.
   */
  static Headers headers(long deadlineEpochMillis, String messageId) {
    SealedHeaders headers = new SealedHeaders()
        .put(WireHeaders.CONTENT_TYPE, WireHeaders.APPLICATION_JSON)
        .put(WireHeaders.WEE_DEADLINE, Long.toString(deadlineEpochMillis));
    if (messageId != null) {
      headers.put(WireHeaders.NATS_MSG_ID, messageId);
    }
    return headers.put(WireHeaders.TRACEPARENT, WireIds.newTraceparent()).seal();
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

  /** A call being timed: identity equality, so that it is its own entry in the set of waiting calls. */
  private static final class TimedCall implements CallTimeouts.Waiting {
    private final long deadlineNanos;
    private final Runnable expiry;

    TimedCall(long deadlineNanos, Runnable expiry) {
      this.deadlineNanos = deadlineNanos;
      this.expiry = expiry;
    }

    @Override
    public long deadlineNanos() {
      return deadlineNanos;
    }

    @Override
    public void expire() {
      expiry.run();
    }
  }
}
