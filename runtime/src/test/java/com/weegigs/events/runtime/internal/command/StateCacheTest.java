package com.weegigs.events.runtime.internal.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.weegigs.events.runtime.AggregateId;
import com.weegigs.events.runtime.internal.command.StateCache.Current;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StateCacheTest {

  @Test
  void keepsTheNewestStateAndDropsTheLeastRecentlyUsedPastItsSize() {
    StateCache<String> cache = new StateCache<>(2);
    AggregateId a = new AggregateId("receipt", "a");
    AggregateId b = new AggregateId("receipt", "b");
    AggregateId c = new AggregateId("receipt", "c");
    cache.put(a, new Current<>(2, "a@2"));
    cache.put(a, new Current<>(1, "a@1"));
    assertEquals("a@2", cache.get(a).state(), "an older state never replaces a newer one");
    cache.put(b, new Current<>(1, "b@1"));
    cache.get(a);
    cache.put(c, new Current<>(1, "c@1"));
    assertNull(cache.get(b), "b was the least recently used");
    assertEquals("a@2", cache.get(a).state());
    assertEquals("c@1", cache.get(c).state());
  }

  /**
   * A stripe is a hash table that indexes by the low bits of the hash. Striping by those same
   * bits left each stripe's entries in one bucket in sixteen; the stripes must spread their
   * entries over the buckets as well as the whole cache does.
   */
  @Test
  void eachStripeSpreadsItsEntriesOverItsBuckets() {
    StateCache<String> cache = new StateCache<>(StateCache.STRIPED_FROM * 16);
    List<Set<Integer>> bucketsPerStripe = new ArrayList<>();
    int[] entriesPerStripe = new int[StateCache.STRIPES];
    for (int i = 0; i < StateCache.STRIPES; i++) {
      bucketsPerStripe.add(new HashSet<>());
    }
    int buckets = 1024;
    for (int slot = 0; slot < 64; slot++) {
      for (int n = 0; n < 256; n++) {
        AggregateId id = new AggregateId("receipt", "r-" + slot + "-" + n);
        int stripe = cache.stripeOf(id);
        int hash = id.hashCode();
        bucketsPerStripe.get(stripe).add((hash ^ (hash >>> 16)) & (buckets - 1));
        entriesPerStripe[stripe]++;
      }
    }
    for (int stripe = 0; stripe < StateCache.STRIPES; stripe++) {
      int entries = entriesPerStripe[stripe];
      assertTrue(entries > 16_384 / StateCache.STRIPES / 2, "stripe " + stripe + " holds only " + entries + " of 16384");
      // ~1,024 entries thrown at random into 1,024 buckets fill about 63 % of them
      int used = bucketsPerStripe.get(stripe).size();
      assertTrue(used > buckets / 2, "stripe " + stripe + " uses " + used + " of " + buckets + " buckets");
    }
  }
}
