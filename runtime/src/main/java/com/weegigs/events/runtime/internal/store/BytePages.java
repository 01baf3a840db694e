package com.weegigs.events.runtime.internal.store;

import java.util.Arrays;

/**
 * Byte arrays kept for good, copied into a few large pages: the in-memory event store keeps each
 * event's wire form here instead of as an array of its own.
 *
 * <p>Why: a busy store keeps hundreds of bytes per command for as long as the process lives. As
 * one small array per event, every young collection copies the new ones and every marking cycle
 * visits each of them; copied into pages, the garbage collector sees a handful of large arrays that
 * hold no references, and the array the caller handed over dies young. Pages start small (a store in
 * a test keeps a few kilobytes) and double up to {@value #MAX_PAGE_SIZE} bytes; a value larger than
 * {@value #OWN_PAGE_ABOVE} bytes gets a page of its own.
 *
 * <p>{@link #add} answers a reference, a {@code long} that names the page, the offset and the
 * length; {@link #page}, {@link #offset} and {@link #length} read it back (the value is read in
 * place, never copied out). Thread-safe: adding is serialized; reading needs no lock, provided the
 * reference itself was handed over safely (a reader that got it under the lock it was stored under
 * sees the bytes).
 */
public final class BytePages {
  /** The largest page, in bytes. */
  public static final int MAX_PAGE_SIZE = 1 << 20;

  /** Values larger than this many bytes get a page of their own. */
  public static final int OWN_PAGE_ABOVE = MAX_PAGE_SIZE / 8;

  private static final int FIRST_PAGE_SIZE = 4 << 10;
  private static final int OFFSET_BITS = 20;
  private static final int LENGTH_BITS = 20;
  private static final int PAGE_SHIFT = OFFSET_BITS + LENGTH_BITS;
  private static final long FIELD_MASK = (1L << 20) - 1;
  private static final int MAX_PAGES = 1 << (64 - PAGE_SHIFT - 1);

  /**
   * Every page so far, read without a lock: a new page is stored before the directory is published
   * again, and a grown directory is a copy made under the lock, so any directory a reader sees
   * holds every page of every reference it can have been given.
   */
  private volatile byte[][] directory = new byte[4][];

  private int pages;
  private byte[] current;
  private int currentPage;
  private int used;

  /**
   * Copies {@code value} into a page and answers its reference.
   *
   * @throws IllegalArgumentException when {@code value} is empty
   * @throws IllegalStateException when the pages are exhausted (more than a terabyte kept)
   */
  public synchronized long add(byte[] value) {
    int length = value.length;
    if (length == 0) {
      throw new IllegalArgumentException("an empty value cannot be kept");
    }
    if (length > OWN_PAGE_ABOVE) {
      // length 0 in the reference means the whole page
      return reference(newPage(value.clone()), 0, 0);
    }
    if (current == null || current.length - used < length) {
      int size = current == null ? FIRST_PAGE_SIZE : Math.min(current.length * 2, MAX_PAGE_SIZE);
      while (size < length) {
        size *= 2;
      }
      current = new byte[size];
      used = 0;
      currentPage = newPage(current);
    }
    System.arraycopy(value, 0, current, used, length);
    long reference = reference(currentPage, used, length);
    used += length;
    return reference;
  }

  /** The page that {@code reference} is in. */
  public byte[] page(long reference) {
    return directory[(int) (reference >>> PAGE_SHIFT)];
  }

  /** Where in its page the value of {@code reference} starts. */
  public static int offset(long reference) {
    return (int) ((reference >>> LENGTH_BITS) & FIELD_MASK);
  }

  /** How many bytes long the value of {@code reference} in {@code page} is. */
  public static int length(long reference, byte[] page) {
    int length = (int) (reference & FIELD_MASK);
    return length == 0 ? page.length : length;
  }

  private int newPage(byte[] page) {
    if (pages == MAX_PAGES) {
      throw new IllegalStateException("the in-memory pages are full (" + MAX_PAGES + " pages)");
    }
    byte[][] pagesSoFar = directory;
    if (pages == pagesSoFar.length) {
      pagesSoFar = Arrays.copyOf(pagesSoFar, pagesSoFar.length * 2);
    }
    pagesSoFar[pages] = page;
    directory = pagesSoFar;
    return pages++;
  }

  private static long reference(int page, int offset, int length) {
    return ((long) page << PAGE_SHIFT) | ((long) offset << LENGTH_BITS) | length;
  }
}
