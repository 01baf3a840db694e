package com.weegigs.events.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class AggregateIdTest {

  @Test
  void equalIdsHaveEqualHashesAndCompareAsEqual() {
    AggregateId one = new AggregateId("receipt", "r-1");
    AggregateId same = new AggregateId(new String("receipt"), new String("r-1"));
    assertEquals(one, same);
    assertEquals(one.hashCode(), same.hashCode());
    assertEquals(0, one.compareTo(same));
    assertNotEquals(one, new AggregateId("receipt", "r-2"));
    assertNotEquals(one, new AggregateId("order", "r-1"));
    assertNotEquals(one, "receipt/r-1");
  }

  @Test
  void idsOrderByTypeThenKey() {
    List<AggregateId> ids = new ArrayList<>(List.of(
        new AggregateId("receipt", "b"), new AggregateId("order", "z"), new AggregateId("receipt", "a")));
    ids.sort(null);
    assertEquals(List.of(new AggregateId("order", "z"), new AggregateId("receipt", "a"), new AggregateId("receipt", "b")), ids);
  }

  /** Keys that differ in a digit or two still land in different buckets of a hash table. */
  @Test
  void similarKeysSpreadOverTheLowBitsAndTheHighBits() {
    Set<Integer> low = new HashSet<>();
    Set<Integer> high = new HashSet<>();
    for (int n = 0; n < 4096; n++) {
      int hash = new AggregateId("order", "order-" + n).hashCode();
      low.add(hash & 4095);
      high.add(hash >>> 20);
    }
    // 4,096 keys thrown at random into 4,096 buckets fill about 63 % of them
    assertTrue(low.size() > 2048, "low 12 bits: " + low.size() + " distinct of 4096");
    assertTrue(high.size() > 2048, "high 12 bits: " + high.size() + " distinct of 4096");
  }

  @Test
  void refusesAnInvalidTypeAndAnEmptyOrOverlongKey() {
    assertThrows(IllegalArgumentException.class, () -> new AggregateId("Receipt", "r-1"));
    assertThrows(IllegalArgumentException.class, () -> new AggregateId("receipt", ""));
    assertThrows(IllegalArgumentException.class, () -> new AggregateId("receipt", "é".repeat(129)));
  }
}
