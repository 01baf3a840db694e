package com.weegigs.events.runtime;

import static com.weegigs.events.runtime.fixtures.ServiceHarness.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.fixtures.ServiceHarness;
import com.weegigs.events.runtime.service.HealthCheck;
import com.weegigs.events.runtime.service.HttpHealthConfig;
import com.weegigs.events.testing.NatsServer;
import com.weegigs.events.testing.NatsTest;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The opt-in HTTP health endpoint: off by default, liveness, readiness by the health checks, stopped with the service. */
@NatsTest
class HttpHealthTest {
  private ServiceHarness harness;

  @BeforeEach
  void start(NatsServer server) {
    harness = new ServiceHarness(server);
  }

  @AfterEach
  void close() {
    harness.close();
  }

  /** A GET's status and body. */
  private record Answer(int status, byte[] body) {}

  private static Answer get(int port, String path) throws IOException {
    HttpURLConnection http = (HttpURLConnection) new URL("http://127.0.0.1:" + port + path).openConnection();
    http.setConnectTimeout(5_000);
    http.setReadTimeout(10_000);
    try {
      int status = http.getResponseCode();
      try (InputStream in = status < 400 ? http.getInputStream() : http.getErrorStream()) {
        return new Answer(status, in.readAllBytes());
      }
    } finally {
      http.disconnect();
    }
  }

  @Test
  void isOffByDefault() {
    assertEquals(-1, harness.start().httpHealthPort());
  }

  @Test
  void liveAnswersAndReadyFollowsTheHealthChecks() throws Exception {
    AtomicReference<HealthCheck.Result> ledger = new AtomicReference<>(HealthCheck.Result.ok("fine"));
    NatsService service = harness.start(builder -> builder
        .withHealthCheck("ledger", ledger::get)
        .withHttpHealth(HttpHealthConfig.onPort(0)));
    int port = service.httpHealthPort();
    assertTrue(port > 0, "a free port was taken: " + port);

    Answer live = get(port, "/health/live");
    assertEquals(200, live.status());
    assertEquals("ok", json(live.body()).get("status"));

    Answer ready = get(port, "/health/ready");
    assertEquals(200, ready.status());
    Map<String, Object> report = json(ready.body());
    assertEquals("ok", report.get("status"));
    assertEquals("counters", report.get("service"));
    assertEquals(json(harness.request("counters.health", "").getData()).keySet(), report.keySet(),
        "the same document as {service}.health");

    ledger.set(HealthCheck.Result.degraded("slow"));
    ready = get(port, "/health/ready");
    assertEquals(200, ready.status(), "degraded is still ready");
    assertEquals("degraded", json(ready.body()).get("status"));

    ledger.set(HealthCheck.Result.down("gone"));
    ready = get(port, "/health/ready");
    assertEquals(503, ready.status());
    assertEquals("down", json(ready.body()).get("status"));
    assertEquals(200, get(port, "/health/live").status(), "the process still answers");

    service.close();
    assertThrows(IOException.class, () -> get(port, "/health/live"), "stopped with the service");
  }

  @Test
  void aBadConfigurationIsRefusedWithEveryProblem() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new HttpHealthConfig(" ", 70000));
    assertTrue(e.getMessage().contains("bindAddress") && e.getMessage().contains("port"), e.getMessage());
  }
}
