package io.wirewatch.dedup;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Chooses an article's passage keys among its word shingles: every shingle whose hash is 0 modulo p
 * (Broder's and Manber's sampling, which keeps shared-key counts proportional to shared text, so
 * containment can be read off the index's answers) plus the few smallest hashes (a bottom-k
 * sketch), which give short notices enough keys to compare.
 */
final class PassageSampler {

  private final int shingleWords;
  private final long modulus;
  private final int minimumKeys;
  private final DocumentFrequencies documentFrequencies;
  private final double commonWordShare;

  PassageSampler(DedupSettings settings) {
    this.shingleWords = settings.shingleWords();
    this.modulus = settings.samplingModulus();
    this.minimumKeys = settings.minimumPassageKeys();
    this.documentFrequencies = settings.documentFrequencies();
    this.commonWordShare = settings.commonWordShare();
  }

  /**
   * The passage keys of a normalised word sequence, without repeats, in ascending hash order: the
   * distinct shingle hashes that are among the {@code minimumKeys} smallest or 0 modulo p.
   */
  List<String> keys(WordHashes words) {
    long[] shingles = shingleHashes(words);
    // One pass instead of sorting every shingle: only the bottom k and the sampled ones can become
    // keys, about 1/16 of a long text, so only they are sorted.
    long[] smallest = new long[minimumKeys];
    int smallCount = 0;
    long[] chosen = new long[Math.min(shingles.length, 16 + shingles.length / 8)];
    int chosenCount = 0;
    for (long h : shingles) {
      if (h % modulus == 0) {
        if (chosenCount == chosen.length) {
          chosen = Arrays.copyOf(chosen, chosenCount * 2 + 1);
        }
        chosen[chosenCount++] = h;
      }
      if (minimumKeys > 0 && (smallCount < minimumKeys || h < smallest[smallCount - 1])) {
        smallCount = insertDistinct(smallest, smallCount, h);
      }
    }
    long[] all = Arrays.copyOf(chosen, chosenCount + smallCount);
    System.arraycopy(smallest, 0, all, chosenCount, smallCount);
    Arrays.sort(all);
    List<String> keys = new ArrayList<>(all.length);
    for (int i = 0; i < all.length; i++) {
      if (i == 0 || all[i] != all[i - 1]) {
        keys.add(Fingerprints.PASSAGE_PREFIX + Long.toHexString(all[i]));
      }
    }
    return keys;
  }

  /** Adds {@code h} to the ascending distinct array of the smallest values; the new size. */
  private static int insertDistinct(long[] smallest, int size, long h) {
    int at = Arrays.binarySearch(smallest, 0, size, h);
    if (at >= 0) {
      return size;
    }
    int insertion = -at - 1;
    int newSize = Math.min(size + 1, smallest.length);
    System.arraycopy(smallest, insertion, smallest, insertion + 1, newSize - insertion - 1);
    smallest[insertion] = h;
    return newSize;
  }

  private long[] shingleHashes(WordHashes words) {
    int count = words.count;
    if (count == 0) {
      return new long[0];
    }
    long[] wordHashes = words.hashes;
    boolean[] common = new boolean[count];
    for (int i = 0; i < count; i++) {
      common[i] = documentFrequencies.isCommonHash(wordHashes[i], commonWordShare);
    }
    int width = Math.min(shingleWords, count);
    long[] shingles = new long[count - width + 1];
    int n = 0;
    for (int start = 0; start < shingles.length; start++) {
      long h = wordHashes[start];
      boolean allCommon = common[start];
      for (int i = 1; i < width; i++) {
        h = Hashing.combine(h, wordHashes[start + i]);
        allCommon &= common[start + i];
      }
      if (!allCommon) {
        // non-negative, so that sorting and the modulo test agree with unsigned order
        shingles[n++] = h >>> 1;
      }
    }
    if (n > 0) {
      return Arrays.copyOf(shingles, n);
    }
    // A text of common words only still needs keys, or its copies would go unseen: all its
    // shingles then count. (This once returned an array of zeros, one "p:0" key for every such
    // text.)
    for (int start = 0; start < shingles.length; start++) {
      long h = wordHashes[start];
      for (int i = 1; i < width; i++) {
        h = Hashing.combine(h, wordHashes[start + i]);
      }
      shingles[start] = h >>> 1;
    }
    return shingles;
  }
}
