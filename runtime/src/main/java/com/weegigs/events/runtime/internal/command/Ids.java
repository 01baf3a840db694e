package com.weegigs.events.runtime.internal.command;

import com.weegigs.events.runtime.internal.wire.WireIds;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Ids the service makes (event ids, and message and correlation ids a request left out): ULIDs
 * from {@link ThreadLocalRandom}, cheap on the request path.
 */
public final class Ids {
  private Ids() {}

  /** A new id for {@code epochMillis}. */
  public static String next(long epochMillis) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    return WireIds.ulid(epochMillis, random.nextLong(), random.nextLong());
  }
}
