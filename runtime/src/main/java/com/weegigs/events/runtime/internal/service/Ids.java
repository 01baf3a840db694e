package com.weegigs.events.runtime.internal.service;

import java.util.concurrent.ThreadLocalRandom;

/**
 * ULID-style ids: 26 Crockford base-32 characters, 48 bits of milliseconds then 80 random bits,
 * so ids sort roughly by creation time and never collide in practice.
 */
public final class Ids {
  private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

  private Ids() {}

  /** A new id for the current time. */
  public static String next() {
    return next(System.currentTimeMillis());
  }

  /** A new id for {@code epochMillis}. */
  public static String next(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long high = random.nextLong() & 0xFFFFL; // 16 random bits
    long low = random.nextLong(); // 64 random bits
    char[] out = new char[26];
    long time = epochMillis & 0xFFFF_FFFF_FFFFL;
    // 10 characters of time (50 bits, the top 2 always zero)
    for (int i = 9; i >= 0; i--) {
      out[i] = ALPHABET[(int) (time & 31)];
      time >>>= 5;
    }
    // 16 characters of randomness (80 bits): high 16 bits then low 64 bits
    for (int i = 25; i >= 10; i--) {
      out[i] = ALPHABET[(int) (low & 31)];
      low = (low >>> 5) | ((high & 31) << 59);
      high >>>= 5;
    }
    return new String(out);
  }
}
