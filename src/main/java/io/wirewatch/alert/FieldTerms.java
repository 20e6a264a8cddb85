package io.wirewatch.alert;

import java.util.Arrays;
import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.OrdTermState;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BitUtil;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;
import org.apache.lucene.util.UnicodeUtil;

/**
 * One field's term dictionary and postings in the one-article index: its distinct words as UTF-8 in
 * byte order, each with the words of the {@link CutText} where it occurs, from which positions and
 * offsets are read. Read-only once built, and only ever for document 0.
 */
final class FieldTerms extends Terms {

  private final CutText cut;
  private final BytesRef[] terms;

  /** For each term, the numbers of its words in {@link #cut}, ascending. */
  private final int[][] occurrences;

  /** Each term's first eight bytes as an unsigned number, for {@link #find}. */
  private final long[] starts;

  private FieldTerms(CutText cut, BytesRef[] terms, long[] starts, int[][] occurrences) {
    this.cut = cut;
    this.terms = terms;
    this.starts = starts;
    this.occurrences = occurrences;
  }

  /**
   * The terms of {@code cut}, case-folded or as cut; {@code first} is {@link
   * CutText#firstOccurrences()}, shared by both.
   */
  static FieldTerms of(CutText cut, int[] first, boolean fold) {
    int size = cut.size();
    int[] counts = new int[size];
    int distinct = 0;
    for (int i = 0; i < size; i++) {
      if (counts[first[i]]++ == 0) {
        distinct++;
      }
    }
    Entry[] entries = new Entry[distinct];
    Entry[] byFirst = new Entry[size];
    char[] scratch = new char[16];
    byte[] utf8 = new byte[48];
    int e = 0;
    for (int i = 0; i < size; i++) {
      int f = first[i];
      if (f == i) {
        int length = cut.wordEnd(i) - cut.wordStart(i);
        if (length > scratch.length) {
          scratch = new char[length];
          utf8 = new byte[length * UnicodeUtil.MAX_UTF8_BYTES_PER_CHAR];
        }
        System.arraycopy(cut.chars(), cut.wordStart(i), scratch, 0, length);
        if (fold) {
          CutText.foldCase(scratch, length);
        }
        int bytes = UnicodeUtil.UTF16toUTF8(scratch, 0, length, utf8);
        BytesRef term = new BytesRef(Arrays.copyOf(utf8, bytes));
        Entry entry = new Entry(term, leadingBytes(term), new int[counts[i]]);
        entries[e++] = entry;
        byFirst[i] = entry;
      }
      Entry entry = byFirst[f];
      entry.words[entry.filled++] = i;
    }
    return merged(cut, sorted(entries));
  }

  /** The low bits of a sort key that hold an entry's number: 16 million distinct words. */
  private static final int INDEX_BITS = 24;

