package io.wirewatch.stats;

/**
 * Calls a spike when the current bucket stands well above the thing's own history, the way media
 * monitoring tools flag "spikes": the score is how many standard deviations the current count is
 * above the baseline mean. The deviation is floored at the square root of the mean (Poisson noise,
 * and at least 1), so a name that is usually quiet does not trend on a single extra mention, and a
 * minimum count keeps rare names out.
 */
public final class SpikeDetector {

  private final long minCount;
  private final double threshold;

  /**
   * @param minCount the current bucket needs at least this many mentions
   * @param threshold the score from which it is a spike
   */
  public SpikeDetector(long minCount, double threshold) {
    this.minCount = minCount;
    this.threshold = threshold;
  }

  /** Three mentions, three deviations: quiet names trend quickly, busy ones need a real jump. */
  public static SpikeDetector defaults() {
    return new SpikeDetector(3, 3.0);
  }

  public Spike assess(Activity activity) {
    long[] baseline = activity.baseline();
    double mean = 0;
    for (long c : baseline) {
      mean += c;
    }
    mean /= baseline.length;
    double variance = 0;
    for (long c : baseline) {
      variance += (c - mean) * (c - mean);
    }
    double deviation = Math.sqrt(variance / baseline.length);
    double floor = Math.max(1.0, Math.sqrt(mean));
    long current = activity.current();
    double score = Math.max(0, (current - mean) / Math.max(deviation, floor));
    boolean trending = current >= minCount && score >= threshold;
    return new Spike(current, mean, Math.round(score * 100) / 100.0, trending);
  }
}
