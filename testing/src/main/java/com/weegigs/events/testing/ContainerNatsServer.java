package com.weegigs.events.testing;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.PortBinding;
import com.github.dockerjava.api.model.Ports;
import io.nats.client.Connection;
import io.nats.client.Options;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * A {@code nats-server} in a Docker container, used when no binary is installed. The container's
 * client port is bound to a fixed free loopback port, so it stays the same when the container is
 * stopped and started again, and the JetStream directory lives in the container, so it survives
 * that too.
 */
final class ContainerNatsServer implements NatsServer {
  /** The image used when no binary is installed. */
  static final String IMAGE = "nats:2.10-alpine";

  private static final int CLIENT_PORT = 4222;
  private static final int PORT_ATTEMPTS = 5;
  private static final String READY_LINE = "Server is ready";
  private static final int LOG_TAIL_LINES = 40;

  private final GenericContainer<?> container;
  private final int hostPort;
  private final Path workDirectory;
  private final Path logFile;
  private final ConnectionTracker connections = new ConnectionTracker();
  private final AutoCloseable reaperHandle;
  private boolean running;
  private boolean closed;

  private ContainerNatsServer(GenericContainer<?> container, int hostPort, Path workDirectory) {
    this.container = container;
    this.hostPort = hostPort;
    this.workDirectory = workDirectory;
    this.logFile = workDirectory.resolve("nats-server.log");
    this.reaperHandle = container::stop;
    this.running = true;
    ProcessReaper.registerResource(reaperHandle);
  }

  /** Whether Testcontainers can reach a Docker daemon; false on any failure to ask. */
  static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  /** Starts a container on a free loopback port, trying new ports when one is taken under our feet. */
  static ContainerNatsServer launch() {
    Path directory = WorkDirectories.create("wee-nats-container-");
    RuntimeException last = null;
    for (int attempt = 1; attempt <= PORT_ATTEMPTS; attempt++) {
      int hostPort = FreePorts.pick();
      GenericContainer<?> container = newContainer(hostPort);
      try {
        container.start();
        return new ContainerNatsServer(container, hostPort, directory);
      } catch (RuntimeException e) {
        last = e;
        container.stop();
      }
    }
    WorkDirectories.delete(directory);
    throw new NatsServerException("cannot start the " + IMAGE + " container: " + last.getMessage(), last);
  }

  @SuppressWarnings("resource") // closed by the server that owns it
  private static GenericContainer<?> newContainer(int hostPort) {
    return new GenericContainer<>(DockerImageName.parse(IMAGE))
        .withCommand("-js", "-sd", "/data")
        .withExposedPorts(CLIENT_PORT)
        .withCreateContainerCmdModifier(command -> command.getHostConfig().withPortBindings(new PortBinding(
            Ports.Binding.bindIpAndPort(ProcessNatsServer.HOST, hostPort), ExposedPort.tcp(CLIENT_PORT))))
        .waitingFor(Wait.forLogMessage(".*" + READY_LINE + ".*\\n", 1))
        .withStartupTimeout(Duration.ofSeconds(120));
  }

  @Override
  public String url() {
    return "nats://" + ProcessNatsServer.HOST + ":" + hostPort;
  }

  @Override
  public String host() {
    return ProcessNatsServer.HOST;
  }

  @Override
  public int port() {
    return hostPort;
  }

  @Override
  public synchronized boolean isRunning() {
    return running && container.isRunning();
  }

  @Override
  public synchronized void stop() {
    if (!running) {
      return;
    }
    saveLogs();
    docker().stopContainerCmd(container.getContainerId()).withTimeout(10).exec();
    running = false;
  }

  @Override
  public synchronized void kill() {
    if (!running) {
      return;
    }
    saveLogs();
    docker().killContainerCmd(container.getContainerId()).exec();
    running = false;
  }

  @Override
  public synchronized void start() {
    if (running) {
      return;
    }
    if (closed) {
      throw new IllegalStateException("this nats-server has been closed");
    }
    int readyBefore = countReadyLines(container.getLogs());
    docker().startContainerCmd(container.getContainerId()).exec();
    running = true;
    long deadline = System.nanoTime() + ProcessNatsServer.READY_TIMEOUT.toNanos();
    while (countReadyLines(container.getLogs()) <= readyBefore || !acceptsConnections()) {
      if (System.nanoTime() > deadline) {
        throw new NatsServerException("the nats-server container was not ready after "
            + ProcessNatsServer.READY_TIMEOUT.toSeconds() + " s; last lines of its log:\n" + logTail(LOG_TAIL_LINES));
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NatsServerException("interrupted while waiting for the nats-server container", e);
      }
    }
  }

  @Override
  public Connection connect(Options.Builder options) {
    return connections.connect(options, List.of(url()), "nats-server container at " + url());
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
  public synchronized String logTail(int lines) {
    if (running) {
      saveLogs();
    }
    return WorkDirectories.tail(logFile, lines);
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    connections.closeAll();
    container.stop();
    running = false;
    ProcessReaper.unregisterResource(reaperHandle);
    WorkDirectories.delete(workDirectory);
  }

  @Override
  public String toString() {
    return "nats-server container " + url() + (isRunning() ? " (running)" : " (stopped)");
  }

  private void saveLogs() {
    try {
      Files.writeString(logFile, container.getLogs(), StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException ignored) {
      // The log is a diagnostic aid; failing to copy it must not fail the test.
    }
  }

  private boolean acceptsConnections() {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(ProcessNatsServer.HOST, hostPort), 500);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static int countReadyLines(String logs) {
    int count = 0;
    for (int at = logs.indexOf(READY_LINE); at >= 0; at = logs.indexOf(READY_LINE, at + 1)) {
      count++;
    }
    return count;
  }

  private static DockerClient docker() {
    return DockerClientFactory.instance().client();
  }
}
