package com.weegigs.events.runtime.internal.wire;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.EventMetadata;
import com.weegigs.events.runtime.RecordedEvent;
import com.weegigs.events.runtime.fixtures.Counters.Added;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/** What the tests of the bodies share: an aggregate, a timestamp, recorded events, and UTF-8 text. */
final class WireSamples {
  static final AggregateId ID = new AggregateId("counter", "c-1");
  static final Instant T = Instant.parse("2026-11-27T10:00:00.123Z");

  private WireSamples() {}

  static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static RecordedEvent<Added> event(long revision, long amount) {
    return new RecordedEvent<>("e-" + revision, ID, "added", revision, T, new Added(amount),
        new EventMetadata("c-42", "m-1", revision == 1 ? "ann" : null));
  }
}
