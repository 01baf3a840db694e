package com.weegigs.events.testing;

import io.nats.client.Connection;
import io.nats.client.Options;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A {@code nats-server} child process; also one node of a {@link NatsCluster}. */
final class ProcessNatsServer implements NatsServer {
  static final String HOST = "127.0.0.1";
  static final Duration READY_TIMEOUT = Duration.ofSeconds(30);
  private static final Duration GRACEFUL_STOP = Duration.ofSeconds(10);
  private static final Duration RESTART_PORT_WAIT = Duration.ofSeconds(10);
  private static final int PORT_ATTEMPTS = 5;
  private static final int LOG_TAIL_LINES = 40;
  private static final String READY_LINE = "Server is ready";
  private static final String ADDRESS_IN_USE = "address already in use";
  private static final String CONFIG_FILE = "nats-server.conf";

  private final Path binary;
  private final Path workDirectory;
  private final Path storeDirectory;
  private final Path logFile;
  private final ConnectionTracker connections = new ConnectionTracker();
  private final Object lock = new Object();

  private volatile int port;
  private volatile List<String> extraArguments = List.of();
  private volatile boolean jetStream = true;
  private Process process;
  private long logOffset;
  private boolean closed;

  ProcessNatsServer(Path binary, Path workDirectory) {
    this.binary = binary;
    this.workDirectory = workDirectory;
    this.storeDirectory = workDirectory.resolve("jetstream");
    this.logFile = workDirectory.resolve("nats-server.log");
  }

  /** Starts a single server on a free port, trying new ports when one is taken under our feet. */
  static ProcessNatsServer launch(Path binary) {
    return launch(binary, true);
  }

  /** Starts a single server, with JetStream or (to test what needs it) without. */
  static ProcessNatsServer launch(Path binary, boolean jetStream) {
    ProcessNatsServer server = new ProcessNatsServer(binary, WorkDirectories.create("wee-nats-"));
    server.jetStream = jetStream;
    return launchOnFreePort(server, List.of());
  }

  /**
   * Starts a single server with a configuration file of the given text; its JetStream directory is
   * set on the command line, so the text only says whether JetStream is on.
   */
  static ProcessNatsServer launchWithConfig(Path binary, String configuration) {
    ProcessNatsServer server = new ProcessNatsServer(binary, WorkDirectories.create("wee-nats-"));
    server.jetStream = false;
    Path file = server.workDirectory.resolve(CONFIG_FILE);
    try {
      Files.writeString(file, configuration);
    } catch (IOException e) {
      server.close();
      throw new NatsServerException("cannot write the nats-server configuration " + file + ": " + e.getMessage(), e);
    }
    return launchOnFreePort(server, List.of("-c", file.toString(), "-sd", server.storeDirectory.toString()));
  }

  private static ProcessNatsServer launchOnFreePort(ProcessNatsServer server, List<String> arguments) {
    try {
      for (int attempt = 1; ; attempt++) {
        server.configure(FreePorts.pick(), arguments);
        try {
          server.spawn();
          server.awaitReady();
          return server;
        } catch (PortInUseException e) {
          if (attempt == PORT_ATTEMPTS) {
            throw new NatsServerException(
                "nats-server could not bind a free port after " + PORT_ATTEMPTS + " attempts" + server.logSuffix());
          }
        }
      }
    } catch (RuntimeException e) {
      server.close();
      throw e;
    }
  }

  /** Sets the client port and extra command-line arguments (cluster options) for the next start. */
  void configure(int clientPort, List<String> arguments) {
    this.port = clientPort;
    this.extraArguments = List.copyOf(arguments);
  }

