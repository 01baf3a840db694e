package com.weegigs.events.testing;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.Options;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * A cluster of {@code nats-server} processes with JetStream, started for tests on free loopback
 * ports, every node routing to every other. Each node is a {@link NatsServer}, so a test can stop
 * and restart one node (same ports, same JetStream directory) while the others keep serving.
 *
 * <pre>{@code
 * try (NatsCluster cluster = NatsCluster.launch(3)) {
 *   Connection connection = cluster.connect();
 *   cluster.node(0).stop();
 *   ...
 * }
 * }</pre>
 *
 * <p>Clusters need the {@code nats-server} binary; they do not fall back to Docker.
 */
public final class NatsCluster implements AutoCloseable {
  private static final int PORT_ATTEMPTS = 5;
  private static final Duration JETSTREAM_READY_TIMEOUT = Duration.ofSeconds(30);

  private final Path workDirectory;
  private final List<ProcessNatsServer> nodes;
  private final String name;
  private final ConnectionTracker connections = new ConnectionTracker();
  private boolean closed;

  private NatsCluster(Path workDirectory, List<ProcessNatsServer> nodes, String name) {
    this.workDirectory = workDirectory;
    this.nodes = List.copyOf(nodes);
    this.name = name;
  }

  /**
   * Starts a three-node cluster and waits until JetStream answers.
   *
   * @return the running cluster
   * @throws NatsServerException when the cluster cannot be started
   */
  public static NatsCluster launch() {
    return launch(3);
  }

