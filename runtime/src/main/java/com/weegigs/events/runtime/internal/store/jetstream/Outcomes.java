package com.weegigs.events.runtime.internal.store.jetstream;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Where the message of a command is, by its {@code messageId}: remembered by this instance (bounded)
 * and in the outcomes bucket ({@code docs/wire-contract.md}, "Durable events on JetStream"), whose
 * value is {@code {sequence} {subject}}.
 */
final class Outcomes {
  /** The command's message: its stream sequence and subject. */
  record Where(long sequence, String subject) {}

  private static final String CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  private final int capacity;
  private final ConcurrentHashMap<String, Where> local = new ConcurrentHashMap<>();

  Outcomes(int capacity) {
    this.capacity = capacity;
  }

  Where local(String messageId) {
    return local.get(messageId);
  }

  void remember(String messageId, Where where) {
    local.put(messageId, where);
    Positions.trim(local, capacity);
  }

  /** The bucket key of {@code messageId}. */
  static String key(String messageId) {
    return SnapshotRecords.bucketKey(messageId);
  }

  static byte[] encode(Where where) {
    return (where.sequence() + " " + where.subject()).getBytes(StandardCharsets.UTF_8);
  }

  /** The outcome in {@code value}, or {@code null} when it is not one. */
  static Where decode(byte[] value) {
    if (value == null) {
      return null;
    }
    String text = new String(value, StandardCharsets.UTF_8);
    int space = text.indexOf(' ');
    try {
      long sequence = Long.parseLong(text.substring(0, space));
      String subject = text.substring(space + 1);
      return sequence > 0 && !subject.isEmpty() ? new Where(sequence, subject) : null;
    } catch (RuntimeException e) {
      return null;
    }
  }

  /**
   * The time a ULID {@code messageId} was made, in epoch milliseconds, or -1 when it is not a ULID
   * (26 Crockford base-32 characters, the first 10 the time).
   */
  static long ulidMillis(String messageId) {
    if (messageId == null || messageId.length() != 26) {
      return -1;
    }
    long time = 0;
    for (int i = 0; i < 26; i++) {
      int digit = CROCKFORD.indexOf(messageId.charAt(i));
      if (digit < 0) {
        return -1;
      }
      if (i < 10) {
        time = time << 5 | digit;
      }
    }
    return time;
  }
}
