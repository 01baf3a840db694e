package com.weegigs.events.runtime.internal.client;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * The future of a call. Waiting on it, or on a stage derived from it, inside a continuation that
 * runs on a thread completing a call fails at once (see {@link #checkMayWait}).
 *
 * <p>A client without an executor completes its calls on the thread that has the outcome (a NATS
 * connection thread, or the timer thread); that thread is marked while it does
 * ({@link #completeMarked}), so a continuation that would block it waiting for another call's
 * reply, which that same thread would have to deliver, is refused instead of deadlocking.
 *
 * @param <T> the call's result
 */
public final class ReplyFuture<T> extends CompletableFuture<T> {
  /**
   * Each thread's mark, on while it completes a call's future without an executor: a flag the
   * thread keeps, so marking costs no thread-local entry per call.
   */
  private static final ThreadLocal<Mark> COMPLETING = ThreadLocal.withInitial(Mark::new);

  private static final class Mark {
    boolean on;
  }

  /** A call's future, not yet complete. */
  public ReplyFuture() {}

  /** A call's future that failed before it was sent. */
  public static <T> ReplyFuture<T> failed(Throwable failure) {
    ReplyFuture<T> future = new ReplyFuture<>();
    future.completeExceptionally(failure);
    return future;
  }

  /**
   * Runs {@code completion} with the current thread marked as one whose continuations must not
   * block on another call.
   *
   * @return what {@code completion} returns
   */
  static boolean completeMarked(BooleanSupplier completion) {
    Mark mark = COMPLETING.get();
    if (mark.on) {
      return completion.getAsBoolean();
    }
    mark.on = true;
    try {
      return completion.getAsBoolean();
    } finally {
      mark.on = false;
    }
  }

  /**
   * Refuses to wait for {@code future} on a thread that is completing one of a client's calls,
   * where waiting for a call that is not finished could block the delivery of its own reply.
   *
   * @throws IllegalStateException when the current thread must not block on {@code future}
   */
  public static void checkMayWait(CompletableFuture<?> future) {
    if (!future.isDone() && COMPLETING.get().on) {
      throw new IllegalStateException("cannot wait for a call's result inside a continuation that runs on a NATS "
          + "connection thread (or the client's timer): the reply it waits for could never be delivered. "
          + "Use the thenXxxAsync forms for continuations that block, or build the client with "
          + "ServiceClient.builder(...).executor(...)");
    }
  }

  @Override
  public <U> CompletableFuture<U> newIncompleteFuture() {
    return new ReplyFuture<>();
  }

  @Override
  public T get() throws InterruptedException, ExecutionException {
    checkMayWait(this);
    return super.get();
  }

  @Override
  public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
    checkMayWait(this);
    return super.get(timeout, unit);
  }

  @Override
  public T join() {
    checkMayWait(this);
    return super.join();
  }
}
