package com.weegigs.events.runtime.client;

import com.weegigs.events.runtime.internal.wire.WireIds;
import java.security.SecureRandom;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;

/**
 * New message ids: ULIDs (26 characters of Crockford base 32, a millisecond timestamp then 80
 * random bits), so ids sort by creation time and are unique without coordination.
 *
 * <p>A command's messageId is its identity across every client of a service: two clients that drew
 * the same one would have the second command answered with the first one's reply. So the bits
 * come from a generator per thread with 384 bits of state ({@code L128X256MixRandom}), each seeded
 * from {@link SecureRandom}: generators seeded apart never meet in practice, and a call pays
 * for neither {@code SecureRandom}'s lock nor its hashing (both showed in profiles of busy clients).
 */
final class MessageIds {
  private static final SecureRandom SEEDS = new SecureRandom();
  private static final RandomGeneratorFactory<RandomGenerator> FACTORY = RandomGeneratorFactory.of("L128X256MixRandom");
  private static final ThreadLocal<RandomGenerator> RANDOM = ThreadLocal.withInitial(MessageIds::seeded);

  private MessageIds() {}

  /** A new ULID. */
  static String next() {
    RandomGenerator random = RANDOM.get();
    return WireIds.ulid(System.currentTimeMillis(), random.nextLong(), random.nextLong());
  }

  private static RandomGenerator seeded() {
    byte[] seed = new byte[48];
    SEEDS.nextBytes(seed);
    return FACTORY.create(seed);
  }
}
