package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.internal.wire.WireIds;
import java.security.SecureRandom;

/**
 * New message ids: ULIDs (26 characters of Crockford base 32, a millisecond timestamp then 80
 * random bits), so ids sort by creation time and are unique without coordination. The bits come
 * from {@link SecureRandom}: a command's messageId is its identity across every client of a
 * service, and two clients that drew the same one would have the second command answered with
 * the first one's reply.
 */
final class MessageIds {
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /** A new ULID. */
  static String next() {
    return WireIds.ulid(System.currentTimeMillis(), RANDOM.nextLong(), RANDOM.nextLong());
  }
}
