package io.wirewatch.dedup;

import io.wirewatch.text.WordTokenizer;
import java.util.Arrays;

/**
 * The {@link Hashing#wordHash} of every word of a text, in order, computed on the text's char
 * ranges: the words of {@link WordTokenizer#words} without a String per word.
 */
final class WordHashes {

  final long[] hashes;
  final int count;

  private WordHashes(long[] hashes, int count) {
    this.hashes = hashes;
    this.count = count;
  }

  /** The first {@code count} of {@code hashes}, not copied. */
  static WordHashes wrap(long[] hashes, int count) {
    return new WordHashes(hashes, count);
  }

  static WordHashes of(String text) {
    int length = text.length();
    Builder words = new Builder(length);
    int i = 0;
    while (i < length) {
      if (!WordTokenizer.isWordChar(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      while (i < length && WordTokenizer.isWordChar(text.charAt(i))) {
        i++;
      }
      words.add(Hashing.wordHash(text, start, i));
    }
    return words.build();
  }

  /** Collects word hashes in order, for a scan that hashes the words itself. */
  static final class Builder {
    private long[] hashes;
    private int count;

    /** Room for the words of a text of {@code textLength} chars, grown when it is denser. */
    Builder(int textLength) {
      // about one word per six characters of news
      this(new long[textLength / 5 + 8]);
    }

    /**
     * Collects into {@code buffer}, which the caller owns and may pass again once it is done with
     * what {@link #build} returned (grown into a new array when the text has more words).
     */
    Builder(long[] buffer) {
      hashes = buffer;
    }

    void add(long hash) {
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      hashes[count++] = hash;
    }

    WordHashes build() {
      return new WordHashes(hashes, count);
    }
  }
}
