package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * The lines of a {@link LineSightings} table in the order they are forgotten: oldest first, oldest
 * meaning the earliest latest sighting and, among equal ones, the smallest hash. A min-heap of
 * primitive triples (latest, hash, slot) that knows where each slot sits in it, so a line seen
 * again moves down in place and forgetting costs a few steps per line forgotten. A full model
 * forgets a few dozen lines for each article: picking them in a walk over all 2,000 lines cost more
 * than the rest of the boilerplate step.
 */
final class OldestLines {

  private long[] latest;
  private long[] hash;
  // slotAt[i] is the table slot of the line at heap index i; indexOf[slot] is the reverse
  private int[] slotAt;
  private int[] indexOf;
  private int size;

  /** An empty order for a table of {@code slots} slots. */
  OldestLines(int slots) {
    latest = new long[Math.max(1, slots / 2)];
    hash = new long[latest.length];
    slotAt = new int[latest.length];
    indexOf = new int[slots];
  }

  int size() {
    return size;
  }

  /** Adds the line held at {@code slot}. */
  void add(int slot, long lineLatest, long lineHash) {
    if (size == latest.length) {
      int grown = latest.length * 2;
      latest = Arrays.copyOf(latest, grown);
      hash = Arrays.copyOf(hash, grown);
      slotAt = Arrays.copyOf(slotAt, grown);
    }
    int i = size++;
    latest[i] = lineLatest;
    hash[i] = lineHash;
    place(i, slot);
    siftUp(i);
  }

  /** The line at {@code slot} was seen later: its latest sighting rose to {@code lineLatest}. */
  void later(int slot, long lineLatest) {
    int i = indexOf[slot];
    latest[i] = lineLatest;
    siftDown(i);
  }

  /** Drops the line at {@code slot}. */
  void remove(int slot) {
    int i = indexOf[slot];
    int last = --size;
    if (i == last) {
      return;
    }
    latest[i] = latest[last];
    hash[i] = hash[last];
    place(i, slotAt[last]);
    if (i > 0 && older(i, (i - 1) / 2)) {
      siftUp(i);
    } else {
      siftDown(i);
    }
  }

  /** The table moved the line at {@code from} to {@code to}. */
  void moved(int from, int to) {
    place(indexOf[from], to);
  }

  /** The slot of the line to forget first; the order must not be empty. */
  int oldest() {
    return slotAt[0];
  }

  private void place(int i, int slot) {
    slotAt[i] = slot;
    indexOf[slot] = i;
  }

  /** Whether the line at heap index {@code i} goes before the one at {@code j}. */
  private boolean older(int i, int j) {
    return latest[i] < latest[j] || (latest[i] == latest[j] && hash[i] < hash[j]);
  }

  private void siftUp(int i) {
    while (i > 0) {
      int parent = (i - 1) / 2;
      if (!older(i, parent)) {
        return;
      }
      swap(i, parent);
      i = parent;
    }
  }

  private void siftDown(int i) {
    while (true) {
      int child = 2 * i + 1;
      if (child >= size) {
        return;
      }
      if (child + 1 < size && older(child + 1, child)) {
        child++;
      }
      if (!older(child, i)) {
        return;
      }
      swap(i, child);
      i = child;
    }
  }

  private void swap(int i, int j) {
    long l = latest[i];
    latest[i] = latest[j];
    latest[j] = l;
    long h = hash[i];
    hash[i] = hash[j];
    hash[j] = h;
    int s = slotAt[i];
    place(i, slotAt[j]);
    place(j, s);
  }
}
