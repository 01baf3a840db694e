package com.weegigs.events.testing;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Kills every server process still running when the JVM exits (a test run killed half way, a
 * forgotten {@code close()}), then deletes the temporary directories, so no test ever leaves a
 * {@code nats-server} behind.
 */
final class ProcessReaper {
  private static final Set<Process> PROCESSES = ConcurrentHashMap.newKeySet();
  private static final Set<Path> DIRECTORIES = ConcurrentHashMap.newKeySet();
  private static final Set<AutoCloseable> RESOURCES = ConcurrentHashMap.newKeySet();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ProcessReaper::reap, "nats-server-reaper"));
  }

  private ProcessReaper() {}

  static void registerProcess(Process process) {
    PROCESSES.add(process);
  }

  static void unregisterProcess(Process process) {
    PROCESSES.remove(process);
  }

  static void registerDirectory(Path directory) {
    DIRECTORIES.add(directory);
  }

  static void unregisterDirectory(Path directory) {
    DIRECTORIES.remove(directory);
  }

  /** Something else to close on exit, such as a container. */
  static void registerResource(AutoCloseable resource) {
    RESOURCES.add(resource);
  }

  static void unregisterResource(AutoCloseable resource) {
    RESOURCES.remove(resource);
  }

  private static void reap() {
    for (Process process : PROCESSES) {
      process.destroyForcibly();
    }
    for (Process process : PROCESSES) {
      try {
        process.waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    for (AutoCloseable resource : RESOURCES) {
      try {
        resource.close();
      } catch (Exception ignored) {
        // The JVM is exiting: nothing better to do than try the next one.
      }
    }
    for (Path directory : DIRECTORIES) {
      WorkDirectories.delete(directory);
    }
  }
}
