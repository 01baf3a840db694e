package com.weegigs.events.runtime.internal.store;

import java.time.Clock;
import java.util.Arrays;

/**
 * The {@code messageId}s a store remembers for its de-duplication window, each with what it
 * recorded: an owner (the in-memory store's stream), the first revision and the number of events.
 * The oldest are forgotten first, when they are older than the window or when more than
 * {@code maxRemembered} are kept.
 *
 * <p>Why not a map of objects: every command is remembered for seconds to minutes, long enough for
 * the garbage collector to copy each of its objects several times (a map node, the id's string, an
 * entry and a queue node: a quarter of a kilobyte per command at tens of thousands of commands a
 * second). Here a remembered id costs no object at all: the entries live in parallel arrays used as
 * a ring, found through an open-addressing table of ring positions, and a ULID in its canonical
 * form (26 upper-case Crockford characters, as the generated client makes them) is kept as its
 * 128 bits. Any other {@code messageId} is kept as its string; ids are compared exactly as
 * strings, so a ULID in lower case is another id.
 *
 * <p>Thread-safe: {@link #find} and {@link #remember} hold this object's lock briefly (a few table
 * slots and, when remembering, the oldest entries forgotten).
 *
 * @param <T> what owns the events an id recorded
 */
public final class RememberedIds<T> {
  /** What an id recorded: the events {@code first + 1} to {@code first + count} of {@code owner}. */
  public record Recorded<T>(T owner, long first, int count) {}

  private static final int FIRST_CAPACITY = 1 << 10;
  private static final int LARGEST_CAPACITY = 1 << 29;
  private static final int[] CROCKFORD = crockford();

  private final int maxRemembered;
  private final long windowMillis;
  private final Clock clock;
  private final int largestCapacity;

  // the ring: position (sequence & mask) holds one entry; head is the oldest sequence, tail the next
  private int mask;
  private long head;
  private long tail;
  private long[] high;
  private long[] low;
  private String[] names; // null for a canonical ULID, kept as high and low
  private int[] hashes;
  private long[] atMillis;
  private Object[] owners; // null once the entry is forgotten or replaced
  private long[] firsts;
  private int[] counts;
  /**
   * Each entry's hash (high half) and ring position + 1 (low half), 0 for a free slot; twice the
   * ring's size, linear probing. The hash beside the position means that looking for an id that
   * is not there, the usual case, reads this array alone: one cache miss instead of one per array.
   */
  private long[] table;

  // the last id positionOf looked for, so that remember need not read it again (under the lock)
  private boolean probeUlid;
  private long probeHigh;
  private long probeLow;
  private int probeHash;

  /**
   * @param maxRemembered how many ids are kept at most; positive
   * @param windowMillis how long an id is kept, in milliseconds; positive
   * @param clock the clock the window is measured with
   */
  public RememberedIds(int maxRemembered, long windowMillis, Clock clock) {
    if (maxRemembered < 1 || windowMillis < 1) {
      throw new IllegalArgumentException("maxRemembered and windowMillis must be positive");
    }
    this.maxRemembered = maxRemembered;
    this.windowMillis = windowMillis;
    this.clock = clock;
    this.largestCapacity = (int) Math.min(LARGEST_CAPACITY, Long.highestOneBit(Math.max(1L, maxRemembered - 1L)) << 1);
    allocate(Math.min(FIRST_CAPACITY, largestCapacity));
  }

  /** What {@code messageId} recorded within the window, or {@code null}. */
  public synchronized Recorded<T> find(String messageId) {
    int position = positionOf(messageId);
    if (position < 0 || clock.millis() - atMillis[position] >= windowMillis) {
      return null;
    }
    @SuppressWarnings("unchecked")
    T owner = (T) owners[position];
    return new Recorded<>(owner, firsts[position], counts[position]);
  }

  /**
   * Remembers that {@code messageId} recorded the events {@code first + 1} to {@code first +
   * count} of {@code owner}, in place of anything it recorded before, and forgets what is now past
   * the window or over the count.
   */
  public synchronized void remember(String messageId, T owner, long first, int count) {
    long now = clock.millis();
    int earlier = positionOf(messageId);
    if (earlier >= 0) {
      unlink(earlier);
    }
    if (tail - head == mask + 1) {
      if (mask + 1 < largestCapacity) {
        allocate((mask + 1) * 2);
      } else {
        forgetOldest();
      }
    }
    // positionOf left the id's bits and hash in the probe fields
    int position = (int) (tail++ & mask);
    high[position] = probeHigh;
    low[position] = probeLow;
    names[position] = probeUlid ? null : messageId;
    hashes[position] = probeHash;
    atMillis[position] = now;
    owners[position] = owner;
    firsts[position] = first;
    counts[position] = count;
    link(position);
    while (tail > head && (tail - head > maxRemembered || now - atMillis[(int) (head & mask)] >= windowMillis)) {
      forgetOldest();
    }
  }