  /**
   * The entries in byte order of their terms. Most terms differ in their first five bytes, so they
   * are sorted as numbers (those bytes above the entry's number), which is several times faster
   * than sorting by a comparator; runs of equal first bytes are then put in order by whole terms.
   */
  private static Entry[] sorted(Entry[] entries) {
    if (entries.length >= 1 << INDEX_BITS) {
      Entry[] out = entries.clone();
      Arrays.sort(out, (a, b) -> a.term.compareTo(b.term));
      return out;
    }
    long[] keys = new long[entries.length];
    for (int i = 0; i < entries.length; i++) {
      long start = entries[i].start >>> (Long.SIZE - 40);
      // flipping the top bit makes Java's signed order the unsigned order of the bytes
      keys[i] = ((start << INDEX_BITS) | i) ^ Long.MIN_VALUE;
    }
    Arrays.sort(keys);
    Entry[] out = new Entry[entries.length];
    for (int i = 0; i < keys.length; i++) {
      out[i] = entries[(int) (keys[i] & ((1 << INDEX_BITS) - 1))];
    }
    for (int from = 0; from < keys.length; ) {
      int to = from + 1;
      while (to < keys.length && keys[to] >>> INDEX_BITS == keys[from] >>> INDEX_BITS) {
        to++;
      }
      if (to - from > 1) {
        Arrays.sort(out, from, to, (a, b) -> a.term.compareTo(b.term));
      }
      from = to;
    }
    return out;
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

  /**
   * Different words can make the same term (folded, or two lone surrogates both written as U+FFFD):
   * sorted, they are neighbours, and become one term with the words of both.
   */
  private static FieldTerms merged(CutText cut, Entry[] sorted) {
    BytesRef[] terms = new BytesRef[sorted.length];
    long[] starts = new long[sorted.length];
    int[][] occurrences = new int[sorted.length][];
    int n = 0;
    for (Entry entry : sorted) {
      if (n > 0 && terms[n - 1].bytesEquals(entry.term)) {
        int[] before = occurrences[n - 1];
        int[] both = Arrays.copyOf(before, before.length + entry.words.length);
        System.arraycopy(entry.words, 0, both, before.length, entry.words.length);
        Arrays.sort(both);
        occurrences[n - 1] = both;
      } else {
        terms[n] = entry.term;
        starts[n] = entry.start;
        occurrences[n] = entry.words;
        n++;
      }
    }
    return new FieldTerms(
        cut, Arrays.copyOf(terms, n), Arrays.copyOf(starts, n), Arrays.copyOf(occurrences, n));
  }

  private static final class Entry {
    final BytesRef term;
    final long start;
    final int[] words;
    int filled;

    Entry(BytesRef term, long start, int[] words) {
      this.term = term;
      this.start = start;
      this.words = words;
    }
  }

  /** The term's number in byte order, or {@code -(insertion point) - 1} when absent. */
  int find(BytesRef term) {
    return find(term, leadingBytes(term));
  }

  /** As {@link #find(BytesRef)}, given the term's {@link #leadingBytes}. */
  int find(BytesRef term, long start) {
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
      int c = terms[i].compareTo(term);
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

  /**
   * Whether the words occur at consecutive positions, as a phrase query (or an interval phrase)
   * needs them; {@code starts}: their {@link #leadingBytes}.
   */
  boolean hasPhrase(BytesRef[] words, long[] starts) {
    int[][] at = new int[words.length][];
    for (int i = 0; i < words.length; i++) {
      int ord = find(words[i], starts[i]);
      if (ord < 0) {
        return false;
      }
      at[i] = occurrences[ord];
    }
    for (int word : at[0]) {
      int position = cut.position(word);
      int i = 1;
      while (i < at.length && occursAt(at[i], position + i)) {
        i++;
      }
      if (i == at.length) {
        return true;
      }
    }
    return false;
  }

  /** Whether a term starts with {@code prefix}: the first term not before it does, if any. */
  boolean hasPrefix(BytesRef prefix) {
    int found = find(prefix);
    int at = found >= 0 ? found : -found - 1;
    return at < terms.length && StringHelper.startsWith(terms[at], prefix);
  }

  /** Whether one of these words (in text order, so by position) is at {@code position}. */
  private boolean occursAt(int[] words, int position) {
    int low = 0;
    int high = words.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int p = cut.position(words[mid]);
      if (p < position) {
        low = mid + 1;
      } else if (p > position) {
        high = mid - 1;
      } else {
        return true;
      }
    }
    return false;
  }

  @Override
  public TermsEnum iterator() {
    return new Enum();
  }

  @Override
  public long size() {
    return terms.length;
  }

  @Override
  public long getSumTotalTermFreq() {
    return cut.size();
  }

  @Override
  public long getSumDocFreq() {
    return terms.length;
  }

  @Override
  public int getDocCount() {
    return 1;
  }

  @Override
  public boolean hasFreqs() {
    return true;
  }

  @Override
  public boolean hasOffsets() {
    return true;
  }

  @Override
  public boolean hasPositions() {
    return true;
  }

  @Override
  public boolean hasPayloads() {
    return false;
  }

  private final class Enum extends BaseTermsEnum {
    private int ord = -1;

    @Override
    public BytesRef next() {
      if (ord < terms.length) {
        ord++;
      }
      return ord < terms.length ? terms[ord] : null;
    }

    @Override
    public boolean seekExact(BytesRef text) {
      int found = find(text);
      if (found >= 0) {
        ord = found;
        return true;
      }
      return false;
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) {
      int found = find(text);
      if (found >= 0) {
        ord = found;
        return SeekStatus.FOUND;
      }
      ord = -found - 1;
      return ord == terms.length ? SeekStatus.END : SeekStatus.NOT_FOUND;
    }

    @Override
    public void seekExact(long ord) {
      this.ord = (int) ord;
    }

    @Override
    public void seekExact(BytesRef term, TermState state) {
      this.ord = (int) ((OrdTermState) state).ord;
    }

    @Override
    public TermState termState() {
      OrdTermState state = new OrdTermState();
      state.ord = ord;
      return state;
    }

    @Override
    public BytesRef term() {
      return terms[ord];
    }

    @Override
    public long ord() {
      return ord;
    }

    @Override
    public int docFreq() {
      return 1;
    }

    @Override
    public long totalTermFreq() {
      return occurrences[ord].length;
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) {
      Postings postings = reuse instanceof Postings p && p.owner() == FieldTerms.this ? p : null;
      if (postings == null) {
        postings = new Postings();
      }
      postings.reset(occurrences[ord]);
      return postings;
    }

    @Override
    public ImpactsEnum impacts(int flags) {
      return new SlowImpactsEnum(postings(null, flags));
    }
  }

  /** The one document's occurrences of one term, with positions and offsets. */
  private final class Postings extends PostingsEnum {
    private int[] words;
    private int doc;
    private int next;
    private int current;

    void reset(int[] words) {
      this.words = words;
      this.doc = -1;
      this.next = 0;
      this.current = -1;
    }

    FieldTerms owner() {
      return FieldTerms.this;
    }

    @Override
    public int freq() {
      return words.length;
    }

    @Override
    public int nextPosition() {
      current = words[next++];
      return cut.position(current);
    }

    @Override
    public int startOffset() {
      return current < 0 ? -1 : cut.startOffset(current);
    }

    @Override
    public int endOffset() {
      return current < 0 ? -1 : cut.endOffset(current);
    }

    @Override
    public BytesRef getPayload() {
      return null;
    }

    @Override
    public int docID() {
      return doc;
    }

    @Override
    public int nextDoc() {
      doc = OneDoc.next(doc);
      return doc;
    }

    @Override
    public int advance(int target) {
      doc = OneDoc.advance(doc, target);
      return doc;
    }

    @Override
    public long cost() {
      return 1;
    }
  }
}
