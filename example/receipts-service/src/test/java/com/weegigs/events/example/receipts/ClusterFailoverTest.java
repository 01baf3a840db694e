package com.weegigs.events.example.receipts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.Entity;
import com.weegigs.events.runtime.NatsService;
import com.weegigs.events.runtime.client.ServiceClient;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.testing.NatsCluster;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import io.nats.client.Connection;
import io.nats.client.JetStreamApiException;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * The receipts service on a 3-node cluster, its stream replicated three times: the node that leads
 * the stream (and holds the service's connection) is killed in the middle of a load.
 */
@NatsTest
class ClusterFailoverTest {
  private static final int RECEIPTS = 10;
  private static final int IN_FLIGHT = 16;

  @Test
  void theStreamLeaderKilledMidLoadLosesNoAcknowledgedCommand(NatsCluster cluster) throws Exception {
    // every node's URL, as `serve --replicas 3` gets them in NATS_URL, so the service can reconnect to a survivor
    NatsService service = Main.startService(cluster.url(), new Main.Serve(Main.Store.JETSTREAM, 3));
    try (ServiceClient calls = ServiceClient.builder("receipts").connection(cluster.connect())
        .defaultTimeout(Duration.ofSeconds(5)).build()) {
      Connection admin = cluster.connect();
      NatsServer leader = leadTheStreamFromTheServicesNode(cluster, admin, service.connection().getServerInfo().getServerName());
      ReceiptClient client = ReceiptClient.create(calls);

      Semaphore window = new Semaphore(IN_FLIGHT);
      Set<String> acknowledged = ConcurrentHashMap.newKeySet(); // messageIds of the commands that succeeded
      AtomicInteger acknowledgedAfterKill = new AtomicInteger();
      AtomicLong firstSuccessAfterKill = new AtomicLong(Long.MAX_VALUE);
      Map<ErrorCode, Integer> failed = new ConcurrentHashMap<>();
      List<CompletableFuture<?>> sent = new ArrayList<>();
      long killedAt = 0;
      long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
      for (int i = 0; acknowledgedAfterKill.get() < 100; i++) {
        assertTrue(System.nanoTime() < deadline, () -> "the service did not serve 100 commands after the kill; failed " + failed);
        if (killedAt == 0 && acknowledged.size() >= 100) {
          leader.kill();
          killedAt = System.nanoTime();
        }
        window.acquire();
        boolean afterKill = killedAt != 0;
        sent.add(client.addItem("c-" + i % RECEIPTS, new AddItem("item-" + i, BigDecimal.valueOf(i % 200 + 1, 2), 1))
            .whenComplete((result, failure) -> {
              if (failure == null) {
                window.release();
                acknowledged.add(result.events().get(0).metadata().causationId());
                if (afterKill) {
                  firstSuccessAfterKill.accumulateAndGet(System.nanoTime(), Math::min);
                  acknowledgedAfterKill.incrementAndGet();
                }
              } else {
                failed.merge(TestServices.errorCode(failure), 1, Integer::sum);
                // a client backs off a moment before it tries again, so the load does not spin through the election
                CompletableFuture.delayedExecutor(100, TimeUnit.MILLISECONDS).execute(window::release);
              }
            }));
      }
      CompletableFuture.allOf(sent.stream().map(call -> call.exceptionally(failure -> null)).toArray(CompletableFuture[]::new))
          .get(1, TimeUnit.MINUTES);
      long unavailable = firstSuccessAfterKill.get() - killedAt;
      System.out.printf("cluster failover: stream leader killed after 100 acknowledged commands; the service was unavailable"
          + " for %d ms (from the kill to the first success of a command sent after it); %d acknowledged, failed %s%n",
          TimeUnit.NANOSECONDS.toMillis(unavailable), acknowledged.size(), new TreeMap<>(failed));
      // during the election a command is refused UNAVAILABLE or times out: never a wrong answer
      assertTrue(failed.keySet().stream().allMatch(code -> code == ErrorCode.UNAVAILABLE || code == ErrorCode.TIMEOUT),
          () -> "failed: " + failed);

      // every stored command whole, revisions without a gap, and every acknowledged command stored and counted
      StoredCommands stored = StoredCommands.readSettingAsideDoubleAcceptance(admin);
      Set<String> lost = new HashSet<>(acknowledged);
      lost.removeAll(stored.receiptByCausation().keySet());
      // a message nats-server 2.9 accepted with an expectation another message had already met (see
      // StoredCommands) stays in the stream, skipped by every reader; the store's guard answered its
      // append a conflict, so the service ran the command again and no acknowledged command is lost
      if (!stored.doublyAccepted().isEmpty()) {
        System.out.println("cluster failover: KNOWN DEFECT, JetStream accepted two messages with one expected subject"
            + " sequence across the leader change; skipped by readers: " + stored.doublyAccepted()
            + "; their commands acknowledged as skipped: " + lost);
      }
      assertEquals(Set.of(), lost, "acknowledged commands missing after the failover");
      for (int r = 0; r < RECEIPTS; r++) {
        String key = "c-" + r;
        Entity<Receipt> receipt = client.blocking().get(key);
        assertEquals(stored.events("receipt", key).size(), receipt.revision(), key + " revision");
        assertEquals(0, stored.addedTotal(key).compareTo(receipt.state().total()), key + " total");
      }
      String newLeader = admin.jetStreamManagement().getStreamInfo(StoredCommands.STREAM).getClusterInfo().getLeader();
      assertTrue(cluster.node(newLeader) != leader, "the killed node still leads the stream");
      // the service found a survivor among the URLs it was given
      assertTrue(cluster.node(service.connection().getServerInfo().getServerName()) != leader, "the service is still on the killed node");
    } finally {
      service.close();
    }
  }

  /**
   * Moves the stream's leadership (a step-down elects another replica at random) until it is on
   * the node the service is connected to, so that killing the leader also cuts the service's
   * connection; returns that node.
   */
  private static NatsServer leadTheStreamFromTheServicesNode(NatsCluster cluster, Connection admin, String servicesNode)
      throws InterruptedException {
    String leader = streamLeader(admin, null);
    for (int attempt = 0; !leader.equals(servicesNode) && attempt < 20; attempt++) {
      admin.request("$JS.API.STREAM.LEADER.STEPDOWN." + StoredCommands.STREAM, new byte[0], Duration.ofSeconds(5));
      leader = streamLeader(admin, leader);
    }
    assertEquals(servicesNode, leader, "the stream's leadership never came to the service's node");
    return cluster.node(leader);
  }

  /** The stream's leader once there is one other than {@code previous}. */
  private static String streamLeader(Connection admin, String previous) throws InterruptedException {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    Exception last = null;
    while (System.nanoTime() < deadline) {
      try {
        String leader = admin.jetStreamManagement().getStreamInfo(StoredCommands.STREAM).getClusterInfo().getLeader();
        if (leader != null && !leader.equals(previous)) {
          return leader;
        }
      } catch (IOException | JetStreamApiException electing) {
        last = electing; // while the replicas elect, stream info may go unanswered
      }
      Thread.sleep(50);
    }
    throw new AssertionError("the stream elected no new leader within 30 s", last);
  }
}