  /** How many ids are remembered (including any past the window not yet forgotten). */
  public synchronized int size() {
    int size = 0;
    for (long sequence = head; sequence < tail; sequence++) {
      if (owners[(int) (sequence & mask)] != null) {
        size++;
      }
    }
    return size;
  }

  private void forgetOldest() {
    int position = (int) (head++ & mask);
    if (owners[position] != null) {
      unlink(position);
    }
  }

  /** Takes the entry at {@code position} out of the table; the ring slot stays until it is the oldest. */
  private void unlink(int position) {
    int slots = table.length - 1;
    int slot = hashes[position] & slots;
    while ((int) table[slot] != position + 1) {
      slot = (slot + 1) & slots;
    }
    // backward-shift deletion keeps every entry reachable from its home slot without tombstones
    int free = slot;
    int next = free;
    while (true) {
      next = (next + 1) & slots;
      long entry = table[next];
      if (entry == 0) {
        break;
      }
      int home = (int) (entry >>> 32) & slots;
      boolean homeBetween = free <= next ? free < home && home <= next : free < home || home <= next;
      if (!homeBetween) {
        table[free] = entry;
        free = next;
      }
    }
    table[free] = 0;
    owners[position] = null;
    names[position] = null;
  }

  private void link(int position) {
    int slots = table.length - 1;
    int slot = hashes[position] & slots;
    while (table[slot] != 0) {
      slot = (slot + 1) & slots;
    }
    table[slot] = ((long) hashes[position] << 32) | (position + 1);
  }

  /**
   * The ring position of {@code messageId}, or -1; leaves the id's form and hash in the probe
   * fields for {@link #remember}.
   */
  private int positionOf(String messageId) {
    // one pass reads a canonical ULID's bits; any other character, length or first digit over 7 ends it
    boolean ulid = messageId.length() == 26 && messageId.charAt(0) <= '7';
    long hi = 0;
    long lo = 0;
    for (int i = 0; ulid && i < 26; i++) {
      char c = messageId.charAt(i);
      int digit = c < 128 ? CROCKFORD[c] : -1;
      hi = (hi << 5) | (lo >>> 59);
      lo = (lo << 5) | digit;
      ulid = digit >= 0;
    }
    if (!ulid) {
      hi = 0;
      lo = 0;
    }
    int hash = hash(messageId, hi, lo, ulid);
    probeUlid = ulid;
    probeHigh = hi;
    probeLow = lo;
    probeHash = hash;
    int slots = table.length - 1;
    for (int slot = hash & slots; table[slot] != 0; slot = (slot + 1) & slots) {
      long entry = table[slot];
      if ((int) (entry >>> 32) != hash) {
        continue;
      }
      int position = (int) entry - 1;
      if (ulid ? names[position] == null && high[position] == hi && low[position] == lo
          : messageId.equals(names[position])) {
        return position;
      }
    }
    return -1;
  }

  /** A larger ring, the entries kept in order and the table built again. */
  private void allocate(int capacity) {
    long[] oldHigh = high;
    long[] oldLow = low;
    String[] oldNames = names;
    int[] oldHashes = hashes;
    long[] oldAt = atMillis;
    Object[] oldOwners = owners;
    long[] oldFirsts = firsts;
    int[] oldCounts = counts;
    int oldMask = mask;
    long oldHead = head;
    long oldTail = tail;
    high = new long[capacity];
    low = new long[capacity];
    names = new String[capacity];
    hashes = new int[capacity];
    atMillis = new long[capacity];
    owners = new Object[capacity];
    firsts = new long[capacity];
    counts = new int[capacity];
    table = new long[capacity * 2];
    mask = capacity - 1;
    head = 0;
    tail = 0;
    if (oldOwners == null) {
      return;
    }
    for (long sequence = oldHead; sequence < oldTail; sequence++) {
      int from = (int) (sequence & oldMask);
      if (oldOwners[from] == null) {
        continue;
      }
      int to = (int) tail++;
      high[to] = oldHigh[from];
      low[to] = oldLow[from];
      names[to] = oldNames[from];
      hashes[to] = oldHashes[from];
      atMillis[to] = oldAt[from];
      owners[to] = oldOwners[from];
      firsts[to] = oldFirsts[from];
      counts[to] = oldCounts[from];
      link(to);
    }
  }

  private static int hash(String messageId, long hi, long lo, boolean ulid) {
    long h = ulid ? hi * 31 + lo : messageId.hashCode();
    // a finalizer from MurmurHash3: ids that differ in few bits still spread over the table
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    return (int) h;
  }

  private static int[] crockford() {
    int[] values = new int[128];
    Arrays.fill(values, -1);
    String alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    for (int i = 0; i < alphabet.length(); i++) {
      values[alphabet.charAt(i)] = i;
    }
    return values;
  }
}
