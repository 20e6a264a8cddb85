package io.wirewatch.alert;

import org.apache.lucene.index.BaseTermsEnum;
import org.apache.lucene.index.ImpactsEnum;
import org.apache.lucene.index.PostingsEnum;
import org.apache.lucene.index.SlowImpactsEnum;
import org.apache.lucene.index.TermState;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.util.StringHelper;

/**
 * One field's term dictionary and postings in the one-article index, over its {@link
 * DistinctWords}: exact look-ups go through their hash table, and only ordered reads sort the terms
 * ({@link TermOrder}), once, on first use. Most articles' case-preserving and keyword fields are
 * only ever looked up exactly, so they are never sorted. Read-only, only ever for document 0, and
 * used by the one thread matching the article, so the lazy sort needs no lock.
 */
final class FieldTerms extends Terms {

  /** A terms enum's place before its first term, and after its last. */
  private static final int BEFORE = -1;

  private static final int END = -2;

  private final DistinctWords words;
  private TermOrder order;

  FieldTerms(DistinctWords words) {
    this.words = words;
  }

  private TermOrder order() {
    if (order == null) {
      order = new TermOrder(words);
    }
    return order;
  }

  /**
   * Whether the words occur at consecutive positions, as a phrase query (or interval phrase) needs;
   * the {@code count} words as {@code RequiredTerms} packs them from {@code from}: each word's
   * {@link DistinctWords#hash}, and where its UTF-8 is in {@code letters} and how long.
   */
  boolean hasPhrase(int[] program, int from, int count, byte[] letters) {
    if (count == 1) {
      return words.find(letters, program[from + 1], program[from + 2], program[from]) >= 0;
    }
    int[][] at = new int[count][];
    for (int i = 0; i < count; i++) {
      int w = from + 3 * i;
      int term = words.find(letters, program[w + 1], program[w + 2], program[w]);
      if (term < 0) {
        return false;
      }
      at[i] = words.occurrences[term];
    }
    CutText cut = words.cut;
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
    TermOrder sorted = order();
    int found = sorted.find(prefix);
    int at = found >= 0 ? found : -found - 1;
    return at < sorted.size() && StringHelper.startsWith(sorted.term(at), prefix);
  }

  /** Whether one of these words (in text order, so by position) is at {@code position}. */
  private boolean occursAt(int[] occurrences, int position) {
    int low = 0;
    int high = occurrences.length - 1;
    while (low <= high) {
      int mid = (low + high) >>> 1;
      int p = words.cut.position(occurrences[mid]);
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
    return words.size();
  }

  @Override
  public long getSumTotalTermFreq() {
    return words.cut.size();
  }

  @Override
  public long getSumDocFreq() {
    return words.size();
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

  /** A place in the dictionary by the term's number in {@link DistinctWords}, not by its ord. */
  private static final class TermNumber extends TermState {
    int term;

    TermNumber(int term) {
      this.term = term;
    }

    @Override
    public void copyFrom(TermState other) {
      term = ((TermNumber) other).term;
    }
  }

  /** Stands on a term by its number; steps in byte order through {@link TermOrder}. */
  private final class Enum extends BaseTermsEnum {
    private int term = BEFORE;

    @Override
    public BytesRef next() {
      if (term == END) {
        return null;
      }
      TermOrder sorted = order();
      int ord = term == BEFORE ? 0 : sorted.ords[term] + 1;
      if (ord >= sorted.size()) {
        term = END;
        return null;
      }
      term = sorted.terms[ord];
      return words.terms[term];
    }

    @Override
    public boolean seekExact(BytesRef text) {
      int found = words.find(text);
      if (found >= 0) {
        term = found;
        return true;
      }
      return false;
    }

    @Override
    public SeekStatus seekCeil(BytesRef text) {
      TermOrder sorted = order();
      int found = sorted.find(text);
      if (found >= 0) {
        term = sorted.terms[found];
        return SeekStatus.FOUND;
      }
      int ord = -found - 1;
      if (ord == sorted.size()) {
        term = END;
        return SeekStatus.END;
      }
      term = sorted.terms[ord];
      return SeekStatus.NOT_FOUND;
    }

    @Override
    public void seekExact(long ord) {
      term = order().terms[(int) ord];
    }

    @Override
    public void seekExact(BytesRef text, TermState state) {
      term = ((TermNumber) state).term;
    }

    @Override
    public TermState termState() {
      return new TermNumber(term);
    }

    @Override
    public BytesRef term() {
      return words.terms[term];
    }

    @Override
    public long ord() {
      return order().ords[term];
    }

    @Override
    public int docFreq() {
      return 1;
    }

    @Override
    public long totalTermFreq() {
      return words.occurrences[term].length;
    }

    @Override
    public PostingsEnum postings(PostingsEnum reuse, int flags) {
      WordPostings postings =
          reuse instanceof WordPostings p && p.reads(words.cut) ? p : new WordPostings(words.cut);
      return postings.reset(words.occurrences[term]);
    }

    @Override
    public ImpactsEnum impacts(int flags) {
      return new SlowImpactsEnum(postings(null, flags));
    }
  }
}
