package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Instant;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class TimestampsTest {

  @Test
  void readsWhatInstantWritesExactlyAsInstantParseDoes() {
    SplittableRandom random = new SplittableRandom(42);
    long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 20_000; i++) {
      long seconds = random.nextLong(0, latest);
      int nanos = nanos(random, i);
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      String text = instant.toString();
      assertEquals(Instant.parse(text), Timestamps.parseCanonicalUtc(text), text);
    }
  }

  @Test
  void readsEveryFractionLength() {
    for (String text : new String[] {
        "2026-11-27T10:00:00Z", "2026-11-27T10:00:00.1Z", "2026-11-27T10:00:00.12Z",
        "2026-11-27T10:00:00.123Z", "2026-11-27T10:00:00.1234Z", "2026-11-27T10:00:00.123456789Z",
        "2024-02-29T23:59:59.999999999Z", "1970-01-01T00:00:00Z", "0001-01-01T00:00:00Z"}) {
      assertEquals(Instant.parse(text), Timestamps.parseCanonicalUtc(text), text);
    }
  }

  @Test
  void readsATimestampInsideALongerRunOfCharacters() {
    char[] text = "\"at\":\"2024-02-29T23:59:59.5Z\",".toCharArray();
    assertEquals(Instant.parse("2024-02-29T23:59:59.5Z"), Timestamps.parseCanonicalUtc(text, 6, 22));
    assertNull(Timestamps.parseCanonicalUtc(text, 6, 21), "cut short before its Z");
  }

  @Test
  void leavesEverythingElseToTheFullParser() {
    for (String text : new String[] {
        "", "2026-11-27", "2026-11-27T10:00:00", "2026-11-27T10:00:00+01:00", "2026-11-27T10:00Z",
        "2026-11-27T10:00:00.Z", "2026-11-27T10:00:00.1234567890Z", "2026-11-27t10:00:00Z",
        "2026-13-01T00:00:00Z", "2026-04-31T00:00:00Z", "2023-02-29T00:00:00Z",
        "2026-11-27T24:00:00Z", "2026-11-27T23:60:00Z", "2026-12-31T23:59:60Z",
        "+12026-11-27T10:00:00Z", "2026-11-27T10:00:0aZ", "2026-11-27 10:00:00Z",
        "2026/11/27T10:00:00Z", "2026-11-27T10:00:00,5Z"}) {
      assertNull(Timestamps.parseCanonicalUtc(text), text);
    }
  }

  @Test
  void writesWhatInstantToStringWrites() {
    SplittableRandom random = new SplittableRandom(7);
    long earliest = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
    long latest = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
    for (int i = 0; i < 50_000; i++) {
      long seconds = i % 10 == 0 ? random.nextLong(earliest, latest + 1) : random.nextLong(0, 4_102_444_800L);
      int nanos = nanos(random, i);
      Instant instant = Instant.ofEpochSecond(seconds, nanos);
      assertEquals(instant.toString(), Timestamps.formatUtc(instant));
      assertEquals(instant.toString(), Timestamps.format(instant));
    }
    for (Instant edge : new Instant[] {Instant.EPOCH, Instant.MIN, Instant.MAX, Instant.ofEpochSecond(-1, 999_999_999),
        Instant.parse("0000-01-01T00:00:00Z"), Instant.parse("9999-12-31T23:59:59.999999999Z"),
        Instant.parse("-0001-12-31T23:59:59Z"), Instant.parse("+10000-01-01T00:00:00Z"), Instant.parse("2024-02-29T12:00:00.5Z")}) {
      assertEquals(edge.toString(), Timestamps.formatUtc(edge));
    }
  }

  /** Nanoseconds of each precision in turn: none, milliseconds, microseconds, nanoseconds. */
  private static int nanos(SplittableRandom random, int i) {
    return switch (i % 4) {
      case 0 -> 0;
      case 1 -> random.nextInt(1000) * 1_000_000;
      case 2 -> random.nextInt(1_000_000) * 1_000;
      default -> random.nextInt(1_000_000_000);
    };
  }
}
