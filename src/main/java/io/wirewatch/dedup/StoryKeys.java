package io.wirewatch.dedup;

/** The layout of story keys: {@code s:<term pair>@<time bucket>}. */
final class StoryKeys {

  private static final char BUCKET_SEPARATOR = '@';

  private StoryKeys() {}

  /** The same id for a pair of terms in either order. */
  static String pairId(String first, String second) {
    long a = Hashing.hash(first);
    long b = Hashing.hash(second);
    return Long.toHexString(Hashing.combine(Math.min(a, b), Math.max(a, b)));
  }

  static String key(String pairId, long bucket) {
    return Fingerprints.STORY_PREFIX + pairId + BUCKET_SEPARATOR + bucket;
  }

  /** The term pair of a story key, so that one pair hit in two buckets votes once. */
  static String pairOf(String storyKey) {
    int separator = storyKey.lastIndexOf(BUCKET_SEPARATOR);
    return storyKey.substring(
        Fingerprints.STORY_PREFIX.length(), separator < 0 ? storyKey.length() : separator);
  }
}
