package com.weegigs.events.testing;

import io.nats.client.Connection;
import io.nats.client.Options;
import java.nio.file.Path;

/**
 * A {@code nats-server} with JetStream, started for tests on a free loopback port and owned by
 * the test that started it. Use it through {@link NatsServerExtension} (a parameter of type
 * {@code NatsServer}) or directly:
 *
 * <pre>{@code
 * try (NatsServer server = NatsServer.launch()) {
 *   Connection connection = server.connect();
 *   ...
 * }
 * }</pre>
 *
 * <p>{@link #stop()} and {@link #start()} keep the port and the JetStream directory, so a test can
 * take the server away and bring it back with its streams intact. {@link #close()} stops the
 * server for good, closes every connection made by {@link #connect()} and deletes the temporary
 * directory. Servers still running when the JVM exits are killed by a shutdown hook.
 */
public interface NatsServer extends AutoCloseable {

  /**
   * Starts a server: the {@code nats-server} binary from {@code NATS_SERVER_BIN} or the
   * {@code PATH}; when there is none and Docker is available, a {@code nats:2.10-alpine} container.
   *
   * @return a running server, ready to accept connections
   * @throws NatsServerException when no server can be started; the message says how to install one
   */
  static NatsServer launch() {
    return NatsServerLauncher.fromEnvironment().launch();
  }

  /**
   * Starts a {@code nats-server} process without JetStream, for testing what a client does when
   * the server has none. Needs the binary (no container fallback).
   *
   * @return a running server without JetStream
   * @throws NatsServerException when no binary is found or it cannot start
   */
  static NatsServer launchWithoutJetStream() {
    return ProcessNatsServer.launch(NatsServerLauncher.fromEnvironment().requireBinary(), false);
  }

  /**
   * Starts a {@code nats-server} process with a configuration file holding {@code configuration}
   * (the server's configuration syntax: authorization, accounts, operator mode, TLS, ...), for
   * testing how clients connect to a server set up that way. The address and port are still
   * chosen by the launcher (a free loopback port; a {@code listen} or {@code port} in the text is
   * overridden), and the JetStream directory is the server's own, so the text enables JetStream
   * with a bare {@code jetstream {}} when it wants it. The file lives in the
   * {@link #workDirectory()}; files it refers to (certificates, keys) are the caller's. Needs the
   * binary (no container fallback).
   *
   * @param configuration the text of the configuration file
   * @return a running server, ready to accept connections
   * @throws NatsServerException when no binary is found, or the server rejects the configuration
   *     (the message holds the end of its log)
   */
  static NatsServer launchWithConfig(String configuration) {
    return ProcessNatsServer.launchWithConfig(NatsServerLauncher.fromEnvironment().requireBinary(), configuration);
  }

  /** The client URL, such as {@code nats://127.0.0.1:40123}. It stays the same across restarts. */
  String url();

  /** The host clients connect to: always a loopback address. */
  String host();

  /** The client port. It stays the same across restarts. */
  int port();

  /** Whether the server process (or container) is running now. */
  boolean isRunning();

  /** Stops the server (gracefully, then forcibly), keeping its port and JetStream directory. Does nothing when stopped. */
  void stop();

  /**
   * Kills the server at once, as a crash would ({@code kill -9}; a container is killed): it flushes
   * nothing and hands nothing over. Keeps its port and JetStream directory, so {@link #start()}
   * brings it back. Does nothing when stopped.
   */
  void kill();

  /**
   * Starts a stopped server again on the same port with the same JetStream directory and waits
   * until it is ready. Does nothing when running.
   *
   * @throws NatsServerException when it does not become ready in time
   */
  void start();

  /** {@link #stop()} then {@link #start()}. */
  default void restart() {
    stop();
    start();
  }

  /**
   * Connects to this server with reconnection enabled without limit, so connections survive
   * {@link #restart()}. The server closes the connection when it is {@linkplain #close() closed}.
   *
   * @return an open connection
   */
  default Connection connect() {
    return connect(ConnectionTracker.defaultOptions());
  }

  /**
   * Connects with the caller's options; the server URL is set on the builder before it is built.
   * The server closes the connection when it is {@linkplain #close() closed}.
   *
   * @param options the options to connect with
   * @return an open connection
   */
  Connection connect(Options.Builder options);

  /** The temporary directory this server owns: JetStream data and the log live under it. */
  Path workDirectory();

  /** The file the server's output is written to. */
  Path logFile();

  /**
   * The last lines of the server's log, for failure messages.
   *
   * @param lines how many lines at most
   * @return the tail of the log, or an empty string when there is none yet
   */
  String logTail(int lines);

  /** Stops the server, closes its connections and deletes its temporary directory. Safe to call twice. */
  @Override
  void close();
}
