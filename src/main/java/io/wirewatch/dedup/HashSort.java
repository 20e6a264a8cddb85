package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * Sorts an article's line hashes, ascending as signed longs: placed by their top bits into about
 * twice as many buckets as there are hashes, then put in order by an insertion sort that finds
 * nearly all of them in place already. Line hashes are spread evenly, so a bucket rarely holds more
 * than one; sorting them with {@link Arrays#sort} mispredicted about every other comparison and was
 * a third of learning an article.
 *
 * <p>Not thread-safe: the buffers are reused.
 */
final class HashSort {

  // beyond this many hashes, Arrays.sort: the buckets would grow with the body, and an article of
  // that many lines is rare
  private static final int MAX_BUCKETED = 1024;

  private long[] placed = new long[128];
  private int[] starts = new int[257];

  /** Sorts {@code hashes[0, n)}. */
  void sort(long[] hashes, int n) {
    if (n > MAX_BUCKETED) {
      Arrays.sort(hashes, 0, n);
      return;
    }
    int bits = Math.max(4, 33 - Integer.numberOfLeadingZeros(n));
    int buckets = 1 << bits;
    if (starts.length < buckets + 1) {
      starts = new int[buckets + 1];
      placed = new long[buckets];
    }
    Arrays.fill(starts, 0, buckets + 1, 0);
    int shift = 64 - bits;
    for (int i = 0; i < n; i++) {
      starts[bucket(hashes[i], shift) + 1]++;
    }
    for (int b = 0; b < buckets; b++) {
      starts[b + 1] += starts[b];
    }
    for (int i = 0; i < n; i++) {
      placed[starts[bucket(hashes[i], shift)]++] = hashes[i];
    }
    // each bucket's hashes are now before the next bucket's; order within a bucket
    for (int i = 0; i < n; i++) {
      long h = placed[i];
      int j = i;
      while (j > 0 && hashes[j - 1] > h) {
        hashes[j] = hashes[j - 1];
        j--;
      }
      hashes[j] = h;
    }
  }

  /** The hash's bucket: its top bits, the sign flipped so that buckets go in signed order. */
  private static int bucket(long hash, int shift) {
    return (int) ((hash ^ Long.MIN_VALUE) >>> shift);
  }
}
