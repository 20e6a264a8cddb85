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

  /** For each term, its hash ({@link #hash}): the folded field reuses those of shared terms. */
  private final int[] hashes;

  /** For each word of {@link #cut}, the number of its term. */
  private final int[] termOfWord;

  /** For each term, the first word that makes it. */
  private final int[] firstWord;

  /** Open addressing: a term's number plus one in the slot its hash leads to, or zero. */
  private final int[] slots;

  private DistinctWords(CutText cut, Table table, int[] termOfWord) {
    this.cut = cut;
    this.terms = Arrays.copyOf(table.terms, table.size);
    this.hashes = table.hashes;
    this.firstWord = table.firstWord;
    this.slots = table.slots;
    this.termOfWord = termOfWord;
    this.occurrences = occurrences(termOfWord, table.size);
  }

  /**
   * The words of {@code cut} as cut. Words are told apart by their UTF-8, which each word needs as
   * a term anyway, so one hash table both finds a word's repeats and becomes the field's
   * dictionary.
   */
  static DistinctWords asCut(CutText cut) {
    int size = cut.size();
    Table table = new Table(size);
    // all terms' UTF-8 in one array: one allocation, and neighbours in memory
    Utf8Pool pool = new Utf8Pool(cut.chars().length + 16);
    int[] termOfWord = new int[size];
    for (int i = 0; i < size; i++) {
      int from = cut.wordStart(i);
      termOfWord[i] = table.intern(pool, pool.encode(cut.chars(), from, cut.wordEnd(i) - from), i);
    }
    return new DistinctWords(cut, table, termOfWord);
  }

  /**
   * The words of {@code asCut}'s cut case-folded. Each term of {@code asCut} is folded once,
   * whatever its number of words; one that folding leaves as it is (most of a news text: lower-case
   * ASCII) shares its bytes and hash with {@code asCut}.
   */
  static DistinctWords folded(DistinctWords asCut) {
    CutText cut = asCut.cut;
    int n = asCut.size();
    Table table = new Table(n);
    Utf8Pool pool = new Utf8Pool(64);
    char[] scratch = new char[16];
    int[] foldedOf = new int[n];
    for (int k = 0; k < n; k++) {
      int word = asCut.firstWord[k];
      if (foldsToItself(cut, word)) {
        BytesRef shared = asCut.terms[k];
        int h = asCut.hashes[k];
        int t = table.find(shared.bytes, shared.offset, shared.length, h);
        foldedOf[k] = t >= 0 ? t : table.add(shared, h, word);
        continue;
      }
      int from = cut.wordStart(word);
      int chars = cut.wordEnd(word) - from;
      if (chars > scratch.length) {
        scratch = new char[chars];
      }
      System.arraycopy(cut.chars(), from, scratch, 0, chars);
      CutText.foldCase(scratch, chars);
      foldedOf[k] = table.intern(pool, pool.encode(scratch, 0, chars), word);
    }
    int[] termOfWord = new int[cut.size()];
    for (int i = 0; i < termOfWord.length; i++) {
      termOfWord[i] = foldedOf[asCut.termOfWord[i]];
    }
    return new DistinctWords(cut, table, termOfWord);
  }

  /** For each term, its words in ascending order. */
  private static int[][] occurrences(int[] termOfWord, int terms) {
    int[] counts = new int[terms];
    for (int t : termOfWord) {
      counts[t]++;
    }
    int[][] out = new int[terms][];
    for (int t = 0; t < terms; t++) {
      out[t] = new int[counts[t]];
      counts[t] = 0;
    }
    for (int i = 0; i < termOfWord.length; i++) {
      int t = termOfWord[i];
      out[t][counts[t]++] = i;
    }
    return out;
  }

  /** The terms being gathered and the hash table that finds them. */
  private static final class Table {
    final BytesRef[] terms;
    final int[] hashes;
    final int[] firstWord;
    final int[] slots;
    int size;

    Table(int capacity) {
      terms = new BytesRef[capacity];
      hashes = new int[capacity];
      firstWord = new int[capacity];
      slots = new int[tableSize(capacity)];
    }

    /** The number of the term with these bytes, or -1. */
    int find(byte[] bytes, int offset, int length, int hash) {
      return lookUp(terms, slots, bytes, offset, length, hash);
    }

    /**
     * The number of the term whose UTF-8 the pool took last, from {@code offset} on: added when
     * new, else found and its bytes given back to the pool.
     */
    int intern(Utf8Pool pool, int offset, int word) {
      int length = pool.used - offset;
      int h = hash(pool.bytes, offset, length);
      int t = find(pool.bytes, offset, length, h);
      if (t >= 0) {
        pool.used = offset; // a repeat: its bytes are already there
        return t;
      }
      return add(new BytesRef(pool.bytes, offset, length), h, word);
    }

    /** Adds a term known to be absent; its number. */
    int add(BytesRef term, int hash, int word) {
      int mask = slots.length - 1;
      int slot = slot(hash, slots.length);
      while (slots[slot] != 0) {
        slot = (slot + 1) & mask;
      }
      terms[size] = term;
      hashes[size] = hash;
      firstWord[size] = word;
      slots[slot] = ++size;
      return size - 1;
    }
  }

  /** UTF-8 of several terms, one after the other; grown by a new array, old terms keep theirs. */
  private static final class Utf8Pool {
    byte[] bytes;
    byte[] scratch = new byte[0];
    int used;

    Utf8Pool(int capacity) {
      bytes = new byte[capacity];
    }

    /** Appends the chars' UTF-8; where it starts. ASCII, most words, is copied byte for byte. */
    int encode(char[] chars, int from, int length) {
      int needed = length * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR;
      if (used + needed > bytes.length) {
        bytes = new byte[Math.max(bytes.length * 2, needed)];
        used = 0;
      }
      int offset = used;
      for (int k = 0; k < length; k++) {
        char c = chars[from + k];
        if (c >= 0x80) {
          if (scratch.length < needed) {
            scratch = new byte[needed];
          }
          int n = UnicodeUtil.UTF16toUTF8(chars, from, length, scratch);
          System.arraycopy(scratch, 0, bytes, offset, n);
          used = offset + n;
          return offset;
        }
        bytes[offset + k] = (byte) c;
      }
      used = offset + length;
      return offset;
    }
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
    return find(term.bytes, term.offset, term.length, hash);
  }

  /** As {@link #find(BytesRef, int)}, the term's UTF-8 given as {@code length} bytes at offset. */
  int find(byte[] bytes, int offset, int length, int hash) {
    return lookUp(terms, slots, bytes, offset, length, hash);
  }

  /** Linear probing from the hash's slot: the term's number, or -1 at the first empty slot. */
  private static int lookUp(
      BytesRef[] terms, int[] slots, byte[] bytes, int offset, int length, int hash) {
    int mask = slots.length - 1;
    for (int slot = slot(hash, slots.length); ; slot = (slot + 1) & mask) {
      int t = slots[slot] - 1;
      if (t < 0) {
        return -1;
      }
      BytesRef term = terms[t];
      if (Arrays.equals(
          term.bytes, term.offset, term.offset + term.length, bytes, offset, offset + length)) {
        return t;
      }
    }
  }

  /** The hash a term is filed under: computed once for words looked up in many articles. */
  static int hash(BytesRef term) {
    return hash(term.bytes, term.offset, term.length);
  }

  /** The {@link #hash} of term number {@code term}. */
  int hashOf(int term) {
    return hashes[term];
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
