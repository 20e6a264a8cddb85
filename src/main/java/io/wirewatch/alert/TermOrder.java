package io.wirewatch.alert;

import java.util.Arrays;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;

/**
 * A field's terms in byte order, as a term dictionary's ordered reads (stepping through the terms,
 * seeking the first term not before a prefix) need them: ords are positions in this order.
 */
final class TermOrder {

  /** For each ord, its term's number in {@link DistinctWords}. */
  final int[] terms;

  /** For each term's number, its ord. */
  final int[] ords;

  private final BytesRef[] sorted;

  /** Each sorted term's first eight bytes as an unsigned number, for {@link #find}. */
  private final long[] starts;

  /** The low bits of a sort key that hold a term's number: 16 million distinct words. */
  private static final int INDEX_BITS = 24;

  TermOrder(DistinctWords words) {
    int n = words.size();
    long[] leading = new long[n];
    for (int t = 0; t < n; t++) {
      leading[t] = leadingBytes(words.terms[t]);
    }
    terms = sorted(leading, words.terms);
    ords = new int[n];
    sorted = new BytesRef[n];
    starts = new long[n];
    for (int ord = 0; ord < n; ord++) {
      ords[terms[ord]] = ord;
      sorted[ord] = words.terms[terms[ord]];
      starts[ord] = leading[terms[ord]];
    }
  }

  /**
   * The terms' numbers in byte order of the terms. Most terms differ in their first five bytes, so
   * they are sorted as numbers (those bytes above the term's number), which is several times faster
   * than sorting by a comparator; runs of equal first bytes are then put in order by whole terms.
   */
  private static int[] sorted(long[] starts, BytesRef[] terms) {
    int n = starts.length;
    if (n >= 1 << INDEX_BITS) {
      return java.util.stream.IntStream.range(0, n)
          .boxed()
          .sorted((a, b) -> terms[a].compareTo(terms[b]))
          .mapToInt(Integer::intValue)
          .toArray();
    }
    long[] keys = new long[n];
    for (int i = 0; i < n; i++) {
      long start = starts[i] >>> (Long.SIZE - 40);
      // flipping the top bit makes Java's signed order the unsigned order of the bytes
      keys[i] = ((start << INDEX_BITS) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    int[] out = new int[n];
    for (int i = 0; i < n; i++) {
      out[i] = (int) (keys[i] & ((1 << INDEX_BITS) - 1));
    }
    for (int from = 0; from < n; ) {
      int to = from + 1;
      while (to < n && keys[to] >>> INDEX_BITS == keys[from] >>> INDEX_BITS) {
        to++;
      }
      sortRun(out, from, to, terms);
      from = to;
    }
    return out;
  }

  /** Insertion sort by whole terms: runs sharing their first five bytes are short. */
  private static void sortRun(int[] order, int from, int to, BytesRef[] terms) {
    for (int i = from + 1; i < to; i++) {
      int moving = order[i];
      int j = i - 1;
      while (j >= from && terms[order[j]].compareTo(terms[moving]) > 0) {
        order[j + 1] = order[j];
        j--;
      }
      order[j + 1] = moving;
    }
  }

  /** The first eight bytes of a term as an unsigned number, zeros past its end. */
  static long leadingBytes(BytesRef term) {
    if (term.length >= Long.BYTES) {
      return (long) BitUtil.VH_BE_LONG.get(term.bytes, term.offset);
    }
    long key = 0;
    for (int i = 0; i < term.length; i++) {
      key = key << 8 | (term.bytes[term.offset + i] & 0xFF);
    }
    return term.length == 0 ? 0 : key << (Byte.SIZE * (Long.BYTES - term.length));
  }

  /** How many terms. */
  int size() {
    return sorted.length;
  }

  /** The term at {@code ord}. */
  BytesRef term(int ord) {
    return sorted[ord];
  }

  /** The term's ord, or {@code -(insertion point) - 1} when absent. */
  int find(BytesRef term) {
    long start = leadingBytes(term);
    // compares the terms' first eight bytes as numbers, and whole terms only where those tie
    int low = 0;
    int high = starts.length;
    while (low < high) {
      int mid = (low + high) >>> 1;
      if (Long.compareUnsigned(starts[mid], start) < 0) {
        low = mid + 1;
      } else {
        high = mid;
      }
    }
    for (int i = low; i < starts.length && starts[i] == start; i++) {
      int c = sorted[i].compareTo(term);
      if (c == 0) {
        return i;
      }
      if (c > 0) {
        return -(i + 1);
      }
      low = i + 1;
    }
    return -(low + 1);
  }
}
