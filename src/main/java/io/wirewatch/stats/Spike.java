package io.wirewatch.stats;

/**
 * How the current bucket compares with the thing's own baseline.
 *
 * @param current count in the current bucket
 * @param baselineMean mean count per bucket over the baseline
 * @param score standard deviations above the baseline (0 when below it)
 * @param trending whether the detector calls it a spike
 */
public record Spike(long current, double baselineMean, double score, boolean trending) {}
