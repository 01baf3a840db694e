package com.weegigs.events.runtime.internal.service;

import com.weegigs.events.runtime.AggregateId;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a command sent twice take effect once per instance and answers both with the same reply:
 * the first sender of a {@code messageId} runs the command ({@link #claim} answers {@code null}),
 * a concurrent repeat gets a future completed with the first reply, and a later repeat within the
 * window gets the remembered reply at once.
 *
 * <p>Replies are kept per aggregate and {@code messageId}: a {@code messageId} reused for another
 * aggregate is not a repeat, so it is never answered with the first aggregate's entity; it runs,
 * and the event store's record of the {@code messageId} refuses it with {@code CONFLICT}, as it
 * does once this cache has forgotten the first reply.
 */
final class ReplyCache {
  private final ConcurrentHashMap<Key, CompletableFuture<Reply>> running = new ConcurrentHashMap<>();
  private final int maxReplies;
  private final long windowNanos;
  private final LinkedHashMap<Key, Remembered> recent;

  ReplyCache(int maxReplies, Duration window) {
    this.maxReplies = maxReplies;
    this.windowNanos = window.toNanos();
    this.recent = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Remembered> eldest) {
        return size() > ReplyCache.this.maxReplies;
      }
    };
  }

  /**
   * Claims {@code messageId}: {@code null} when the caller is the first and must run the command
   * and then call {@link #complete}; otherwise a future of the reply to answer with.
   */
  CompletableFuture<Reply> claim(AggregateId aggregate, String messageId) {
    Key key = new Key(aggregate, messageId);
    Reply remembered = remembered(key);
    if (remembered != null) {
      return CompletableFuture.completedFuture(remembered);
    }
    CompletableFuture<Reply> mine = new CompletableFuture<>();
    CompletableFuture<Reply> earlier = running.putIfAbsent(key, mine);
    if (earlier != null) {
      return earlier;
    }
    // the first sender may have finished between our two looks
    remembered = remembered(key);
    if (remembered != null) {
      running.remove(key, mine);
      mine.complete(remembered);
      return mine;
    }
    return null;
  }

  /** Records the reply of a claimed command and hands it to every repeat that waits for it. */
  void complete(AggregateId aggregate, String messageId, Reply reply) {
    Key key = new Key(aggregate, messageId);
    if (reply.repeatable() && maxReplies > 0) {
      synchronized (recent) {
        recent.put(key, new Remembered(reply, System.nanoTime()));
      }
    }
    CompletableFuture<Reply> waiting = running.remove(key);
    if (waiting != null) {
      waiting.complete(reply);
    }
  }

  private Reply remembered(Key key) {
    if (maxReplies == 0) {
      return null;
    }
    synchronized (recent) {
      Remembered entry = recent.get(key);
      if (entry == null) {
        return null;
      }
      if (System.nanoTime() - entry.atNanos > windowNanos) {
        recent.remove(key);
        return null;
      }
      return entry.reply;
    }
  }

  /** A command's identity for this cache: the aggregate it was sent to and its {@code messageId}. */
  private record Key(AggregateId aggregate, String messageId) {}

  private record Remembered(Reply reply, long atNanos) {}
}
