package io.wirewatch.dedup;

import io.wirewatch.text.WordTokenizer;
import java.util.Arrays;

/**
 * The {@link Hashing#hash} of every word of a text, in order, computed on the text's char ranges:
 * the words of {@link WordTokenizer#words} without a String per word.
 */
final class WordHashes {

  final long[] hashes;
  final int count;

  private WordHashes(long[] hashes, int count) {
    this.hashes = hashes;
    this.count = count;
  }

  static WordHashes of(String text) {
    int length = text.length();
    // about one word per six characters of news; grown when a text is denser
    long[] hashes = new long[length / 5 + 8];
    int count = 0;
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
      if (count == hashes.length) {
        hashes = Arrays.copyOf(hashes, count * 2);
      }
      hashes[count++] = Hashing.hash(text, start, i);
    }
    return new WordHashes(hashes, count);
  }
}
