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

  /** The passage keys of a normalised word sequence, without repeats. */
  List<String> keys(List<String> words) {
    long[] hashes = distinctSorted(shingleHashes(words));
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < hashes.length; i++) {
      if (i < minimumKeys || hashes[i] % modulus == 0) {
        keys.add(Fingerprints.PASSAGE_PREFIX + Long.toHexString(hashes[i]));
      }
    }
    return keys;
  }

  private long[] shingleHashes(List<String> words) {
    if (words.isEmpty()) {
      return new long[0];
    }
    int count = words.size();
    long[] wordHashes = new long[count];
    boolean[] common = new boolean[count];
    for (int i = 0; i < count; i++) {
      wordHashes[i] = Hashing.hash(words.get(i));
      common[i] = documentFrequencies.isCommon(words.get(i), commonWordShare);
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
    // a text of common words only still needs keys, or its exact copies would go unseen
    return n > 0 ? Arrays.copyOf(shingles, n) : shingles;
  }

  private static long[] distinctSorted(long[] hashes) {
    Arrays.sort(hashes);
    int n = 0;
    for (int i = 0; i < hashes.length; i++) {
      if (n == 0 || hashes[i] != hashes[n - 1]) {
        hashes[n++] = hashes[i];
      }
    }
    return Arrays.copyOf(hashes, n);
  }
}
