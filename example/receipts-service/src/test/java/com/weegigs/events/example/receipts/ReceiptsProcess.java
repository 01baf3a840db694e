package com.weegigs.events.example.receipts;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The receipts service in a JVM of its own: {@code Main serve} on the test's class path, as
 * {@code java -jar receipts-example.jar serve} runs it, with {@code NATS_URL} set. A test kills it
 * ({@code kill -9}) or stops it (SIGTERM); whatever is still running when the test JVM exits is
 * killed by a shutdown hook.
 */
final class ReceiptsProcess implements AutoCloseable {
  private static final Duration READY_TIMEOUT = Duration.ofSeconds(60);
  private static final Pattern READY = Pattern.compile("ready on \\S+ \\(instance (\\S+),");
  private static final Set<Process> RUNNING = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(() -> RUNNING.forEach(Process::destroyForcibly), "receipts-process-reaper"));
  }

  private final Process process;
  private final Path log;
  private final String instance;

  private ReceiptsProcess(Process process, Path log, String instance) {
    this.process = process;
    this.log = log;
    this.instance = instance;
  }

  /**
   * Starts {@code serve} with {@code options} against {@code natsUrl} and waits for its ready line.
   *
   * @param natsUrl the value of {@code NATS_URL}: one URL, or several separated by commas
   * @param options what follows {@code serve} on the command line
   * @return the running service process
   */
  static ReceiptsProcess serve(String natsUrl, String... options) {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        // a small, quick-starting JVM: two of these share two cores with the test
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-cp", System.getProperty("java.class.path"),
        Main.class.getName(), "serve"));
    command.addAll(List.of(options));
    Process process = null;
    try {
      Path log = Files.createTempFile("receipts-serve-", ".log");
      log.toFile().deleteOnExit();
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
      builder.environment().put("NATS_URL", natsUrl);
      process = builder.start();
      RUNNING.add(process);
      return new ReceiptsProcess(process, log, awaitReady(process, log));
    } catch (IOException e) {
      if (process != null) {
        process.destroyForcibly();
      }
      throw new UncheckedIOException("cannot start " + command, e);
    } catch (RuntimeException | Error e) {
      if (process != null) {
        process.destroyForcibly();
        RUNNING.remove(process);
      }
      throw e;
    }
  }

  /** Waits for the ready line; returns the instance id it names. */
  private static String awaitReady(Process process, Path log) throws IOException {
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      Matcher ready = READY.matcher(Files.readString(log, StandardCharsets.UTF_8));
      if (ready.find()) {
        return ready.group(1);
      }
      if (!process.isAlive()) {
        throw new AssertionError("the service process ended (exit " + process.exitValue() + ") before it was ready:\n"
            + Files.readString(log, StandardCharsets.UTF_8));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("interrupted waiting for the service process", e);
      }
    }
    throw new AssertionError("the service process was not ready within " + READY_TIMEOUT.toSeconds() + " s:\n"
        + Files.readString(log, StandardCharsets.UTF_8));
  }

  /** The service instance's id, as its ready line and {@code $SRV.INFO} give it. */
  String instance() {
    return instance;
  }

  /** Whether the process is running. */
  boolean isAlive() {
    return process.isAlive();
  }

  /** {@code kill -9}: the process ends at once, whatever it was doing. */
  void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  /** SIGTERM: the service drains and stops. */
  void stop() {
    process.destroy();
    awaitExit();
  }

  private void awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("the service process did not end within 60 s:\n" + output());
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted waiting for the service process to end", e);
    } finally {
      RUNNING.remove(process);
    }
  }

  /** What the process wrote so far (stdout and stderr), for failure messages. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(its output cannot be read: " + e.getMessage() + ")";
    }
  }

  /** Stops the process when it still runs (SIGTERM) and deletes its output. */
  @Override
  public void close() {
    if (process.isAlive()) {
      stop();
    }
    RUNNING.remove(process);
    try {
      Files.deleteIfExists(log);
    } catch (IOException ignored) {
      // a temporary file; deleteOnExit has it too
    }
  }

  @Override
  public String toString() {
    return "receipts service process " + process.pid() + " (instance " + instance + ")";
  }
}
