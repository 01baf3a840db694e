package com.weegigs.events.runtime.client;

import java.util.concurrent.ThreadLocalRandom;

/**
 * W3C {@code traceparent} values ({@code 00-<trace id>-<span id>-<flags>}) for requests that
 * start a trace. The wire contract puts trace context on every request; until the client joins an
 * application's tracer, each call starts its own trace, not sampled, so the service and its events
 * can still be tied to the call.
 */
final class TraceParents {
  private static final char[] HEX = "0123456789abcdef".toCharArray();

  private TraceParents() {}

  /** A new trace: random non-zero trace and span ids, flags {@code 00}. */
  static String newRoot() {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    StringBuilder text = new StringBuilder(55).append("00-");
    long high = random.nextLong();
    long low = random.nextLong();
    if (high == 0 && low == 0) {
      low = 1; // an all-zero trace id is invalid
    }
    hex(text, high);
    hex(text, low);
    text.append('-');
    long span = random.nextLong();
    hex(text, span == 0 ? 1 : span);
    return text.append("-00").toString();
  }

  private static void hex(StringBuilder text, long value) {
    for (int shift = 60; shift >= 0; shift -= 4) {
      text.append(HEX[(int) ((value >>> shift) & 0xF)]);
    }
  }
}
