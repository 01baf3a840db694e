package com.weegigs.events.runtime.internal.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class BytePagesTest {
  /** The value of {@code reference}, read back as the store reads it: page, offset and length. */
  private static byte[] copy(BytePages pages, long reference) {
    byte[] page = pages.page(reference);
    int offset = BytePages.offset(reference);
    return java.util.Arrays.copyOfRange(page, offset, offset + BytePages.length(reference, page));
  }

  private static byte[] value(Random random, int length) {
    byte[] value = new byte[length];
    random.nextBytes(value);
    return value;
  }

  @Test
  void givesBackEveryValueAcrossPagesOfGrowingSize() {
    BytePages pages = new BytePages();
    Random random = new Random(7);
    List<byte[]> values = new ArrayList<>();
    List<Long> references = new ArrayList<>();
    // 12 MB in values of 1 byte to 20 KB: every page size up to the largest, and many pages of it
    long kept = 0;
    while (kept < 12_000_000) {
      byte[] value = value(random, 1 + random.nextInt(random.nextInt(10) == 0 ? 20_000 : 600));
      values.add(value);
      references.add(pages.add(value));
      kept += value.length;
    }
    for (int i = 0; i < values.size(); i++) {
      long reference = references.get(i);
      byte[] page = pages.page(reference);
      int offset = BytePages.offset(reference);
      assertEquals(values.get(i).length, BytePages.length(reference, page));
      assertArrayEquals(values.get(i), java.util.Arrays.copyOfRange(page, offset, offset + values.get(i).length));
      assertArrayEquals(values.get(i), copy(pages, reference));
    }
  }

  @Test
  void givesAValueLargerThanItsLimitAPageOfItsOwnAndCopiesWhatItIsGiven() {
    BytePages pages = new BytePages();
    byte[] small = {1, 2, 3};
    byte[] large = value(new Random(1), BytePages.MAX_PAGE_SIZE * 2 + 5);
    byte[] largeAsGiven = large.clone();

    long smallReference = pages.add(small);
    long largeReference = pages.add(large);
    long afterReference = pages.add(small);
    small[0] = 9;
    large[0] = 9;

    assertArrayEquals(new byte[] {1, 2, 3}, copy(pages, smallReference));
    assertEquals(large.length, pages.page(largeReference).length);
    assertEquals(0, BytePages.offset(largeReference));
    assertNotSame(large, pages.page(largeReference));
    assertArrayEquals(largeAsGiven, copy(pages, largeReference));
    assertSame(pages.page(smallReference), pages.page(afterReference), "small values share the page");
    assertEquals(3, BytePages.offset(afterReference));
    assertThrows(IllegalArgumentException.class, () -> pages.add(new byte[0]));
  }

  @Test
  void keepsValuesAddedFromManyThreadsApart() throws Exception {
    BytePages pages = new BytePages();
    ExecutorService threads = Executors.newFixedThreadPool(4);
    try {
      List<Future<List<long[]>>> work = new ArrayList<>();
      for (int t = 0; t < 4; t++) {
        int thread = t;
        work.add(threads.submit(() -> {
          // each value is its thread and index, repeated: any overlap or tear shows
          List<long[]> mine = new ArrayList<>();
          for (int i = 0; i < 20_000; i++) {
            byte[] value = new byte[8 + (i % 50)];
            java.util.Arrays.fill(value, (byte) (thread * 50 + i % 50));
            mine.add(new long[] {pages.add(value), value.length, value[0]});
          }
          return mine;
        }));
      }
      for (Future<List<long[]>> future : work) {
        for (long[] added : future.get()) {
          byte[] copy = copy(pages, added[0]);
          assertEquals(added[1], copy.length);
          for (byte b : copy) {
            assertEquals((byte) added[2], b);
          }
        }
      }
    } finally {
      threads.shutdownNow();
    }
  }
}
