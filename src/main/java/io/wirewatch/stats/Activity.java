package io.wirewatch.stats;

import java.util.Arrays;

/**
 * Counts of one thing (an entity, say) in fixed time buckets: the current bucket and the {@code
 * history} buckets before it. Old buckets fall off as time moves on, so the state never grows.
 * Immutable; {@link #encode()} gives a compact text form for a state store.
 *
 * @param bucketMillis width of one bucket
 * @param currentBucket index (epoch millis / bucketMillis) of the newest bucket
 * @param counts counts[0] is the current bucket, counts[i] the bucket i buckets earlier
 */
public record Activity(long bucketMillis, long currentBucket, long[] counts) {

  public Activity {
    if (bucketMillis <= 0 || counts.length < 2) {
      throw new IllegalArgumentException("need a positive bucket width and some history");
    }
    counts = counts.clone();
  }

  /** No activity yet, keeping {@code history} buckets of baseline. */
  public static Activity empty(long bucketMillis, int history) {
    return new Activity(bucketMillis, 0, new long[history + 1]);
  }

  /** Adds {@code n} at {@code timestampMillis}; counts older than the kept history are ignored. */
  public Activity add(long timestampMillis, long n) {
    long bucket = Math.floorDiv(timestampMillis, bucketMillis);
    Activity shifted = advanceTo(Math.max(bucket, currentBucket));
    long age = shifted.currentBucket - bucket;
    if (age >= counts.length) {
      return shifted;
    }
    long[] next = shifted.counts.clone();
    next[(int) age] += n;
    return new Activity(bucketMillis, shifted.currentBucket, next);
  }

  /** The same counts seen from a later bucket: empty buckets come in, the oldest go out. */
  public Activity advanceTo(long bucket) {
    if (bucket <= currentBucket) {
      return this;
    }
    long shift = bucket - currentBucket;
    long[] next = new long[counts.length];
    for (int i = 0; i + shift < counts.length; i++) {
      next[(int) (i + shift)] = counts[i];
    }
    return new Activity(bucketMillis, bucket, next);
  }

  public long current() {
    return counts[0];
  }

  /** The buckets before the current one, newest first. */
  public long[] baseline() {
    return Arrays.copyOfRange(counts, 1, counts.length);
  }

  public long total() {
    return Arrays.stream(counts).sum();
  }

  /** Start of the newest bucket, epoch millis. */
  public long currentBucketStart() {
    return currentBucket * bucketMillis;
  }

  /** {@code bucketMillis:currentBucket:c0,c1,...}. */
  public String encode() {
    StringBuilder b = new StringBuilder();
    b.append(bucketMillis).append(':').append(currentBucket).append(':');
    for (int i = 0; i < counts.length; i++) {
      b.append(i == 0 ? "" : ",").append(counts[i]);
    }
    return b.toString();
  }

  public static Activity decode(String text) {
    String[] parts = text.split(":", 3);
    long[] counts = Arrays.stream(parts[2].split(",")).mapToLong(Long::parseLong).toArray();
    return new Activity(Long.parseLong(parts[0]), Long.parseLong(parts[1]), counts);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Activity a
        && a.bucketMillis == bucketMillis
        && a.currentBucket == currentBucket
        && Arrays.equals(a.counts, counts);
  }

  @Override
  public int hashCode() {
    return Long.hashCode(currentBucket) * 31 + Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return "Activity[" + encode() + "]";
  }
}
