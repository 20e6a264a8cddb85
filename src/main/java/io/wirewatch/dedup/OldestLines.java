package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * The lines of a {@link LineSightings} table in the order they are forgotten: oldest first, oldest
 * meaning the earliest latest sighting and, among equal ones, the smallest hash. A min-heap of
 * primitive triples (latest, hash, slot), four children a node, that knows where each slot sits in
 * it, so a line seen again moves down in place and forgetting costs a few steps per line forgotten.
 * A full model forgets a few dozen lines for each article: picking them in a walk over all 2,000
 * lines cost more than the rest of the boilerplate step.
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
    if (i > 0 && older(i, (i - 1) >>> 2)) {
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

  private boolean older(long l, long h, int j) {
    return l < latest[j] || (l == latest[j] && h < hash[j]);
  }

  // Four children a node: half the levels of a binary heap, and a line forgotten or seen again
  // sinks through all of them. The line moving is held aside and the lines it passes move up into
  // the hole, one write each instead of a swap.

  private void siftUp(int i) {
    long l = latest[i];
    long h = hash[i];
    int slot = slotAt[i];
    while (i > 0) {
      int parent = (i - 1) >>> 2;
      if (!older(l, h, parent)) {
        break;
      }
      moveTo(parent, i);
      i = parent;
    }
    latest[i] = l;
    hash[i] = h;
    place(i, slot);
  }

  private void siftDown(int i) {
    long l = latest[i];
    long h = hash[i];
    int slot = slotAt[i];
    while (true) {
      int first = 4 * i + 1;
      if (first >= size) {
        break;
      }
      int oldest = first;
      int end = Math.min(first + 4, size);
      for (int c = first + 1; c < end; c++) {
        if (older(c, oldest)) {
          oldest = c;
        }
      }
      if (!older(oldest, l, h)) {
        break;
      }
      moveTo(oldest, i);
      i = oldest;
    }
    latest[i] = l;
    hash[i] = h;
    place(i, slot);
  }

  /** Whether the line at heap index {@code i} goes before the pair given. */
  private boolean older(int i, long l, long h) {
    return latest[i] < l || (latest[i] == l && hash[i] < h);
  }

  /** Moves the line at heap index {@code from} to {@code to}. */
  private void moveTo(int from, int to) {
    latest[to] = latest[from];
    hash[to] = hash[from];
    place(to, slotAt[from]);
  }
}
