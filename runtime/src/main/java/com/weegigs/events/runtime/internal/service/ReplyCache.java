package com.weegigs.events.runtime.internal.service;

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
 */
final class ReplyCache {
  private final ConcurrentHashMap<String, CompletableFuture<Reply>> running = new ConcurrentHashMap<>();
  private final int maxReplies;
  private final long windowNanos;
  private final LinkedHashMap<String, Remembered> recent;

  ReplyCache(int maxReplies, Duration window) {
    this.maxReplies = maxReplies;
    this.windowNanos = window.toNanos();
    this.recent = new LinkedHashMap<>(16, 0.75f, false) {
      private static final long serialVersionUID = 1L;

      @Override
      protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
        return size() > ReplyCache.this.maxReplies;
      }
    };
  }

  /**
   * Claims {@code messageId}: {@code null} when the caller is the first and must run the command
   * and then call {@link #complete}; otherwise a future of the reply to answer with.
   */
  CompletableFuture<Reply> claim(String messageId) {
    Reply remembered = remembered(messageId);
    if (remembered != null) {
      return CompletableFuture.completedFuture(remembered);
    }
    CompletableFuture<Reply> mine = new CompletableFuture<>();
    CompletableFuture<Reply> earlier = running.putIfAbsent(messageId, mine);
    if (earlier != null) {
      return earlier;
    }
    // the first sender may have finished between our two looks
    remembered = remembered(messageId);
    if (remembered != null) {
      running.remove(messageId, mine);
      mine.complete(remembered);
      return mine;
    }
    return null;
  }

  /** Records the reply of a claimed command and hands it to every repeat that waits for it. */
  void complete(String messageId, Reply reply) {
    if (reply.repeatable() && maxReplies > 0) {
      synchronized (recent) {
        recent.put(messageId, new Remembered(reply, System.nanoTime()));
      }
    }
    CompletableFuture<Reply> waiting = running.remove(messageId);
    if (waiting != null) {
      waiting.complete(reply);
    }
  }

  private Reply remembered(String messageId) {
    if (maxReplies == 0) {
      return null;
    }
    synchronized (recent) {
      Remembered entry = recent.get(messageId);
      if (entry == null) {
        return null;
      }
      if (System.nanoTime() - entry.atNanos > windowNanos) {
        recent.remove(messageId);
        return null;
      }
      return entry.reply;
    }
  }

  private record Remembered(Reply reply, long atNanos) {}
}
