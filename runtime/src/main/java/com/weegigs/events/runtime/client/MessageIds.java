package com.weegigs.events.runtime.client;

import java.security.SecureRandom;

/**
 * New message ids: ULIDs (26 characters of Crockford base 32, a millisecond timestamp then 80
 * random bits), so ids sort by creation time and are unique without coordination.
 */
final class MessageIds {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
  private static final SecureRandom RANDOM = new SecureRandom();

  private MessageIds() {}

  /** A new ULID. */
  static String next() {
    long time = System.currentTimeMillis();
    byte[] random = new byte[10];
    RANDOM.nextBytes(random);
    char[] text = new char[26];
    for (int i = 9; i >= 0; i--) {
      text[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    // 80 random bits as 16 characters of 5 bits.
    long high = ((random[0] & 0xFFL) << 32) | ((random[1] & 0xFFL) << 24) | ((random[2] & 0xFFL) << 16)
        | ((random[3] & 0xFFL) << 8) | (random[4] & 0xFFL);
    long low = ((random[5] & 0xFFL) << 32) | ((random[6] & 0xFFL) << 24) | ((random[7] & 0xFFL) << 16)
        | ((random[8] & 0xFFL) << 8) | (random[9] & 0xFFL);
    for (int i = 17; i >= 10; i--) {
      text[i] = ALPHABET[(int) (high & 31)];
      high >>>= 5;
    }
    for (int i = 25; i >= 18; i--) {
      text[i] = ALPHABET[(int) (low & 31)];
      low >>>= 5;
    }
    return new String(text);
  }
}
