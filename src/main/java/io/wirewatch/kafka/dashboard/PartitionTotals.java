package io.wirewatch.kafka.dashboard;

import java.util.TreeMap;

/**
 * A count made up of one running count per input partition, as text {@code p:count,p:count}. Each
 * partition's count only ever replaces its own earlier one, so receiving the same count twice (a
 * task resending after a restart) changes nothing, and the total is exact however a dimension's
 * records are spread over the partitions.
 */
final class PartitionTotals {

  private final TreeMap<Integer, Long> counts = new TreeMap<>();

  static PartitionTotals decode(String text) {
    PartitionTotals t = new PartitionTotals();
    if (text != null && !text.isEmpty()) {
      for (String part : text.split(",")) {
        int colon = part.indexOf(':');
        t.counts.put(
            Integer.parseInt(part.substring(0, colon)), Long.parseLong(part.substring(colon + 1)));
      }
    }
    return t;
  }

  /** One partition's running count, as {@link PartitionCounts} sends it: {@code p:count}. */
  static String entry(int partition, long count) {
    return partition + ":" + count;
  }

  /** Takes in a partition's running count ({@link #entry}). */
  PartitionTotals with(String entry) {
    PartitionTotals one = decode(entry);
    counts.putAll(one.counts);
    return this;
  }

  long total() {
    return counts.values().stream().mapToLong(Long::longValue).sum();
  }

  String encode() {
    StringBuilder b = new StringBuilder();
    counts.forEach((p, n) -> b.append(b.length() == 0 ? "" : ",").append(p).append(':').append(n));
    return b.toString();
  }
}
