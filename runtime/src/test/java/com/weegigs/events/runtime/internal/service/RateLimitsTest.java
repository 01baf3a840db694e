package com.weegigs.events.runtime.internal.service;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.Principal;
import com.weegigs.events.runtime.error.ErrorCode;
import com.weegigs.events.runtime.error.RateLimitedException;
import com.weegigs.events.runtime.fixtures.Counters;
import com.weegigs.events.runtime.internal.telemetry.Telemetry;
import com.weegigs.events.runtime.service.RateLimitConfig;
import com.weegigs.events.runtime.service.RateLimitConfig.Rate;
import io.nats.client.impl.NatsMessage;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The rate-limit stage's limits on a clock the test moves by hand: scopes, bursts, retryAfterMs, and the bound on callers. */
class RateLimitsTest {
  private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

  private RateLimits limits(RateLimitConfig config) {
    return new RateLimits("counters", config, Telemetry.NOOP, nanos::get);
  }

  @Test
  void aBurstPassesThenTheRestWaitForTheNextCycleAndAreToldHowLong() {
    // 10 a second with bursts of 20: 20 permits every 2 s
    RateLimits limits = limits(RateLimitConfig.defaults().withService(Rate.perSecond(10)));
    for (int i = 0; i < 20; i++) {
      limits.check("counter", "add", "a");
    }
    nanos.addAndGet(Duration.ofMillis(500).toNanos());
    RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limits.check("counter", null, "a"));
    assertEquals(ErrorCode.RATE_LIMITED, refused.code());
    assertEquals(1500, refused.retryAfterMs());
    assertEquals(Map.of("retryAfterMs", 1500L), refused.details());
    assertTrue(refused.getMessage().contains("service counters"), refused.getMessage());

    nanos.addAndGet(Duration.ofMillis(1500).toNanos());
    assertDoesNotThrow(() -> limits.check("counter", "add", "a"));
  }

  @Test
  void aCommandsLimitHoldsOnlyThatCommand() {
    RateLimits limits = limits(RateLimitConfig.defaults().withCommand("counter", "add", Rate.of(1, Duration.ofMinutes(1)).withBurst(1)));
    limits.check("counter", "add", "a");
    RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limits.check("counter", "add", "b"));
    assertTrue(refused.getMessage().contains("command counter.add"), refused.getMessage());
    assertEquals(60_000, refused.retryAfterMs());
    limits.check("counter", "reject", "a");
    limits.check("account", "add", "a");
    limits.check("counter", null, "a");
  }

  @Test
  void eachCallerHasItsOwnLimitAndACallerOverItSpendsNothingOfTheServices() {
    RateLimits limits = limits(RateLimitConfig.defaults()
        .withCaller(Rate.of(1, Duration.ofMinutes(1)).withBurst(1))
        .withService(Rate.of(2, Duration.ofMinutes(1)).withBurst(2)));
    limits.check("counter", "add", "a");
    RateLimitedException refused = assertThrows(RateLimitedException.class, () -> limits.check("counter", "add", "a"));
    assertTrue(refused.getMessage().contains("your requests"), refused.getMessage());
    // a's refusal took no permit of the service's two
    limits.check("counter", "add", "b");
    assertThrows(RateLimitedException.class, () -> limits.check("counter", "add", "c"));
  }

  @Test
  void theLeastRecentlySeenCallerIsForgottenBeyondTheBound() {
    RateLimits limits = limits(RateLimitConfig.defaults()
        .withCaller(Rate.of(1, Duration.ofMinutes(1)).withBurst(1)).withMaxCallers(10));
    for (int i = 0; i < 1_000; i++) {
      limits.check("counter", "add", "_INBOX.churn" + i);
    }
    assertEquals(10, limits.callersTracked());

    limits.check("counter", "add", "a");
    assertThrows(RateLimitedException.class, () -> limits.check("counter", "add", "a"));
    for (int i = 0; i < 10; i++) {
      limits.check("counter", "add", "_INBOX.more" + i);
    }
    assertEquals(10, limits.callersTracked());
    // forgotten, so a starts afresh
    limits.check("counter", "add", "a");
  }

  @Test
  void aCallerIsTheConnectionItsReplyInboxNames() {
    assertEquals("_INBOX.abc123", RateLimits.callerKey(message("_INBOX.abc123.7")));
    assertEquals("_INBOX.abc123", RateLimits.callerKey(message("_INBOX.abc123.8")));
    assertEquals("reply", RateLimits.callerKey(message("reply")));
    assertEquals("", RateLimits.callerKey(message(null)));
  }

  @Test
  void aVerifiedCallerIsOneCallerOnEveryConnection() {
    RateLimits limits = limits(RateLimitConfig.defaults().withCaller(Rate.of(1, Duration.ofMinutes(1)).withBurst(1)));
    Principal ann = new Principal("ann", Set.of());
    limits.check("counter", "add", message("_INBOX.first.1"), ann);
    // another connection, the same verified subject: the same limit
    assertThrows(RateLimitedException.class, () -> limits.check("counter", "add", message("_INBOX.second.1"), ann));
    // unverified, a connection is a caller of its own, never one that shares a key with a subject
    limits.check("counter", "add", message("_INBOX.second.2"), null);
    limits.check("counter", "add", message("ann.1"), null);
    assertEquals(3, limits.callersTracked());
  }

  @Test
  void aCommandLimitOfACommandTheServiceDoesNotHaveRefusesTheStart() {
    RateLimitConfig config = RateLimitConfig.defaults()
        .withCommand("counter", "add", Rate.perSecond(1))
        .withCommand("counter", "subtract", Rate.perSecond(1))
        .withCommand("ledger", "add", Rate.perSecond(1));
    IllegalArgumentException refused = assertThrows(IllegalArgumentException.class,
        () -> RateLimits.checkCommands(Counters.SERVICE, config));
    assertTrue(refused.getMessage().contains("counter.subtract"), refused.getMessage());
    assertTrue(refused.getMessage().contains("ledger.add"), refused.getMessage());
    assertTrue(!refused.getMessage().contains("counter.add,"), refused.getMessage());
  }

  private static NatsMessage message(String replyTo) {
    return NatsMessage.builder().subject("counters.command.counter.add").replyTo(replyTo).build();
  }
}
