package io.wirewatch.dedup;

/**
 * When each line of one source was seen, in seconds of publication time: the first {@code keep}
 * sightings in ascending order, and the latest. An open-addressing table of primitive arrays, since
 * a full model (2,000 lines) is walked to be written to its store: a map of boxed hashes and small
 * objects made that walk cost more than fingerprinting the article. The lines are also kept in the
 * order they are forgotten in ({@link OldestLines}), so forgetting needs no walk.
 *
 * <p>Slots are visited in table order, which depends on the order lines came and went, not on the
 * content alone.
 */
final class LineSightings {

  private static final int MIN_SLOTS = 16;

  private final int keep;
  private boolean[] used;
  private long[] hashes;
  private long[] latest;
  // slot s holds its sightings at [s * keep, s * keep + count[s])
  private long[] first;
  private byte[] count;
  // pairs keyed by hash, not slot: the table's moves leave them as they are
  private final OldestLines order = new OldestLines();
  private int size;

  LineSightings(int keep) {
    if (keep < 1 || keep > Byte.MAX_VALUE) {
      throw new IllegalArgumentException("sightings kept per line must be 1 to 127: " + keep);
    }
    this.keep = keep;
    allocate(MIN_SLOTS);
  }

  int size() {
    return size;
  }

  /** How many of the line's first sightings were published before {@code second}. */
  int seenBefore(long hash, long second) {
    int slot = find(hash);
    if (slot < 0) {
      return 0;
    }
    int base = slot * keep;
    int n = 0;
    while (n < count[slot] && first[base + n] < second) {
      n++;
    }
    return n;
  }

  /** Records a sighting of the line at {@code second}. */
  void see(long hash, long second) {
    int slot = find(hash);
    if (slot < 0) {
      slot = insert(hash);
      latest[slot] = second;
      first[slot * keep] = second;
      count[slot] = 1;
      order.add(second, hash);
      compactIfStale();
      return;
    }
    if (second > latest[slot]) {
      latest[slot] = second;
      order.add(second, hash);
      compactIfStale();
    }
    int base = slot * keep;
    int n = count[slot];
    // the first sightings stay sorted; a sighting later than all kept ones is dropped when full
    int at = n;
    while (at > 0 && first[base + at - 1] > second) {
      at--;
    }
    if (at >= keep) {
      return;
    }
    int moved = Math.min(n, keep - 1) - at;
    System.arraycopy(first, base + at, first, base + at + 1, moved);
    first[base + at] = second;
    count[slot] = (byte) Math.min(keep, n + 1);
  }

  /**
   * Adds a line read back from storage, with its sightings ({@code firsts} ascending, at most
   * {@code keep} of them used). The line must not be held already.
   */
  void restore(long hash, long lineLatest, long[] firsts, int n) {
    int slot = insert(hash);
    latest[slot] = lineLatest;
    int kept = Math.min(n, keep);
    System.arraycopy(firsts, 0, first, slot * keep, kept);
    count[slot] = (byte) kept;
    order.add(lineLatest, hash);
    compactIfStale();
  }

  void remove(long hash) {
    int slot = find(hash);
    if (slot >= 0) {
      removeSlot(slot);
    }
  }

  /**
   * Forgets the line whose latest sighting was published first, the smallest hash among equal ones;
   * the table must not be empty.
   */
  void removeOldest() {
    while (order.takeOldest()) {
      // a pair whose line was seen later since, or forgotten, is stale
      if (current(order.takenLatest(), order.takenHash())) {
        removeSlot(find(order.takenHash()));
        return;
      }
    }
    throw new IllegalStateException("no line to forget");
  }

  /** Whether the line {@code hash} is held with {@code lineLatest} as its latest sighting. */
  private boolean current(long lineLatest, long hash) {
    int slot = find(hash);
    return slot >= 0 && latest[slot] == lineLatest;
  }

  private void compactIfStale() {
    if (order.pairs() > 2 * size + 64) {
      order.compact(this::current);
    }
  }

  private void removeSlot(int slot) {
    int mask = used.length - 1;
    // backward-shift deletion: later lines of the probe run move up, so no tombstones pile up
    int hole = slot;
    int next = (hole + 1) & mask;
    while (used[next]) {
      int home = home(hashes[next]);
      if (((next - home) & mask) >= ((next - hole) & mask)) {
        moveSlot(next, hole);
        hole = next;
      }
      next = (next + 1) & mask;
    }
    used[hole] = false;
    size--;
  }

  /** The number of slots; a slot is a line when {@link #used} says so. */
  int slots() {
    return used.length;
  }

  boolean used(int slot) {
    return used[slot];
  }

  long hash(int slot) {
    return hashes[slot];
  }

  long latest(int slot) {
    return latest[slot];
  }

  int count(int slot) {
    return count[slot];
  }

  long first(int slot, int i) {
    return first[slot * keep + i];
  }

  private int find(long hash) {
    int mask = used.length - 1;
    for (int slot = home(hash); used[slot]; slot = (slot + 1) & mask) {
      if (hashes[slot] == hash) {
        return slot;
      }
    }
    return -1;
  }

  private int insert(long hash) {
    if ((size + 1) * 2 > used.length) {
      grow();
    }
    int mask = used.length - 1;
    int slot = home(hash);
    while (used[slot]) {
      slot = (slot + 1) & mask;
    }
    used[slot] = true;
    hashes[slot] = hash;
    size++;
    return slot;
  }

  private int home(long hash) {
    // line hashes are already well mixed; the high bits pick the slot
    return (int) (hash >>> (64 - Integer.numberOfTrailingZeros(used.length)));
  }

  private void moveSlot(int from, int to) {
    hashes[to] = hashes[from];
    latest[to] = latest[from];
    count[to] = count[from];
    System.arraycopy(first, from * keep, first, to * keep, keep);
    used[to] = true;
  }

  private void grow() {
    boolean[] oldUsed = used;
    long[] oldHashes = hashes;
    long[] oldLatest = latest;
    long[] oldFirst = first;
    byte[] oldCount = count;
    allocate(used.length * 2);
    size = 0;
    for (int s = 0; s < oldUsed.length; s++) {
      if (oldUsed[s]) {
        int slot = insert(oldHashes[s]);
        latest[slot] = oldLatest[s];
        count[slot] = oldCount[s];
        System.arraycopy(oldFirst, s * keep, first, slot * keep, keep);
      }
    }
  }

  private void allocate(int slots) {
    used = new boolean[slots];
    hashes = new long[slots];
    latest = new long[slots];
    first = new long[slots * keep];
    count = new byte[slots];
  }
}