  /** Starts the process without waiting for it to be ready. */
  void spawn() {
    synchronized (lock) {
      if (closed) {
        throw new IllegalStateException("this nats-server has been closed");
      }
      if (process != null && process.isAlive()) {
        return;
      }
      List<String> command = new ArrayList<>();
      command.add(binary.toString());
      command.addAll(List.of("-a", HOST, "-p", Integer.toString(port)));
      if (jetStream) {
        command.addAll(List.of("-js", "-sd", storeDirectory.toString()));
      }
      command.addAll(extraArguments);
      ProcessBuilder builder = new ProcessBuilder(command)
          .directory(workDirectory.toFile())
          .redirectErrorStream(true)
          .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()));
      try {
        Files.createDirectories(storeDirectory);
        logOffset = WorkDirectories.size(logFile);
        process = builder.start();
        ProcessReaper.registerProcess(process);
      } catch (IOException e) {
        throw new NatsServerException("cannot start " + binary + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Waits until the server logs that it is ready.
   *
   * @throws PortInUseException when the server exited because its port was taken
   * @throws NatsServerException when it exited for another reason or did not become ready in time
   */
  void awaitReady() {
    Process current;
    long offset;
    synchronized (lock) {
      current = process;
      offset = logOffset;
    }
    long deadline = System.nanoTime() + READY_TIMEOUT.toNanos();
    while (true) {
      String output = WorkDirectories.readFrom(logFile, offset);
      if (output.contains(READY_LINE)) {
        return;
      }
      if (!current.isAlive()) {
        forget(current);
        if (output.contains(ADDRESS_IN_USE)) {
          throw new PortInUseException();
        }
        throw new NatsServerException(
            "nats-server exited with code " + current.exitValue() + " before it was ready" + logSuffix());
      }
      if (System.nanoTime() > deadline) {
        kill(current);
        throw new NatsServerException(
            "nats-server was not ready after " + READY_TIMEOUT.toSeconds() + " s" + logSuffix());
      }
      sleep(Duration.ofMillis(20));
    }
  }

  @Override
  public String url() {
    return "nats://" + HOST + ":" + port;
  }

  @Override
  public String host() {
    return HOST;
  }

  @Override
  public int port() {
    return port;
  }

  @Override
  public boolean isRunning() {
    synchronized (lock) {
      return process != null && process.isAlive();
    }
  }

  @Override
  public void stop() {
    Process current;
    synchronized (lock) {
      current = process;
      process = null;
    }
    if (current == null) {
      return;
    }
    current.destroy();
    try {
      if (!current.waitFor(GRACEFUL_STOP.toMillis(), TimeUnit.MILLISECONDS)) {
        kill(current);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      kill(current);
    }
    ProcessReaper.unregisterProcess(current);
  }

  @Override
  public void kill() {
    Process current;
    synchronized (lock) {
      current = process;
    }
    if (current != null) {
      kill(current);
    }
  }

  @Override
  public void start() {
    if (isRunning()) {
      return;
    }
    // The port was ours a moment ago; give the OS a little time to release it before giving up.
    long deadline = System.nanoTime() + RESTART_PORT_WAIT.toNanos();
    while (true) {
      spawn();
      try {
        awaitReady();
        return;
      } catch (PortInUseException e) {
        if (System.nanoTime() > deadline) {
          throw new NatsServerException(
              "nats-server could not bind its port " + port + " again: another process holds it" + logSuffix());
        }
        sleep(Duration.ofMillis(200));
      }
    }
  }

  @Override
  public Connection connect(Options.Builder options) {
    return connections.connect(options, List.of(url()), "nats-server at " + url());
  }

  @Override
  public Path workDirectory() {
    return workDirectory;
  }

  @Override
  public Path logFile() {
    return logFile;
  }

  @Override
  public String logTail(int lines) {
    return WorkDirectories.tail(logFile, lines);
  }

  /** Closes connections and stops the process, keeping the directory (a cluster deletes its own). */
  void shutdown() {
    synchronized (lock) {
      if (closed) {
        return;
      }
      closed = true;
    }
    connections.closeAll();
    stop();
  }

  @Override
  public void close() {
    shutdown();
    WorkDirectories.delete(workDirectory);
  }

  @Override
  public String toString() {
    return "nats-server " + url() + (isRunning() ? " (running)" : " (stopped)");
  }

  /** Text to append to a failure message: the log's location and its last lines. */
  String logSuffix() {
    String tail = logTail(LOG_TAIL_LINES);
    return tail.isBlank()
        ? " (log " + logFile + " is empty)"
        : "; last lines of " + logFile + ":\n" + tail;
  }

  private void forget(Process current) {
    synchronized (lock) {
      if (process == current) {
        process = null;
      }
    }
    ProcessReaper.unregisterProcess(current);
  }

  private void kill(Process current) {
    current.destroyForcibly();
    try {
      current.waitFor(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    forget(current);
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new NatsServerException("interrupted while waiting for nats-server", e);
    }
  }

  /** The server exited because its port was taken by someone else. */
  static final class PortInUseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    PortInUseException() {
      super("address already in use", null, false, false);
    }
  }
}
