package com.weegigs.events.runtime.internal.command;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.error.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

class ReplyCacheTest {
  private static final AggregateId R1 = new AggregateId("receipt", "r-1");
  private static final AggregateId R2 = new AggregateId("receipt", "r-2");
  private static final Duration WINDOW = Duration.ofHours(1);

  private static Reply success(String body) {
    return Reply.success(body.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void theFirstSenderRunsAConcurrentRepeatWaitsAndALaterRepeatGetsTheReplyAtOnce() {
    ReplyCache cache = new ReplyCache(10, WINDOW);
    assertNull(cache.claim(R1, "m-1"));

    CompletableFuture<Reply> concurrent = cache.claim(R1, "m-1");
    assertNotNull(concurrent);
    assertFalse(concurrent.isDone());

    Reply reply = success("{}");
    cache.complete(R1, "m-1", reply);
    assertSame(reply, concurrent.join());
    CompletableFuture<Reply> later = cache.claim(R1, "m-1");
    assertTrue(later.isDone());
    assertSame(reply, later.join());
  }

  @Test
  void aMessageIdReusedForAnotherAggregateIsNotARepeat() {
    ReplyCache cache = new ReplyCache(10, WINDOW);
    assertNull(cache.claim(R1, "m-1"));
    cache.complete(R1, "m-1", success("{}"));

    assertNull(cache.claim(R2, "m-1"));
  }

  /**
   * Runs a command whose {@code reply} is handed to a concurrent repeat, and checks that a later
   * repeat is not answered from the cache but runs again.
   */
  private static void assertHandedToTheRepeatButNotRemembered(ReplyCache cache, Reply reply) {
    assertNull(cache.claim(R1, "m-1"));
    CompletableFuture<Reply> concurrent = cache.claim(R1, "m-1");
    assertNotNull(concurrent);

    cache.complete(R1, "m-1", reply);

    assertSame(reply, concurrent.join());
    assertNull(cache.claim(R1, "m-1"), "a later repeat runs again");
  }

  @Test
  void aTransientFailureIsHandedToWaitingRepeatsButNotRemembered() {
    assertHandedToTheRepeatButNotRemembered(new ReplyCache(10, WINDOW), Reply.error(ErrorCode.UNAVAILABLE, "try again"));
  }

  @Test
  void theOldestReplyIsForgottenPastTheLimit() {
    ReplyCache cache = new ReplyCache(2, WINDOW);
    for (String id : new String[] {"m-1", "m-2", "m-3"}) {
      assertNull(cache.claim(R1, id));
      cache.complete(R1, id, success(id));
    }

    assertNull(cache.claim(R1, "m-1"), "the oldest was forgotten");
    assertTrue(cache.claim(R1, "m-2").isDone());
    assertTrue(cache.claim(R1, "m-3").isDone());
  }

  @Test
  void aCacheWithoutRepliesStillMakesConcurrentRepeatsWait() {
    assertHandedToTheRepeatButNotRemembered(new ReplyCache(0, WINDOW), success("{}"));
  }

  @Test
  void aSuccessTheStoreRecordedIsHandedToWaitingRepeatsAndThenLeftToTheStore() {
    // a later repeat runs again and finds the store's record
    assertHandedToTheRepeatButNotRemembered(new ReplyCache(10, WINDOW),
        Reply.recorded("{\"revision\":1}".getBytes(StandardCharsets.UTF_8)));
  }
}
