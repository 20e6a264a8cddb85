package io.wirewatch.kafka.dashboard;

/**
 * The store key of a dimension's count in one time bucket: {@code <bucketStart>|<dimension>}. The
 * bucket start is digits only, so the first {@code |} ends it whatever the dimension holds.
 */
final class BucketKey {

  private BucketKey() {}

  /** The key of the bucket (aligned to the epoch) that {@code timestampMillis} falls in. */
  static String of(String dimension, long timestampMillis, long bucketMillis) {
    return Math.floorDiv(timestampMillis, bucketMillis) * bucketMillis + "|" + dimension;
  }

  static long start(String key) {
    return Long.parseLong(key.substring(0, key.indexOf('|')));
  }

  static String dimension(String key) {
    return key.substring(key.indexOf('|') + 1);
  }
}
