package com.weegigs.events.benchmarks.suite;

import com.weegigs.events.benchmarks.Main;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One request scenario in a JVM of its own, started with {@code --serve}: warmed up once, then
 * measured level by level when the suite asks, so that the suite can alternate between scenarios
 * and compare figures taken seconds apart. While another scenario is measured, this one is idle.
 */
final class ServedScenario implements AutoCloseable {
  private final String scenario;
  private final Process process;
  private final BufferedReader output;
  private final Writer input;
  /** The first lines the scenario wrote to its standard error: the cause of a failure comes first. */
  private final Deque<String> errors = new ArrayDeque<>();
  private final Thread errorReader;
  private String failure;

  private ServedScenario(String scenario, Process process) {
    this.scenario = scenario;
    this.process = process;
    this.output = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
    this.input = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8);
    this.errorReader = new Thread(this::readErrors, scenario + "-stderr");
    errorReader.setDaemon(true);
    errorReader.start();
  }

  /** Echoes the scenario's standard error and keeps its last lines. */
  private void readErrors() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = reader.readLine()) != null) {
        System.err.println("  " + scenario + ": " + line);
        synchronized (errors) {
          if (errors.size() < 5) {
            errors.addLast(line);
          }
        }
      }
    } catch (IOException e) {
      // the scenario has exited
    }
  }

  /** Why the scenario stopped: {@code what}, and the first line it wrote to standard error. */
  private String stopped(String what) {
    try {
      // the error lines of a scenario that exited arrive with its end of stream
      errorReader.join(TimeUnit.SECONDS.toMillis(5));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    synchronized (errors) {
      return errors.isEmpty() ? what : what + " (" + errors.peekFirst() + ")";
    }
  }

  /**
   * Starts {@code java <jvm> -cp <this class path> Main <scenario> <args> --serve} and waits until it
   * has warmed up. A scenario that fails to start is returned all the same: each of its results is
   * then a failure, as a failed run is elsewhere in the suite.
   */
  static ServedScenario start(List<String> jvm, String scenario, List<String> args) throws IOException {
    List<String> arguments = new ArrayList<>();
    arguments.add(scenario);
    arguments.addAll(args);
    arguments.add("--serve");
    System.out.println("> " + String.join(" ", arguments));
    ServedScenario served = new ServedScenario(scenario, new ProcessBuilder(Suite.childCommand(jvm, arguments)).start());
    String line = served.readUntil(Main.READY);
    if (line == null || !line.equals(Main.READY)) {
      served.failure = line == null ? served.stopped("exited before it was ready") : line;
    }
    return served;
  }

  /** The scenario's name. */
  String scenario() {
    return scenario;
  }

  /**
   * Measures {@code level} in flight for {@code seconds} after {@code settle} unrecorded seconds;
   * returns the key=value pairs of the {@code RESULT} line, or a map with only {@code failed}.
   */
  Map<String, String> run(int level, double settle, double seconds) {
    if (failure != null) {
      return failed(failure);
    }
    try {
      input.write(String.format(Locale.ROOT, "run %d %.3f %.3f%n", level, settle, seconds));
      input.flush();
      String line = readUntil("RESULT ");
      if (line == null || !line.startsWith("RESULT ")) {
        failure = line == null ? stopped("exited while measuring " + level + " in flight") : line;
        return failed(failure);
      }
      return Suite.resultPairs(line);
    } catch (IOException e) {
      failure = "cannot reach the scenario: " + e.getMessage();
      return failed(failure);
    }
  }

  /**
   * Echoes the scenario's lines until one starts with {@code prefix} or is an {@code ERROR} line,
   * and returns that line; {@code null} when the scenario's output ends first.
   */
  private String readUntil(String prefix) throws IOException {
    String line;
    while ((line = output.readLine()) != null) {
      System.out.println("  " + scenario + ": " + line);
      if (line.startsWith(prefix) || line.startsWith("ERROR ")) {
        return line;
      }
    }
    return null;
  }

  private static Map<String, String> failed(String why) {
    Map<String, String> failed = new LinkedHashMap<>();
    failed.put("failed", why);
    return failed;
  }

  /** Tells the scenario to stop, and stops it if it has not within a minute. */
  @Override
  public void close() throws InterruptedException {
    try {
      input.write("quit\n");
      input.flush();
      input.close();
    } catch (IOException e) {
      // it has exited already
    }
    if (!process.waitFor(1, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
  }
}
