package com.weegigs.events.benchmarks;

import io.nats.client.Connection;
import io.nats.client.Nats;
import io.nats.client.Options;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Opens the benchmark's NATS connections. Every scenario uses jnats' default options (what a
 * careful user gets without tuning), except that the connection's threads are named after it, so
 * that allocation and profiles can be attributed to one side of a run.
 */
public final class Connections {
  private Connections() {}

  /** Connects to {@code natsUrl}; the connection's threads are named {@code name-...}. */
  public static Connection connect(String natsUrl, String name) throws Exception {
    return Nats.connect(options(natsUrl, name));
  }

  /** The options {@link #connect} uses. */
  public static Options options(String natsUrl, String name) {
    ThreadFactory threads = named(name);
    ExecutorService executor = Executors.newCachedThreadPool(threads);
    return new Options.Builder()
        .server(natsUrl)
        .connectionName(name)
        .connectionTimeout(Duration.ofSeconds(5))
        .executor(executor)
        .callbackThreadFactory(threads)
        .connectThreadFactory(threads)
        .readerThreadFactory(threads)
        .writerThreadFactory(threads)
        .build();
  }

  /** A factory of daemon threads called {@code prefix-1}, {@code prefix-2}, .... */
  public static ThreadFactory named(String prefix) {
    AtomicInteger count = new AtomicInteger();
    return runnable -> {
      Thread thread = new Thread(runnable, prefix + "-" + count.incrementAndGet());
      thread.setDaemon(true);
      return thread;
    };
  }
}
