package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * The {@code k} oldest of the lines offered, oldest meaning the earliest latest sighting and, among
 * equal ones, the smallest hash. Kept in a max-heap of primitive pairs, so a pass over a full
 * boilerplate model (2,000 lines) boxes nothing and calls no comparator.
 */
final class OldestLines {

  private final long[] latest;
  private final long[] hash;
  private int size;

  OldestLines(int k) {
    this.latest = new long[k];
    this.hash = new long[k];
  }

  void offer(long lineLatest, long lineHash) {
    if (size < latest.length) {
      latest[size] = lineLatest;
      hash[size] = lineHash;
      siftUp(size++);
    } else if (size > 0 && older(lineLatest, lineHash, 0)) {
      // younger than none kept: the youngest kept, at the root, makes way
      latest[0] = lineLatest;
      hash[0] = lineHash;
      siftDown(0);
    }
  }

  /** The hashes of the oldest lines offered, in no particular order. */
  long[] hashes() {
    return Arrays.copyOf(hash, size);
  }

  /** Whether the pair is older than the one at {@code i}. */
  private boolean older(long l, long h, int i) {
    return l < latest[i] || (l == latest[i] && h < hash[i]);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!older(latest[parent], hash[parent], i)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int younger = i;
      for (int child = 2 * i + 1; child <= 2 * i + 2 && child < size; child++) {
        if (older(latest[younger], hash[younger], child)) {
          younger = child;
        }
      }
      if (younger == i) {
        return;
      }
      swap(i, younger);
      i = younger;
    }
  }

  private void swap(int i, int j) {
    long l = latest[i];
    latest[i] = latest[j];
    latest[j] = l;
    long h = hash[i];
    hash[i] = hash[j];
    hash[j] = h;
  }
}
