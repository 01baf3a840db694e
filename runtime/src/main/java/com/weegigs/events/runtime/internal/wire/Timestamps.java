package com.weegigs.events.runtime.internal.wire;

import java.time.Instant;

/**
 * ISO-8601 text of event timestamps, as {@link Instant#toString()} writes it. Formatting an
 * instant is costly and the events of one busy service share their millisecond, so the last
 * result is kept per thread.
 */
final class Timestamps {
  private static final ThreadLocal<Last> LAST = ThreadLocal.withInitial(Last::new);

  private Timestamps() {}

  static String format(Instant instant) {
    Last last = LAST.get();
    if (last.text != null && last.seconds == instant.getEpochSecond() && last.nanos == instant.getNano()) {
      return last.text;
    }
    String text = instant.toString();
    last.seconds = instant.getEpochSecond();
    last.nanos = instant.getNano();
    last.text = text;
    return text;
  }

  private static final class Last {
    long seconds;
    int nanos;
    String text;
  }
}
