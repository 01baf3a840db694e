package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.internal.wire.HealthReports;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.service.HealthCheck.Result;
import com.weegigs.events.runtime.service.HealthCheck.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs a service's health checks (the built-in ones and the user's) for {@code {service}.health}:
 * all at once, each on a thread of its own with its own timeout, so the report is ready when the
 * slowest timeout passes at the latest. A check still running from an earlier request is not
 * started again; the new request waits for that run, within its own timeout, so a check that hangs
 * holds one thread, not one per request.
 */
final class HealthChecks {
  private final List<Running> checks = new ArrayList<>();
  private final ExecutorService threads;
  private final String service;
  private final String version;
  private final List<String> aggregates;

  HealthChecks(String service, String version, List<String> aggregates, List<ServiceSettings.NamedCheck> checks) {
    this.service = service;
    this.version = version;
    this.aggregates = List.copyOf(aggregates);
    for (ServiceSettings.NamedCheck check : checks) {
      this.checks.add(new Running(check));
    }
    AtomicInteger count = new AtomicInteger();
    this.threads = Executors.newCachedThreadPool(runnable -> {
      Thread thread = new Thread(runnable, service + "-health-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    });
  }

  /** A health report: the worst status of the checks, and the report as {@code {service}.health} answers it. */
  record Report(Status status, byte[] json) {}

  /** Runs every check and encodes the report. */
  byte[] report() {
    return run().json();
  }

  /** Runs every check: the worst status, and each check's name, status, duration and message. */
  Report run() {
    List<CompletableFuture<Result>> started = new ArrayList<>(checks.size());
    long begun = System.nanoTime();
    for (Running check : checks) {
      started.add(check.start(threads));
    }
    Status overall = Status.OK;
    List<HealthReports.Check> results = new ArrayList<>(checks.size());
    for (int i = 0; i < checks.size(); i++) {
      Running check = checks.get(i);
      Result result = check.await(started.get(i), begun);
      overall = overall.worst(result.status());
      results.add(new HealthReports.Check(check.named.name(), result.status().wireName(),
          check.lastNanos(started.get(i), begun), result.message()));
    }
    return new Report(overall, HealthReports.encodeHealth(overall.wireName(), service, version, aggregates, results));
  }

  /** Stops the threads of checks still running. */
  void close() {
    threads.shutdownNow();
  }

  /** One check, and its run in progress when there is one. */
  private static final class Running {
    final ServiceSettings.NamedCheck named;
    private final AtomicReference<CompletableFuture<Result>> current = new AtomicReference<>();
    private volatile long startedNanos;
    private volatile long tookNanos = -1;

    Running(ServiceSettings.NamedCheck named) {
      this.named = named;
    }

    /** The run in progress, or a new one. */
    CompletableFuture<Result> start(ExecutorService threads) {
      CompletableFuture<Result> running = current.get();
      if (running != null && !running.isDone()) {
        return running;
      }
      CompletableFuture<Result> run = new CompletableFuture<>();
      if (!current.compareAndSet(running, run)) {
        return current.get();
      }
      startedNanos = System.nanoTime();
      tookNanos = -1;
      try {
        threads.execute(() -> {
          Result result;
          try {
            Result checked = named.check().check();
            result = checked == null ? Result.ok() : checked;
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result = Result.down("interrupted");
          } catch (Exception | Error e) {
            result = Result.down(e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
          }
          tookNanos = System.nanoTime() - startedNanos;
          run.complete(result);
        });
      } catch (RuntimeException e) {
        // the service is closing and its health threads are gone
        run.complete(Result.down("the service is closing"));
      }
      return run;
    }

    /** The run's result, or {@code down} once the check's timeout has passed since {@code begun}. */
    Result await(CompletableFuture<Result> run, long begun) {
      long left = named.timeout().toNanos() - (System.nanoTime() - begun);
      try {
        return left <= 0 && !run.isDone() ? timedOut() : run.get(Math.max(0, left), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        return timedOut();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return Result.down("interrupted");
      } catch (ExecutionException e) {
        return Result.down(String.valueOf(e.getCause()));
      }
    }

    private Result timedOut() {
      return Result.down("no answer within " + named.timeout().toMillis() + " ms");
    }

    /** How long the run took, or how long it has been running when it has not finished. */
    long lastNanos(CompletableFuture<Result> run, long begun) {
      long took = tookNanos;
      return run.isDone() && took >= 0 ? took : System.nanoTime() - Math.min(begun, startedNanos);
    }
  }
}
