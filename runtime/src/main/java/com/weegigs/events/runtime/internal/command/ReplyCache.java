package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.AggregateId;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;

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
 *
 * <p>A success whose events the store recorded is not remembered here: the store keeps the
 * {@code messageId} with those events, and a repeat is answered from that record with the same
 * entity and events. Keeping every such reply here as well cost a kilobyte of medium-lived heap
 * per command, which the garbage collector paid for on every command; what is remembered here is
 * what the store does not record: refusals, conflicts, not-found answers and successes that
 * changed nothing.
 *
 * <p>One concurrent map holds both the commands running and the replies remembered (an entry is
 * the command's future; a completed one is a remembered reply), so claiming is a single
 * {@code putIfAbsent} and no lock is shared by every command. At most {@code maxReplies} replies
 * are remembered, the oldest forgotten first; a reply older than the window is not used.
 */
public final class ReplyCache {
  private final ConcurrentHashMap<Key, Entry> entries = new ConcurrentHashMap<>();
  private final ConcurrentLinkedQueue<Entry> rememberedInOrder = new ConcurrentLinkedQueue<>();
  private final AtomicInteger remembered = new AtomicInteger();
  private final int maxReplies;
  private final long windowNanos;

  public ReplyCache(int maxReplies, Duration window) {
    this.maxReplies = maxReplies;
    this.windowNanos = window.toNanos();
  }

  /**
   * Claims {@code messageId}: {@code null} when the caller is the first and must run the command
   * and then call {@link #complete}; otherwise a future of the reply to answer with.
   */
  CompletableFuture<Reply> claim(AggregateId aggregate, String messageId) {
    Key key = new Key(aggregate, messageId);
    Entry mine = new Entry(key);
    while (true) {
      Entry earlier = entries.putIfAbsent(key, mine);
      if (earlier == null) {
        return null;
      }
      if (!earlier.isDone() || System.nanoTime() - earlier.completedAtNanos <= windowNanos) {
        return earlier;
      }
      // remembered past the window: this one runs again, in its place
      if (entries.replace(key, earlier, mine)) {
        return null;
      }
    }
  }

  /** Records the reply of a claimed command and hands it to every repeat that waits for it. */
  void complete(AggregateId aggregate, String messageId, Reply reply) {
    Key key = new Key(aggregate, messageId);
    Entry entry = entries.get(key);
    if (entry == null || entry.isDone()) {
      return;
    }
    if (reply.repeatable() && !reply.recorded() && maxReplies > 0) {
      // written before complete(), which publishes it to whoever sees the entry done
      entry.completedAtNanos = System.nanoTime();
      entry.complete(reply);
      rememberedInOrder.add(entry);
      if (remembered.incrementAndGet() > maxReplies) {
        forgetOldest();
      }
    } else {
      entries.remove(key, entry);
      entry.complete(reply);
    }
  }

  private void forgetOldest() {
    while (remembered.get() > maxReplies) {
      Entry oldest = rememberedInOrder.poll();
      if (oldest == null) {
        return;
      }
      remembered.decrementAndGet();
      entries.remove(oldest.key, oldest);
    }
  }

  /** A command's identity for this cache: the aggregate it was sent to and its {@code messageId}. */
  private record Key(AggregateId aggregate, String messageId) {}

  /** A command's reply: running while not done; remembered once done. */
  private static final class Entry extends CompletableFuture<Reply> {
    final Key key;
    long completedAtNanos;

    Entry(Key key) {
      this.key = key;
    }
  }
}
