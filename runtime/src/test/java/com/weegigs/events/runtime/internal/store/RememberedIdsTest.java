package com.weegigs.events.runtime.internal.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class RememberedIdsTest {
  private static final String ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

  /** A clock the test moves by hand. */
  private static final class ManualClock extends Clock {
    long millis = 1_000_000;

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return Instant.ofEpochMilli(millis);
    }
  }

  private static String ulid(Random random) {
    StringBuilder id = new StringBuilder().append((char) ('0' + random.nextInt(8)));
    for (int i = 1; i < 26; i++) {
      id.append(ALPHABET.charAt(random.nextInt(32)));
    }
    return id.toString();
  }

  /** One remembered id as a plain map and queue would keep it. */
  private record Entry(String id, long atMillis, long first) {}

  @Test
  void findsWhatAPlainMapWouldFindThroughManyInsertionsEvictionsAndReplacements() {
    ManualClock clock = new ManualClock();
    int maxRemembered = 5_000;
    long window = 2_000;
    RememberedIds<String> ids = new RememberedIds<>(maxRemembered, window, clock);
    Random random = new Random(42);
    List<String> seen = new ArrayList<>();
    // the model: the newest entry of each id; every entry in order, a replaced one keeping its place
    Map<String, Entry> newest = new HashMap<>();
    ArrayDeque<Entry> order = new ArrayDeque<>();
    for (int step = 0; step < 200_000; step++) {
      clock.millis += random.nextInt(3) == 0 ? 1 : 0;
      String id;
      int kind = random.nextInt(20);
      if (kind == 0 && !seen.isEmpty()) {
        id = seen.get(random.nextInt(seen.size())); // an id seen before, perhaps forgotten
      } else if (kind == 1) {
        id = "order-" + random.nextInt(1_000_000); // not a ULID
      } else if (kind == 2) {
        id = ulid(random).toLowerCase();
      } else {
        id = ulid(random);
      }
      seen.add(id);
      Entry expected = newest.get(id);
      RememberedIds.Recorded<String> found = ids.find(id);
      if (expected != null && clock.millis - expected.atMillis() < window) {
        assertEquals(new RememberedIds.Recorded<>("owner-" + id, expected.first(), 1), found, id);
        continue;
      }
      assertNull(found, id);
      ids.remember(id, "owner-" + id, step, 1);
      Entry entry = new Entry(id, clock.millis, step);
      newest.put(id, entry);
      order.add(entry);
      while (!order.isEmpty()
          && (order.size() > maxRemembered || clock.millis - order.peek().atMillis() >= window)) {
        Entry oldest = order.poll();
        newest.remove(oldest.id(), oldest);
      }
    }
  }

  @Test
  void forgetsTheOldestOverTheCountAndEverythingPastTheWindow() {
    ManualClock clock = new ManualClock();
    RememberedIds<String> ids = new RememberedIds<>(3, 1_000, clock);
    for (int i = 0; i < 5; i++) {
      ids.remember("m" + i, "s", i, 1);
    }
    assertNull(ids.find("m0"));
    assertNull(ids.find("m1"));
    assertEquals(new RememberedIds.Recorded<>("s", 2, 1), ids.find("m2"));
    assertEquals(3, ids.size());

    clock.millis += 999;
    assertEquals(new RememberedIds.Recorded<>("s", 4, 1), ids.find("m4"));
    clock.millis += 1;
    assertNull(ids.find("m4"));
    ids.remember("m5", "s", 5, 2);
    assertEquals(1, ids.size());
    assertEquals(new RememberedIds.Recorded<>("s", 5, 2), ids.find("m5"));

    // past the window an id is found no more, and remembering it again replaces the old entry
    clock.millis += 1_000;
    assertNull(ids.find("m5"));
    ids.remember("m5", "t", 9, 1);
    assertEquals(new RememberedIds.Recorded<>("t", 9, 1), ids.find("m5"));
    assertEquals(1, ids.size());
  }

  @Test
  void growsFromASmallRingToHoldEveryIdItMayKeep() {
    RememberedIds<Integer> ids = new RememberedIds<>(100_000, 60_000, new ManualClock());
    Random random = new Random(3);
    List<String> all = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String id = ulid(random);
      all.add(id);
      ids.remember(id, i, i, 1);
    }
    assertEquals(100_000, ids.size());
    for (int i = 0; i < all.size(); i++) {
      assertEquals(new RememberedIds.Recorded<>(i, i, 1), ids.find(all.get(i)));
    }
    ids.remember("one-more", -1, 0, 1);
    assertNull(ids.find(all.get(0)));
    assertEquals(100_000, ids.size());
  }

  @Test
  void takesAnyCountAndRefusesNonsense() {
    RememberedIds<String> unlimited = new RememberedIds<>(Integer.MAX_VALUE, 1, new ManualClock());
    unlimited.remember("a", "s", 0, 1);
    assertEquals(new RememberedIds.Recorded<>("s", 0, 1), unlimited.find("a"));
    assertThrows(IllegalArgumentException.class, () -> new RememberedIds<>(0, 1, new ManualClock()));
    assertThrows(IllegalArgumentException.class, () -> new RememberedIds<>(1, 0, new ManualClock()));
  }
}
