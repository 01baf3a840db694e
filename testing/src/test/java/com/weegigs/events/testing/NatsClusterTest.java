package com.weegigs.events.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.Message;
import io.nats.client.Options;
import io.nats.client.Subscription;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import org.junit.jupiter.api.Test;

@NatsTest
class NatsClusterTest {

  @Test
  void threeNodesOnDistinctLoopbackPortsRouteMessagesToEachOther(NatsCluster cluster) throws Exception {
    assertEquals(3, cluster.size());
    List<String> urls = cluster.urls();
    assertEquals(3, new HashSet<>(urls).size());
    urls.forEach(url -> assertTrue(url.startsWith("nats://127.0.0.1:"), url));

    Connection onFirst = cluster.node(0).connect();
    Connection onThird = cluster.node(2).connect();
    assertDelivered(onThird, onFirst, "routed");
  }

  @Test
  void aStoppedNodeCanBeRestartedAndRejoins(NatsCluster cluster) throws Exception {
    NatsServer second = cluster.node(1);
    int port = second.port();
    Connection onFirst = cluster.node(0).connect();

    second.stop();
    assertFalse(second.isRunning());
    Connection onThird = cluster.node(2).connect();
    assertDelivered(onThird, onFirst, "while-one-is-down");

    second.start();
    assertEquals(port, second.port());
    Connection onSecond = second.connect(new Options.Builder().connectionTimeout(Duration.ofSeconds(5)));
    assertDelivered(onSecond, onFirst, "after-restart");
  }

  @Test
  void hasClusteredJetStream(NatsCluster cluster) throws Exception {
    Connection connection = cluster.connect();
    var management = connection.jetStreamManagement();
    management.addStream(StreamConfiguration.builder()
        .name("REPLICATED").subjects("replicated.>").storageType(StorageType.File).replicas(3).build());
    connection.jetStream().publish("replicated.one", "x".getBytes(StandardCharsets.UTF_8));
    assertEquals(1, management.getStreamInfo("REPLICATED").getStreamState().getMsgCount());
    assertEquals(2, management.getStreamInfo("REPLICATED").getClusterInfo().getReplicas().size());
  }

  @Test
  void aServerNameFromJetStreamNamesItsNode(NatsCluster cluster) throws Exception {
    Connection connection = cluster.connect();
    connection.jetStreamManagement().addStream(StreamConfiguration.builder()
        .name("LED").subjects("led.>").storageType(StorageType.Memory).replicas(3).build());
    String leader = connection.jetStreamManagement().getStreamInfo("LED").getClusterInfo().getLeader();
    NatsServer node = cluster.node(leader);
    assertTrue(cluster.nodes().contains(node));
    assertEquals(leader, node.connect().getServerInfo().getServerName());
    assertThrows(IllegalArgumentException.class, () -> cluster.node("elsewhere"));
  }

  /**
   * Publishes until the subscriber sees a message: interest crosses routes asynchronously, so the
   * first publications may go nowhere. Bounded so a broken route fails the test.
   */
  private static void assertDelivered(Connection subscriber, Connection publisher, String subject) throws Exception {
    Subscription subscription = subscriber.subscribe(subject);
    subscriber.flush(Duration.ofSeconds(5));
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Message received = null;
    while (received == null && System.nanoTime() < deadline) {
      publisher.publish(subject, subject.getBytes(StandardCharsets.UTF_8));
      publisher.flush(Duration.ofSeconds(5));
      received = subscription.nextMessage(Duration.ofMillis(200));
    }
    assertTrue(received != null, "no message on " + subject + " crossed the cluster");
    assertEquals(subject, new String(received.getData(), StandardCharsets.UTF_8));
  }
}
