package io.wirewatch.alert;

import java.util.Arrays;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.UnicodeUtil;

/**
 * One field's distinct terms (UTF-8, case-folded or as cut) in the order they first occur in the
 * {@link CutText}, each with the words where it occurs, and a hash table to find a term exactly.
 * Most look-ups into an article are exact (a rule's words, its required phrases, the anchors that
 * make it a candidate), and a hash table is cheaper to build than sorting the terms and cheaper to
 * ask than a binary search; the byte order only ordered reads need is made on demand ({@link
 * FieldTerms}).
 */
final class DistinctWords {

  final CutText cut;

  /** The terms, each once: different words making the same term (folded alike) are merged. */
  final BytesRef[] terms;

  /** For each term, the numbers of its words in {@link #cut}, ascending. */
  final int[][] occurrences;

  /** For each word that is its letters' first occurrence, the number of its term. */
  private final int[] termOf;

  /** Open addressing: a term's number plus one in the slot its hash leads to, or zero. */
  private final int[] slots;

  private DistinctWords(
      CutText cut, BytesRef[] terms, int[][] occurrences, int[] termOf, int[] slots) {
    this.cut = cut;
    this.terms = terms;
    this.occurrences = occurrences;
    this.termOf = termOf;
    this.slots = slots;
  }

  /** The words of {@code cut} as cut; {@code first} is {@link CutText#firstOccurrences()}. */
  static DistinctWords asCut(CutText cut, int[] first) {
    return of(cut, first, null);
  }

  /**
   * The words of {@code asCut}'s cut case-folded; {@code first} as for {@link #asCut}. A word that
   * folding leaves as it is (most of a news text: lower-case ASCII) shares its term's bytes with
   * {@code asCut} instead of being converted again.
   */
  static DistinctWords folded(DistinctWords asCut, int[] first) {
    return of(asCut.cut, first, asCut);
  }

  /** {@code asCut}: null for the words as cut; otherwise fold them, sharing what is unchanged. */
  private static DistinctWords of(CutText cut, int[] first, DistinctWords asCut) {
    int size = cut.size();
    int[] counts = new int[size];
    int words = 0;
    for (int i = 0; i < size; i++) {
      if (counts[first[i]]++ == 0) {
        words++;
      }
    }
    int[] slots = new int[tableSize(words)];
    BytesRef[] terms = new BytesRef[words];
    int[] termCounts = new int[words];
    // for each word's first occurrence, the number of its term
    int[] termOf = new int[size];
    char[] scratch = new char[16];
    byte[] utf8 = new byte[48];
    int n = 0;
    for (int i = 0; i < size; i++) {
      if (first[i] != i) {
        continue;
      }
      BytesRef shared = null;
      byte[] bytes;
      int length;
      if (asCut != null && foldsToItself(cut, i)) {
        shared = asCut.terms[asCut.termOf[i]];
        bytes = shared.bytes;
        length = shared.length;
      } else {
        int chars = cut.wordEnd(i) - cut.wordStart(i);
        if (chars > scratch.length) {
          scratch = new char[chars];
          utf8 = new byte[chars * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR];
        }
        System.arraycopy(cut.chars(), cut.wordStart(i), scratch, 0, chars);
        if (asCut != null) {
          CutText.foldCase(scratch, chars);
        }
        bytes = utf8;
        length = UnicodeUtil.UTF16toUTF8(scratch, 0, chars, utf8);
      }
      int slot = slot(hash(bytes, 0, length), slots.length);
      while (slots[slot] != 0
          && !Arrays.equals(
              terms[slots[slot] - 1].bytes, 0, terms[slots[slot] - 1].length, bytes, 0, length)) {
        slot = (slot + 1) & (slots.length - 1);
      }
      if (slots[slot] == 0) {
        terms[n] = shared != null ? shared : new BytesRef(Arrays.copyOf(bytes, length));
        slots[slot] = ++n;
      }
      termOf[i] = slots[slot] - 1;
      termCounts[termOf[i]] += counts[i];
    }
    int[][] occurrences = new int[n][];
    for (int t = 0; t < n; t++) {
      occurrences[t] = new int[termCounts[t]];
      termCounts[t] = 0;
    }
    for (int i = 0; i < size; i++) {
      int t = termOf[first[i]];
      occurrences[t][termCounts[t]++] = i;
    }
    return new DistinctWords(cut, Arrays.copyOf(terms, n), occurrences, termOf, slots);
  }

  /** Whether the word is ASCII without capitals: then its term is its letters, folded or not. */
  private static boolean foldsToItself(CutText cut, int word) {
    char[] chars = cut.chars();
    for (int k = cut.wordStart(word), end = cut.wordEnd(word); k < end; k++) {
      char c = chars[k];
      if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
        return false;
      }
    }
    return true;
  }

  /** The term's number, or -1 when the field lacks it. */
  int find(BytesRef term) {
    return find(term, hash(term));
  }

  /** As {@link #find(BytesRef)}, given the term's {@link #hash}. */
  int find(BytesRef term, int hash) {
    int mask = slots.length - 1;
    for (int slot = slot(hash, slots.length); ; ) {
      int t = slots[slot] - 1;
      if (t < 0) {
        return -1;
      }
      if (terms[t].bytesEquals(term)) {
        return t;
      }
      slot = (slot + 1) & mask;
    }
  }

  /** The hash a term is filed under: computed once for words looked up in many articles. */
  static int hash(BytesRef term) {
    return hash(term.bytes, term.offset, term.length);
  }

  /** How many terms. */
  int size() {
    return terms.length;
  }

  /** At most half full, so misses end quickly. */
  private static int tableSize(int entries) {
    return Integer.highestOneBit(Math.max(entries, 1) * 2) * 2;
  }

  private static int hash(byte[] bytes, int offset, int length) {
    int h = 0;
    for (int i = offset, end = offset + length; i < end; i++) {
      h = 31 * h + bytes[i];
    }
    return h;
  }

  private static int slot(int hash, int tableSize) {
    // the top bits of a multiplicative hash are the well-mixed ones
    return (hash * 0x9E3779B9) >>> (Integer.SIZE - Integer.numberOfTrailingZeros(tableSize));
  }
}
