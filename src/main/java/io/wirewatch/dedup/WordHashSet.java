package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * A set of {@link Hashing#wordHash}es, asked about every word of every article: whether it is a
 * common word. About half the words of news are, so a probe loop's exit is a coin toss the branch
 * predictor loses. Here a member lies in its home slot or the next, so a test is two compares and
 * no branch; a table for a few hundred words is a few kilobytes and stays in the first-level cache.
 * The rare member that finds both slots taken goes to a sorted overflow array instead.
 */
final class WordHashSet {

  private static final long[] NONE = new long[0];

  private long[] slots;
  private int mask;
  private final long[] overflow;

  WordHashSet(long[] hashes, int count) {
    int size = Integer.highestOneBit(Math.max(8, count * 4 - 1)) << 1;
    // a larger table until no member overflows, within reason: an overflow costs a binary search
    // on every word that is not a member
    long[] over = fill(hashes, count, size);
    for (int tries = 0; tries < 6 && over.length > 0; tries++) {
      size *= 2;
      over = fill(hashes, count, size);
    }
    overflow = over;
  }

  /**
   * Fills a table of {@code size} slots into {@link #slots}; the members that found both their
   * slots taken, sorted.
   */
  private long[] fill(long[] hashes, int count, int size) {
    mask = size - 1;
    slots = new long[size];
    boolean[] taken = new boolean[size];
    // A free slot holds a value whose home is two slots on, which no hash that can look there (one
    // at home in that slot or the one before) equals: no value needs to be reserved as "free".
    for (int slot = 0; slot < size; slot++) {
      slots[slot] = (slot + 2) & mask;
    }
    long[] over = NONE;
    for (int i = 0; i < count; i++) {
      long h = hashes[i];
      int home = (int) h & mask;
      int next = (home + 1) & mask;
      if (slots[home] == h || slots[next] == h || Arrays.binarySearch(over, h) >= 0) {
        continue;
      }
      int slot = !taken[home] ? home : !taken[next] ? next : -1;
      if (slot >= 0) {
        slots[slot] = h;
        taken[slot] = true;
      } else {
        over = Arrays.copyOf(over, over.length + 1);
        over[over.length - 1] = h;
        Arrays.sort(over);
      }
    }
    return over;
  }

  boolean contains(long hash) {
    int home = (int) hash & mask;
    boolean inTable = slots[home] == hash | slots[(home + 1) & mask] == hash;
    // tested on the overflow first, which is the same for every call: a branch on inTable would be
    // the coin toss this class avoids
    return overflow.length == 0 ? inTable : inTable || Arrays.binarySearch(overflow, hash) >= 0;
  }
}
