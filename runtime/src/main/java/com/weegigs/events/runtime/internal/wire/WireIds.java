package com.weegigs.events.runtime.internal.wire;

import java.nio.charset.StandardCharsets;

/**
 * The ids the wire contract carries, written one way for the client and the service: ULIDs for
 * message and event ids.
 */
public final class WireIds {
  private static final byte[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".getBytes(StandardCharsets.US_ASCII);

  /** Each thread's scratch for the characters of an id, copied once into the id's string. */
  private static final ThreadLocal<byte[]> SCRATCH = ThreadLocal.withInitial(() -> new byte[26]);

  private WireIds() {}

  /**
   * A ULID: 26 Crockford base-32 characters, 48 bits of {@code epochMillis} then 80 random bits
   * (the low 16 bits of {@code random16}, then {@code random64}), so ids sort roughly by creation
   * time and never collide in practice. The caller chooses where the random bits come from.
   */
  public static String ulid(long epochMillis, long random16, long random64) {
    long high = random16 & 0xFFFFL;
    long low = random64;
    byte[] out = SCRATCH.get();
    long time = epochMillis & 0xFFFF_FFFF_FFFFL;
    // 10 characters of time (50 bits, the top 2 always zero)
    for (int i = 9; i >= 0; i--) {
      out[i] = CROCKFORD[(int) (time & 31)];
      time >>>= 5;
    }
    // 16 characters of randomness (80 bits): high 16 bits then low 64 bits
    for (int i = 25; i >= 10; i--) {
      out[i] = CROCKFORD[(int) (low & 31)];
      low = (low >>> 5) | ((high & 31) << 59);
      high >>>= 5;
    }
    return ascii(out);
  }

  /**
   * The string's own copy of the characters is the one array an id costs (a compact Latin-1
   * string; a {@code char[]} would be a second one, twice the size).
   */
  private static String ascii(byte[] text) {
    return new String(text, StandardCharsets.ISO_8859_1);
  }
}
