package io.wirewatch.bench;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One figure over the measured iterations of a benchmark: the median is the figure reported, as in
 * JMH's steady state, and the lowest and highest show how much a shared machine moved it.
 *
 * @param values one per measured iteration, in the order measured
 */
public record Spread(List<Double> values) {

  public Spread {
    if (values.isEmpty()) {
      throw new IllegalArgumentException("a spread needs at least one value");
    }
    values = List.copyOf(values);
  }

  public double median() {
    double[] sorted = sorted();
    int mid = sorted.length / 2;
    return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
  }

  public double min() {
    return sorted()[0];
  }

  public double max() {
    double[] sorted = sorted();
    return sorted[sorted.length - 1];
  }

  /** {@code min..max}, rounded to whole numbers. */
  public String range() {
    return String.format(Locale.ROOT, "%.0f..%.0f", min(), max());
  }

  /** Every value, rounded, in the order measured. */
  public String each() {
    return values.stream()
        .map(v -> String.format(Locale.ROOT, "%.0f", v))
        .collect(Collectors.joining(" "));
  }

  private double[] sorted() {
    double[] out = values.stream().mapToDouble(Double::doubleValue).toArray();
    Arrays.sort(out);
    return out;
  }
}
