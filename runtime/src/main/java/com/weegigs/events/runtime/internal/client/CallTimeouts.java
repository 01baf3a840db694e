package com.weegigs.events.runtime.internal.client;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times out the calls of every client in this JVM: one daemon thread sleeps until the earliest
 * deadline of the calls still waiting, then expires those past theirs.
 *
 * <p>Why not a {@code ScheduledThreadPoolExecutor}: a call that is answered at once (nearly all of
 * them) would still lock its queue twice and, whenever the queue was empty (one call at a time),
 * wake its thread to re-arm, a context switch per call on a small machine. Here starting and
 * finishing a call is an add and a remove in a concurrent set, and the thread wakes only when a
 * deadline it knows of comes (calls of one timeout come in deadline order, so a new call rarely
 * wakes it), or for a call whose deadline comes sooner. With no calls it sleeps until one comes.
 */
final class CallTimeouts {
  private static final Logger LOG = LoggerFactory.getLogger(CallTimeouts.class);

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
  /** When the thread will look next, while it {@link #planned} a wake-up. */
  private volatile long wakeAtNanos;
  /** Whether {@link #wakeAtNanos} holds: off while the thread looks at the calls, or sleeps without a deadline. */
  private volatile boolean planned;

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
    // a thread that is looking, or sleeping without a deadline, or until after this call's, must look again
    if (!planned || call.deadlineNanos() - wakeAtNanos < 0) {
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
      // an add from here until a wake-up is planned unparks the thread, so the park below returns at once
      planned = false;
      long now = clock.getAsLong();
      Waiting earliest = expire(now);
      if (earliest == null) {
        // a call added after this check unparks the thread (nothing is planned)
        if (waiting.isEmpty()) {
          beforeSleep.run();
          LockSupport.park(this);
        }
      } else {
        long wakeAt = earliest.deadlineNanos();
        wakeAtNanos = wakeAt;
        planned = true;
        LockSupport.parkNanos(this, wakeAt - now);
      }
    }
  }

  /** Expires every call whose deadline has passed, each once. */
  void expireOverdue() {
    expire(clock.getAsLong());
  }

  /** Expires every call whose deadline is {@code now} or before; the one still waiting that times out first, or {@code null}. */
  private Waiting expire(long now) {
    Waiting earliest = null;
    for (Waiting call : waiting) {
      long deadline = call.deadlineNanos();
      if (now - deadline >= 0) {
        if (waiting.remove(call)) {
          try {
            call.expire();
          } catch (RuntimeException | Error e) {
            LOG.warn("timing out a call failed", e);
          }
        }
      } else if (earliest == null || deadline - earliest.deadlineNanos() < 0) {
        earliest = call;
      }
    }
    return earliest;
  }
}
