package com.weegigs.events.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import io.nats.client.JetStreamManagement;
import io.nats.client.Message;
import io.nats.client.api.StorageType;
import io.nats.client.api.StreamConfiguration;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@NatsTest
class NatsServerExtensionTest {
  private NatsServer serverSeenBeforeEach;

  @BeforeEach
  void rememberServer(NatsServer server) {
    serverSeenBeforeEach = server;
  }

  @Test
  void startsAServerOnAFreeLoopbackPortThatAnswersRequests(NatsServer server) throws Exception {
    assertTrue(server.isRunning());
    assertEquals("127.0.0.1", server.host());
    assertNotEquals(4222, server.port());
    assertEquals("nats://127.0.0.1:" + server.port(), server.url());

    Connection responderConnection = server.connect();
    responderConnection.createDispatcher(message ->
            responderConnection.publish(message.getReplyTo(), ("pong:" + new String(message.getData(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8)))
        .subscribe("ping");
    responderConnection.flush(Duration.ofSeconds(5));

    Connection caller = server.connect();
    Message reply = caller.request("ping", "1".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5));
    assertEquals("pong:1", new String(reply.getData(), StandardCharsets.UTF_8));
  }

  @Test
  void hasJetStreamEnabled(NatsServer server) throws Exception {
    JetStreamManagement management = server.connect().jetStreamManagement();
    management.addStream(StreamConfiguration.builder().name("ORDERS").subjects("orders.>").storageType(StorageType.File).build());
    assertEquals("ORDERS", management.getStreamInfo("ORDERS").getConfiguration().getName());
  }

  @Test
  void restartKeepsThePortAndTheJetStreamDataAndConnectionsReconnect(NatsServer server) throws Exception {
    int port = server.port();
    Connection connection = server.connect();
    JetStreamManagement management = connection.jetStreamManagement();
    management.addStream(StreamConfiguration.builder().name("KEPT").subjects("kept.>").storageType(StorageType.File).build());
    connection.jetStream().publish("kept.one", "hello".getBytes(StandardCharsets.UTF_8));

    server.stop();
    assertFalse(server.isRunning());
    server.start();

    assertTrue(server.isRunning());
    assertEquals(port, server.port());
    awaitConnected(connection);
    assertEquals(1, streamMessageCount(management, "KEPT"));
  }

  /**
   * The stream's message count once JetStream answers: right after a restart the server accepts
   * connections before JetStream has recovered its streams, and a loaded machine can take seconds.
   */
  static long streamMessageCount(JetStreamManagement management, String stream) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return management.getStreamInfo(stream).getStreamState().getMsgCount();
      } catch (IOException | JetStreamApiException notReadyYet) {
        if (System.nanoTime() > deadline) {
          throw notReadyYet;
        }
        Thread.sleep(100);
      }
    }
  }

  @Test
  void theSameServerIsGivenToBeforeEachAndTheTest(NatsServer server) {
    assertSame(serverSeenBeforeEach, server);
  }

  @AfterEach
  void theSameServerIsGivenToAfterEach(NatsServer server) {
    assertSame(serverSeenBeforeEach, server);
  }

  static void awaitConnected(Connection connection) throws InterruptedException {
    // Bounded: the connection reconnects every 100 ms; 30 s covers a very slow machine.
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (connection.getStatus() != Connection.Status.CONNECTED && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(Connection.Status.CONNECTED, connection.getStatus());
  }
}
