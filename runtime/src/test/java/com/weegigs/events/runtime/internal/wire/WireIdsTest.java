package com.weegigs.events.runtime.internal.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class WireIdsTest {

  @Test
  void ulidWritesTheTimeThenEightyRandomBitsInCrockfordBase32() {
    assertEquals("00000000000000000000000000", WireIds.ulid(0, 0, 0));
    assertEquals("0000000001" + "000000000000000Z", WireIds.ulid(1, 0, 31));
    assertEquals("0000000000" + "ZZZZZZZZZZZZZZZZ", WireIds.ulid(0, 0xFFFF, -1L));
    // the low bit of random16 is bit 64 of the 80: the top bit of the fourth random character
    assertEquals("0000000000" + "000G000000000000", WireIds.ulid(0, 1, 0));
  }

  @Test
  void ulidUsesOnlyTheLowSixteenBitsOfRandom16AndFortyEightBitsOfTime() {
    assertEquals(WireIds.ulid(5, 0x1234, 99), WireIds.ulid(5, 0x7_0000_1234L, 99));
    assertEquals(WireIds.ulid(0x1_0000_0000_0000L, 0, 0), WireIds.ulid(0, 0, 0));
    assertTrue(WireIds.ulid(1_764_000_000_000L, 0, 0).compareTo(WireIds.ulid(1_764_000_000_001L, 0, 0)) < 0);
  }
}
