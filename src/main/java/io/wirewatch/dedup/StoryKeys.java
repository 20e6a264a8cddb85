package io.wirewatch.dedup;

/** The layout of story keys: {@code s:<term pair>@<time bucket>}. */
final class StoryKeys {

  private static final char BUCKET_SEPARATOR = '@';

  private StoryKeys() {}

  /** The same id for a pair of terms in either order. */
  static String pairId(String first, String second) {
    return pairId(Hashing.wordHash(first), Hashing.wordHash(second));
  }

  /** {@link #pairId(String, String)} of two terms given by their {@link Hashing#wordHash}es. */
  static String pairId(long a, long b) {
    return Long.toHexString(pairValue(a, b));
  }

  /** The number {@link #pairId(long, long)} is the hex of. */
  static long pairValue(long a, long b) {
    return Hashing.combine(Math.min(a, b), Math.max(a, b));
  }

  static String key(String pairId, long bucket) {
    return Fingerprints.STORY_PREFIX + pairId + BUCKET_SEPARATOR + bucket;
  }

  /**
   * {@link #key(String, long)} of the pair whose {@link #pairValue} is {@code pair}, and the bucket
   * whose {@link KeyText#decimal} digits are {@code bucketDigits}.
   */
  static String key(long pair, byte[] bucketDigits) {
    return KeyText.hexThenDigits(Fingerprints.STORY_PREFIX, pair, BUCKET_SEPARATOR, bucketDigits);
  }

  /** {@link #key(long, byte[])} written in a {@link KeyText#buffer} reused from key to key. */
  static String key(long pair, byte[] bucketDigits, byte[] buffer) {
    return KeyText.hexThenDigits(
        Fingerprints.STORY_PREFIX, pair, BUCKET_SEPARATOR, bucketDigits, buffer);
  }

  /** A 64-bit hash of {@link #pairOf}, without the substring: the decider only compares pairs. */
  static long pairHash(String storyKey) {
    int separator = storyKey.lastIndexOf(BUCKET_SEPARATOR);
    return Hashing.hash(
        storyKey,
        Fingerprints.STORY_PREFIX.length(),
        separator < 0 ? storyKey.length() : separator);
  }

  /** The term pair of a story key, so that one pair hit in two buckets votes once. */
  static String pairOf(String storyKey) {
    int separator = storyKey.lastIndexOf(BUCKET_SEPARATOR);
    return storyKey.substring(
        Fingerprints.STORY_PREFIX.length(), separator < 0 ? storyKey.length() : separator);
  }
}