  /**
   * Starts a cluster of {@code size} nodes and waits until JetStream answers.
   *
   * @param size the number of nodes, at least 1
   * @return the running cluster
   * @throws NatsServerException when the cluster cannot be started
   */
  public static NatsCluster launch(int size) {
    if (size < 1) {
      throw new IllegalArgumentException("a cluster needs at least one node, got " + size);
    }
    Path binary = NatsServerLauncher.fromEnvironment().requireBinary();
    Path directory = WorkDirectories.create("wee-nats-cluster-");
    String clusterName = "wee-test-" + UUID.randomUUID().toString().substring(0, 8);
    List<ProcessNatsServer> nodes = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      nodes.add(new ProcessNatsServer(binary, directory.resolve("n" + (i + 1))));
    }
    NatsCluster cluster = new NatsCluster(directory, nodes, clusterName);
    try {
      cluster.startOnFreePorts();
      cluster.awaitJetStream();
      return cluster;
    } catch (RuntimeException e) {
      cluster.close();
      throw e;
    }
  }

  private void startOnFreePorts() {
    for (int attempt = 1; ; attempt++) {
      List<Integer> ports = FreePorts.pick(nodes.size() * 2);
      List<Integer> clientPorts = ports.subList(0, nodes.size());
      List<Integer> routePorts = ports.subList(nodes.size(), ports.size());
      for (int i = 0; i < nodes.size(); i++) {
        nodes.get(i).configure(clientPorts.get(i), clusterArguments(i, routePorts));
      }
      try {
        nodes.forEach(ProcessNatsServer::spawn);
        nodes.forEach(ProcessNatsServer::awaitReady);
        return;
      } catch (ProcessNatsServer.PortInUseException e) {
        nodes.forEach(ProcessNatsServer::stop);
        if (attempt == PORT_ATTEMPTS) {
          throw new NatsServerException(
              "the nats-server cluster could not bind free ports after " + PORT_ATTEMPTS + " attempts");
        }
      }
    }
  }

  private List<String> clusterArguments(int index, List<Integer> routePorts) {
    String routes = routePorts.stream()
        .filter(port -> !port.equals(routePorts.get(index)))
        .map(port -> "nats://" + ProcessNatsServer.HOST + ":" + port)
        .collect(Collectors.joining(","));
    List<String> arguments = new ArrayList<>(List.of(
        "-n", serverName(index),
        "--cluster_name", name,
        "--cluster", "nats://" + ProcessNatsServer.HOST + ":" + routePorts.get(index)));
    if (!routes.isEmpty()) {
      arguments.addAll(List.of("--routes", routes));
    }
    return arguments;
  }

  /**
   * Waits until the cluster's JetStream can place a stream on every node: a clustered JetStream
   * first elects a meta leader, and only then learns its peers, so an API that answers is not yet
   * one that can place a replicated stream (a busy machine shows the gap).
   */
  private void awaitJetStream() {
    Connection connection = connect();
    long deadline = System.nanoTime() + JETSTREAM_READY_TIMEOUT.toNanos();
    String last = "no reply";
    while (System.nanoTime() < deadline) {
      try {
        Message reply = connection.request("$JS.API.INFO", new byte[0]).get(2, TimeUnit.SECONDS);
        String body = new String(reply.getData(), StandardCharsets.UTF_8);
        if (!reply.isStatusMessage() && !body.contains("\"error\"")) {
          placeOnEveryNode(connection);
          return;
        }
        last = reply.isStatusMessage() ? reply.getStatus().toString() : body;
      } catch (JetStreamApiException e) {
        last = e.getMessage();
      } catch (IOException | ExecutionException | TimeoutException | java.util.concurrent.CancellationException e) {
        last = e.toString();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NatsServerException("interrupted while waiting for the cluster's JetStream", e);
      }
      try {
        Thread.sleep(100);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new NatsServerException("interrupted while waiting for the cluster's JetStream", e);
      }
    }
    throw new NatsServerException("the cluster's JetStream did not answer within "
        + JETSTREAM_READY_TIMEOUT.toSeconds() + " s; last answer: " + last + nodes.get(0).logSuffix());
  }

  /** Creates and deletes a stream with one replica per node; throws while the peers are not all known. */
  private void placeOnEveryNode(Connection connection) throws IOException, JetStreamApiException {
    JetStreamManagement management = connection.jetStreamManagement();
    String name = "WEE_READY_" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(java.util.Locale.ROOT);
    management.addStream(StreamConfiguration.builder()
        .name(name).subjects("wee.ready." + name).storageType(StorageType.Memory).replicas(nodes.size()).build());
    management.deleteStream(name);
  }

  /** The number of nodes. */
  public int size() {
    return nodes.size();
  }

  /**
   * One node.
   *
   * @param index from 0 to {@link #size()} - 1
   * @return the node, which can be stopped and started on its own
   */
  public NatsServer node(int index) {
    return nodes.get(index);
  }

  /**
   * The node with a server name, as JetStream names it (a stream's or the meta group's leader,
   * a replica).
   *
   * @param serverName a name from the cluster's JetStream
   * @return the node of that name
   * @throws IllegalArgumentException when no node has that name
   */
  public NatsServer node(String serverName) {
    for (int i = 0; i < nodes.size(); i++) {
      if (serverName(i).equals(serverName)) {
        return nodes.get(i);
      }
    }
    throw new IllegalArgumentException("no node of " + this + " is named '" + serverName + "'");
  }

  /** The server name of node {@code index}: {@code {cluster name}-n{index + 1}}. */
  private String serverName(int index) {
    return name + "-n" + (index + 1);
  }

  /** Every node, in order. */
  public List<NatsServer> nodes() {
    return List.copyOf(nodes);
  }

  /** The client URL of every node, in node order. */
  public List<String> urls() {
    return nodes.stream().map(NatsServer::url).collect(Collectors.toUnmodifiableList());
  }

  /** The client URLs as one comma-separated string, as {@code NATS_URL} and {@link Options.Builder#server} accept. */
  public String url() {
    return String.join(",", urls());
  }

  /** The cluster's name. */
  public String name() {
    return name;
  }

  /**
   * Connects to the cluster (all nodes as known servers) with reconnection enabled without limit.
   * The cluster closes the connection when it is closed.
   *
   * @return an open connection
   */
  public Connection connect() {
    return connect(ConnectionTracker.defaultOptions());
  }

  /**
   * Connects with the caller's options; the nodes' URLs are set on the builder before it is built.
   *
   * @param options the options to connect with
   * @return an open connection
   */
  public Connection connect(Options.Builder options) {
    return connections.connect(options, urls(), "nats-server cluster " + name);
  }

  /** Stops every node, closes every connection and deletes the temporary directories. Safe to call twice. */
  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    connections.closeAll();
    for (ProcessNatsServer node : nodes) {
      node.shutdown();
    }
    WorkDirectories.delete(workDirectory);
  }

  @Override
  public String toString() {
    return "nats-server cluster " + name + " " + urls();
  }
}
