package com.weegigs.events.runtime.internal.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times out the calls of every client in this JVM: one daemon thread looks at the calls still
 * waiting every {@link #TICK_NANOS} and expires those past their deadline, so a timeout fires at
 * most a tick late.
 *
 * <p>Why not a {@code ScheduledThreadPoolExecutor}: a call that is answered at once (nearly all of
 * them) would still lock its queue twice and, whenever the queue was empty (one call at a time),
 * wake its thread to re-arm, a context switch per call on a small machine. Here starting and
 * finishing a call is an add and a remove in a concurrent set. The thread ticks while calls come
 * and goes to sleep after {@link #IDLE_NANOS} without any.
 */
final class CallTimeouts {
  private static final Logger LOG = LoggerFactory.getLogger(CallTimeouts.class);
  static final long TICK_NANOS = TimeUnit.MILLISECONDS.toNanos(5);
  static final long IDLE_NANOS = TimeUnit.SECONDS.toNanos(2);

  /** A call waiting for its outcome. */
  interface Waiting {
    /** When the call times out, by the clock of the {@link CallTimeouts} that times it. */
    long deadlineNanos();

    /** Times the call out; runs on the timeout thread. */
    void expire();
  }

  private static final CallTimeouts SHARED = new CallTimeouts("wee-client-timer-1");

  private final Set<Waiting> waiting = ConcurrentHashMap.newKeySet();
  private final LongSupplier clock;
  private final Runnable beforeSleep;
  private final Thread thread;
  private volatile long lastAddedNanos;
  private volatile boolean sleeping;

  /** Timeouts on {@link System#nanoTime()}, with their thread started. */
  CallTimeouts(String threadName) {
    this(threadName, System::nanoTime, () -> {}, true);
  }

  /**
   * Timeouts on {@code clock}.
   *
   * @param clock the time in nanoseconds that deadlines are compared with
   * @param beforeSleep runs on the thread each time it is about to sleep for want of calls
   * @param start whether to start the thread; tests that drive {@link #expireOverdue} themselves do not
   */
  CallTimeouts(String threadName, LongSupplier clock, Runnable beforeSleep, boolean start) {
    this.clock = clock;
    this.beforeSleep = beforeSleep;
    this.lastAddedNanos = clock.getAsLong();
    thread = new Thread(this::run, threadName);
    thread.setDaemon(true);
    if (start) {
      thread.start();
    }
  }

  /** The timeouts every client shares. */
  static CallTimeouts shared() {
    return SHARED;
  }

  /** The time on this clock, for computing deadlines. */
  long now() {
    return clock.getAsLong();
  }

  /** Starts timing {@code call}; {@link #remove} it once it has its outcome. */
  void add(Waiting call) {
    waiting.add(call);
    lastAddedNanos = clock.getAsLong();
    if (sleeping) {
      LockSupport.unpark(thread);
    }
  }

  /**
   * Stops timing {@code call}.
   *
   * @return whether it was being timed (so only one of those ending it early wins)
   */
  boolean remove(Waiting call) {
    return waiting.remove(call);
  }

  /** Runs {@code action} on each call being timed (a snapshot as it iterates: calls may come and go meanwhile). */
  void forEachWaiting(Consumer<? super Waiting> action) {
    waiting.forEach(action);
  }

  /** Calls being timed, for tests. */
  int size() {
    return waiting.size();
  }

  private void run() {
    while (true) {
      if (waiting.isEmpty() && clock.getAsLong() - lastAddedNanos > IDLE_NANOS) {
        sleeping = true;
        // a call added between the check and this flag is seen by the check below
        if (waiting.isEmpty()) {
          beforeSleep.run();
          LockSupport.park(this);
        }
        sleeping = false;
      } else {
        LockSupport.parkNanos(this, TICK_NANOS);
      }
      expireOverdue();
    }
  }

  /** Expires every call whose deadline has passed, each once. */
  void expireOverdue() {
    long now = clock.getAsLong();
    for (Waiting call : waiting) {
      if (now - call.deadlineNanos() >= 0 && waiting.remove(call)) {
        try {
          call.expire();
        } catch (RuntimeException | Error e) {
          LOG.warn("timing out a call failed", e);
        }
      }
    }
  }
}
