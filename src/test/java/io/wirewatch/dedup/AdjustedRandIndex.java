package io.wirewatch.dedup;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Hubert and Arabie's adjusted Rand index of two clusterings of the same items. */
final class AdjustedRandIndex {

  private AdjustedRandIndex() {}

  /** {@code truth.get(i)} and {@code predicted.get(i)} are the cluster labels of item i. */
  static double of(List<String> truth, List<String> predicted) {
    Map<String, Long> rows = new HashMap<>();
    Map<String, Long> columns = new HashMap<>();
    Map<String, Long> cells = new HashMap<>();
    for (int i = 0; i < truth.size(); i++) {
      rows.merge(truth.get(i), 1L, Long::sum);
      columns.merge(predicted.get(i), 1L, Long::sum);
      cells.merge(truth.get(i) + '\u0000' + predicted.get(i), 1L, Long::sum);
    }
    double index = pairs(cells);
    double rowPairs = pairs(rows);
    double columnPairs = pairs(columns);
    double expected = rowPairs * columnPairs / choose2(truth.size());
    double max = (rowPairs + columnPairs) / 2;
    return max == expected ? 1.0 : (index - expected) / (max - expected);
  }

  private static double pairs(Map<String, Long> counts) {
    return counts.values().stream().mapToDouble(AdjustedRandIndex::choose2).sum();
  }

  private static double choose2(long n) {
    return n * (n - 1) / 2.0;
  }
}
