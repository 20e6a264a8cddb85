package io.wirewatch.dedup;

import java.util.Arrays;
import java.util.List;

/**
 * Chooses an article's passage keys among its word shingles: every shingle whose hash lies in the
 * lowest 1/p of the hash range (a sample that keeps shared-key counts proportional to shared text,
 * as Broder's "0 mod p" does, so containment can be read off the index's answers), and at least the
 * few smallest hashes (a bottom-k sketch), which give short notices enough keys to compare.
 *
 * <p>Both rules take the smallest hashes, so in a text long enough to have k sampled shingles the k
 * smallest are among them and add no key: a 4 KB article has about 20 passage keys. Until the ninth
 * session the sample was "0 mod p", whose members are not the smallest, and such an article had
 * about 32, 12 of them there for short texts only. A threshold also reads the shingle hash's high
 * bits, which depend on every bit of its words' hashes without a final mix.
 */
final class PassageSampler {

  private final int shingleWords;
  // a shingle hash (non-negative) below this is sampled: the lowest 1/p of the range
  private final long threshold;
  private final int minimumKeys;
  private final WordHashSet commonWords;

  PassageSampler(DedupSettings settings) {
    this.shingleWords = settings.shingleWords();
    this.threshold = threshold(settings.samplingModulus());
    this.minimumKeys = settings.minimumPassageKeys();
    this.commonWords = settings.documentFrequencies().commonHashes(settings.commonWordShare());
  }

  /**
   * The passage keys of a normalised word sequence, without repeats, in ascending hash order: the
   * distinct shingle hashes that are among the {@code minimumKeys} smallest or sampled.
   *
   * <p>The sampled hashes are the eligible ones below the threshold, so when there are at least
   * {@code minimumKeys} distinct ones the smallest are all among them. Only a text with fewer (a
   * short one, or 10 of the bench's 512 4 KB articles) is read again for its smallest: keeping the
   * smallest up to date on every shingle cost a sixth of the sampler.
   */
  List<String> keys(WordHashes words) {
    int count = words.count;
    if (count == 0) {
      return List.of();
    }
    long[] wordHashes = words.hashes;
    int width = Math.min(shingleWords, count);
    int shingles = count - width + 1;
    // Each shingle is hashed and tested as it comes, rather than all hashed into an array and then
    // sorted: only the sampled ones can become keys here, about 1/32 of a long text.
    long[] chosen = new long[Math.min(shingles, 16 + shingles / 8)];
    int chosenCount = 0;
    boolean offered = false;
    // the common words in a row up to word i: a shingle ending there is all common when they span
    // it. Every shingle is hashed and the test passed on: whether a word is common is a coin toss,
    // and a branch on it mispredicted more often than hashing the few all-common shingles costs.
    int commonRun = 0;
    for (int i = 0; i < count; i++) {
      // the run plus one, or 0 after a word that is not common, without a branch
      commonRun = (commonRun + 1) & -(commonWords.contains(wordHashes[i]) ? 1 : 0);
      if (i >= width - 1) {
        long h = Hashing.shingle(wordHashes, i - width + 1, width);
        boolean eligible = commonRun < width;
        offered |= eligible;
        // one branch, rarely taken
        if (eligible & isSampled(h)) {
          if (chosenCount == chosen.length) {
            chosen = Arrays.copyOf(chosen, chosenCount * 2 + 1);
          }
          chosen[chosenCount++] = h;
        }
      }
    }
    // A text of common words only still needs keys, or its copies would go unseen: all its
    // shingles then count. (This once returned an array of zeros, one "p:0" key for every such
    // text.)
    boolean allEligible = !offered;
    if (allEligible) {
      chosenCount = 0;
      for (int start = 0; start < shingles; start++) {
        long h = Hashing.shingle(wordHashes, start, width);
        if (isSampled(h)) {
          if (chosenCount == chosen.length) {
            chosen = Arrays.copyOf(chosen, chosenCount * 2 + 1);
          }
          chosen[chosenCount++] = h;
        }
      }
    }
    Arrays.sort(chosen, 0, chosenCount);
    int distinct = distinct(chosen, chosenCount);
    if (distinct < minimumKeys) {
      long[] smallest = smallest(wordHashes, count, width, allEligible);
      long[] all = Arrays.copyOf(chosen, distinct + smallest.length);
      System.arraycopy(smallest, 0, all, distinct, smallest.length);
      Arrays.sort(all);
      return hexKeys(all, distinct(all, all.length));
    }
    return hexKeys(chosen, distinct);
  }

  /**
   * The {@code minimumKeys} smallest distinct hashes of the eligible shingles (all of them when
   * {@code allEligible}), ascending; fewer when there are fewer.
   */
  private long[] smallest(long[] wordHashes, int count, int width, boolean allEligible) {
    long[] smallest = new long[minimumKeys];
    int size = 0;
    int commonRun = 0;
    for (int i = 0; i < count; i++) {
      commonRun = (commonRun + 1) & -(commonWords.contains(wordHashes[i]) ? 1 : 0);
      if (i >= width - 1 && (allEligible || commonRun < width)) {
        long h = Hashing.shingle(wordHashes, i - width + 1, width);
        if (size < smallest.length || h < smallest[size - 1]) {
          size = insertDistinct(smallest, size, h);
        }
      }
    }
    return Arrays.copyOf(smallest, size);
  }

  /** Moves the distinct values of the ascending {@code sorted} to its front; how many there are. */
  private static int distinct(long[] sorted, int count) {
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (distinct == 0 || sorted[i] != sorted[distinct - 1]) {
        sorted[distinct++] = sorted[i];
      }
    }
    return distinct;
  }

  private static List<String> hexKeys(long[] hashes, int count) {
    // an array and List.of's copy, which Fingerprints keeps as it is: an ArrayList and its
    // immutable copy cost three arrays
    String[] keys = new String[count];
    byte[] buffer = KeyText.buffer(Fingerprints.PASSAGE_PREFIX, 0);
    for (int i = 0; i < count; i++) {
      keys[i] = KeyText.hex(Fingerprints.PASSAGE_PREFIX, hashes[i], buffer);
    }
    return List.of(keys);
  }

  /** Whether a shingle's hash is in the sample: below the threshold. */
  private boolean isSampled(long h) {
    return h < threshold;
  }

  /** The hash below which a non-negative shingle hash is sampled, one in {@code modulus}. */
  static long threshold(long modulus) {
    return Long.MAX_VALUE / modulus + 1;
  }

  /**
   * Adds {@code h} to the ascending distinct array of the smallest values; the new size. Searched
   * and shifted from the end in one short loop: for a dozen values, a binary search's unpredictable
   * branches and a copy call cost more.
   */
  private static int insertDistinct(long[] smallest, int size, long h) {
    int at = size;
    while (at > 0 && smallest[at - 1] > h) {
      at--;
    }
    if (at > 0 && smallest[at - 1] == h) {
      return size;
    }
    int newSize = Math.min(size + 1, smallest.length);
    for (int i = newSize - 1; i > at; i--) {
      smallest[i] = smallest[i - 1];
    }
    smallest[at] = h;
    return newSize;
  }
}
