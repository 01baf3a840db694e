package com.weegigs.events.benchmarks.client;

import com.weegigs.events.benchmarks.ClosedLoopDriver;
import com.weegigs.events.benchmarks.LoadResult;
import com.weegigs.events.benchmarks.Main;
import com.weegigs.events.benchmarks.RequestTarget;
import com.weegigs.events.benchmarks.RunOptions;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * {@code server-alloc}: bytes the receipts service allocates per {@code add-item}, net of what the
 * store keeps.
 *
 * <p>It runs {@link ClientScenario} (service and client in this JVM) with
 * {@link #IN_FLIGHT} request loops: a warm-up, then a measured run. Around the measured run it
 * reads HotSpot's per-thread allocation counters ({@link ThreadAllocation}) and counts the bytes of
 * the service's threads only: its connection's threads ({@code svc-*}: reader, writer,
 * dispatchers) and its workers ({@code receipts-worker-*}). The client's threads
 * ({@code client-*}, {@code wee-client-*}) and the load generator's are left out. The heap after a
 * full GC, before and after the run, gives what the run left behind (the store's events, the
 * state cache, the reply cache): that divided by the commands is "kept", and the figure is
 * allocated − kept per command.
 */
public final class ServerAllocation {
  /** Request loops during the measurement. */
  static final int IN_FLIGHT = 16;

  private ServerAllocation() {}

  /**
   * What it measured.
   *
   * @param responder the scenario measured
   * @param operations commands completed during the measured run
   * @param allocatedPerOp bytes the service's threads allocated per command
   * @param retainedPerOp bytes per command still on the heap after the run and a full GC
   * @param clientPerOp bytes the client's threads allocated per command, for comparison
   * @param otherPerOp bytes other threads (neither side's) allocated per command
   * @param errors commands that failed
   */
  public record Result(
      String responder,
      long operations,
      double allocatedPerOp,
      double retainedPerOp,
      double clientPerOp,
      double otherPerOp,
      long errors) {

    /** Allocated − kept, per command. */
    public double serverBytesPerOp() {
      return allocatedPerOp - Math.max(0, retainedPerOp);
    }

    /** The {@code RESULT} line. */
    public String resultLine() {
      return String.format(
          Locale.ROOT,
          "RESULT scenario=server-alloc responder=%s ops=%d allocated_bytes_per_op=%.0f retained_bytes_per_op=%.0f"
              + " server_bytes_per_op=%.0f client_bytes_per_op=%.0f other_bytes_per_op=%.0f errors=%d",
          responder,
          operations,
          allocatedPerOp,
          retainedPerOp,
          serverBytesPerOp(),
          clientPerOp,
          otherPerOp,
          errors);
    }
  }

  /**
   * Runs the measurement against {@code --responder} ({@code client-inmem}, the default, or one of
   * the raw baselines, whose responder threads are counted instead: what jnats and Jackson alone
   * allocate per request, for comparison).
   */
  public static Result run(RunOptions options) throws Exception {
    if (!ThreadAllocation.supported()) {
      throw new IllegalStateException("this JVM does not count allocation per thread");
    }
    String url = options.required("nats-url");
    String responder = options.string("responder", "client-inmem");
    Duration seconds = Duration.ofMillis((long) (options.decimal("seconds", 5) * 1000));
    Duration warmup = Duration.ofMillis((long) (options.decimal("warmup", 2) * 1000));
    Predicate<String> serviceThread = switch (responder) {
      case "client-inmem" -> ServerAllocation::serviceThread;
      case "raw-rr" -> name -> connectionThread(name, "raw-rr-responder");
      case "raw-micro" -> name -> connectionThread(name, "raw-micro-service");
      case "raw-wire" -> name -> connectionThread(name, "raw-wire-responder");
      case "raw-wire-v1" -> name -> connectionThread(name, "raw-wire-v1-responder");
      default -> throw new IllegalArgumentException("unknown responder " + responder);
    };
    Predicate<String> clientThread = switch (responder) {
      case "client-inmem" -> ServerAllocation::clientThread;
      default -> name -> connectionThread(name, responder + "-requester") || name.startsWith("bench-driver")
          || name.equals("main");
    };
    try (RequestTarget<?> target = Main.start(responder, url, IN_FLIGHT)) {
      return measure(target, responder, warmup, seconds, serviceThread, clientThread);
    }
  }

  private static <R> Result measure(
      RequestTarget<R> target,
      String responder,
      Duration warmup,
      Duration seconds,
      Predicate<String> serviceThread,
      Predicate<String> clientThread)
      throws InterruptedException {
    new ClosedLoopDriver<>(target, IN_FLIGHT)
        .run("server-alloc-warmup", Duration.ZERO, warmup, Long.MAX_VALUE, Duration.ofSeconds(10));

    long heapBefore = ThreadAllocation.heapAfterGc();
    ThreadAllocation.Snapshot before = ThreadAllocation.snapshot();
    ClosedLoopDriver<R> driver = new ClosedLoopDriver<>(target, IN_FLIGHT);
    LoadResult load =
        driver.run("server-alloc", Duration.ZERO, seconds, Long.MAX_VALUE, Duration.ofSeconds(10));
    // let the service finish publishing the events and replies of the last commands
    Thread.sleep(200);
    ThreadAllocation.Snapshot after = ThreadAllocation.snapshot();
    long heapAfter = ThreadAllocation.heapAfterGc();

    long ops = driver.completed();
    long service = ThreadAllocation.allocatedBetween(before, after, serviceThread);
    long client = ThreadAllocation.allocatedBetween(before, after, clientThread);
    long other = ThreadAllocation.allocatedBetween(
        before, after, name -> !serviceThread.test(name) && !clientThread.test(name));
    Map<String, Long> byGroup = new TreeMap<>();
    for (Map.Entry<Long, Long> entry : after.bytes().entrySet()) {
      String name = after.names().get(entry.getKey());
      long bytes = entry.getValue() - before.bytes().getOrDefault(entry.getKey(), 0L);
      if (bytes > 0) {
        byGroup.merge(name.replaceAll("-\\d+$", "-*"), bytes, Long::sum);
      }
    }
    System.out.printf(
        Locale.ROOT, "server-alloc: %s, %d requests, %d errors%n", responder, ops, load.errors());
    byGroup.forEach((group, bytes) -> System.out.printf(
        Locale.ROOT, "server-alloc:   %-40s %,14d B %,10.0f B/request%n", group, bytes,
        (double) bytes / ops));
    return new Result(
        responder,
        ops,
        (double) service / ops,
        (double) (heapAfter - heapBefore) / ops,
        (double) client / ops,
        (double) other / ops,
        load.errors());
  }

  /**
   * A thread of the connection named {@code connection}: ours are {@code name-N}; the ones jnats
   * names itself after the connection name (its scheduler) are {@code name:N}.
   */
  static boolean connectionThread(String thread, String connection) {
    return thread.startsWith(connection + "-") || thread.startsWith(connection + ":");
  }

  /** The service's threads: its connection's and its workers. */
  static boolean serviceThread(String name) {
    return connectionThread(name, ClientScenario.SERVICE_CONNECTION)
        || name.startsWith("receipts-worker-");
  }

  /** The client's threads: its connection's, its executor's and the load generator's. */
  static boolean clientThread(String name) {
    return connectionThread(name, ClientScenario.CLIENT_CONNECTION)
        || name.startsWith("wee-client-")
        || name.startsWith("bench-driver")
        || name.equals("main");
  }
}
