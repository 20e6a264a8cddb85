package io.wirewatch.dedup;

import java.util.Arrays;

/**
 * The order a {@link LineSightings} table forgets its lines in: oldest first, oldest meaning the
 * earliest latest sighting and, among equal ones, the smallest hash. Each time a line's latest
 * sighting is set, its pair (latest, hash) is added here; a pair whose line has since been seen
 * later, or forgotten, is stale and skipped when it comes up.
 *
 * <p>Articles come in publication order, so nearly every pair is later than all before it (an
 * article's lines are added in hash order): those go to the end of a queue that stays sorted, and
 * forgetting takes from its front, a step per line. A pair that is not later (an article published
 * earlier, or one of the same second) goes to a heap beside it; the oldest is the older of the two
 * fronts. A full model forgets a few dozen lines for each article: picking them in a walk over all
 * 2,000 lines cost more than the rest of the boilerplate step, and a heap of all lines half that.
 */
final class OldestLines {

  /** Whether a pair is still its line's latest sighting. */
  @FunctionalInterface
  interface Current {
    boolean test(long latest, long hash);
  }

  // the queue: pairs at [head, tail), ascending
  private long[] latest = new long[64];
  private long[] hash = new long[64];
  private int head;
  private int tail;
  private final PairHeap late = new PairHeap();
  private long takenLatest;
  private long takenHash;

  /** How many pairs are held, stale ones included. */
  int pairs() {
    return tail - head + late.size();
  }

  /** The line {@code lineHash} was last seen at {@code lineLatest}. */
  void add(long lineLatest, long lineHash) {
    if (tail > head && !before(latest[tail - 1], hash[tail - 1], lineLatest, lineHash)) {
      late.push(lineLatest, lineHash);
      return;
    }
    if (tail == latest.length) {
      makeRoom();
    }
    latest[tail] = lineLatest;
    hash[tail] = lineHash;
    tail++;
  }

  /**
   * Takes the oldest pair out, which {@link #takenLatest()} and {@link #takenHash()} then give;
   * false when none is left.
   */
  boolean takeOldest() {
    if (head == tail && late.size() == 0) {
      return false;
    }
    if (late.size() > 0
        && (head == tail || before(late.topLatest(), late.topHash(), latest[head], hash[head]))) {
      takenLatest = late.topLatest();
      takenHash = late.topHash();
      late.pop();
    } else {
      takenLatest = latest[head];
      takenHash = hash[head];
      head++;
    }
    return true;
  }

  long takenLatest() {
    return takenLatest;
  }

  long takenHash() {
    return takenHash;
  }

  /**
   * Drops the stale pairs and puts the heap's into the queue, keeping the order: called when stale
   * pairs outnumber the lines, so that memory stays bounded when no line is forgotten for long.
   */
  void compact(Current current) {
    int n = 0;
    for (int i = head; i < tail; i++) {
      if (current.test(latest[i], hash[i])) {
        latest[n] = latest[i];
        hash[n] = hash[i];
        n++;
      }
    }
    long[] lateLatest = new long[late.size()];
    long[] lateHash = new long[late.size()];
    int m = 0;
    while (late.size() > 0) {
      if (current.test(late.topLatest(), late.topHash())) {
        lateLatest[m] = late.topLatest();
        lateHash[m] = late.topHash();
        m++;
      }
      late.pop();
    }
    long[] mergedLatest = new long[Math.max(64, 2 * (n + m))];
    long[] mergedHash = new long[mergedLatest.length];
    int i = 0;
    int j = 0;
    for (int k = 0; k < n + m; k++) {
      boolean fromQueue =
          j == m || (i < n && before(latest[i], hash[i], lateLatest[j], lateHash[j]));
      mergedLatest[k] = fromQueue ? latest[i] : lateLatest[j];
      mergedHash[k] = fromQueue ? hash[i++] : lateHash[j++];
    }
    latest = mergedLatest;
    hash = mergedHash;
    head = 0;
    tail = n + m;
  }

  private void makeRoom() {
    int held = tail - head;
    if (held * 2 > latest.length) {
      latest = Arrays.copyOf(latest, latest.length * 2);
      hash = Arrays.copyOf(hash, hash.length * 2);
    }
    System.arraycopy(latest, head, latest, 0, held);
    System.arraycopy(hash, head, hash, 0, held);
    head = 0;
    tail = held;
  }

  static boolean before(long l1, long h1, long l2, long h2) {
    return l1 < l2 || (l1 == l2 && h1 < h2);
  }

  /** A binary min-heap of pairs, for the few that come out of order. */
  private static final class PairHeap {
    private long[] latest = new long[16];
    private long[] hash = new long[16];
    private int size;

    int size() {
      return size;
    }

    long topLatest() {
      return latest[0];
    }

    long topHash() {
      return hash[0];
    }

    void push(long l, long h) {
      if (size == latest.length) {
        latest = Arrays.copyOf(latest, size * 2);
        hash = Arrays.copyOf(hash, size * 2);
      }
      int i = size++;
      while (i > 0) {
        int parent = (i - 1) / 2;
        if (!before(l, h, latest[parent], hash[parent])) {
          break;
        }
        latest[i] = latest[parent];
        hash[i] = hash[parent];
        i = parent;
      }
      latest[i] = l;
      hash[i] = h;
    }

    void pop() {
      long l = latest[--size];
      long h = hash[size];
      int i = 0;
      while (true) {
        int child = 2 * i + 1;
        if (child >= size) {
          break;
        }
        if (child + 1 < size
            && before(latest[child + 1], hash[child + 1], latest[child], hash[child])) {
          child++;
        }
        if (!before(latest[child], hash[child], l, h)) {
          break;
        }
        latest[i] = latest[child];
        hash[i] = hash[child];
        i = child;
      }
      latest[i] = l;
      hash[i] = h;
    }
  }
}
