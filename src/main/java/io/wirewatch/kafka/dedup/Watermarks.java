package io.wirewatch.kafka.dedup;

import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Watermark records: "input partition p has sent everything before event time t", carried in the
 * key of a record with no value and sent to every partition of the topic, so that each inbox
 * downstream hears from every input. No article has a null value or a key starting with a NUL.
 */
final class Watermarks {

  private static final String PREFIX = "\u0000watermark|";

  private Watermarks() {}

  static String key(int input, long watermark) {
    return PREFIX + input + "|" + watermark;
  }

  static boolean isWatermark(String key, Object value) {
    return value == null && key != null && key.startsWith(PREFIX);
  }

  static int input(String key) {
    return Integer.parseInt(key.substring(PREFIX.length(), key.lastIndexOf('|')));
  }

  static long watermark(String key) {
    return Long.parseLong(key.substring(key.lastIndexOf('|') + 1));
  }

  /** Sends watermarks to every partition, anything else where its key sends it. */
  static <V> StreamPartitioner<String, V> partitioner() {
    return (topic, key, value, partitions) ->
        isWatermark(key, value) ? Optional.of(allOf(partitions)) : Optional.<Set<Integer>>empty();
  }

  private static Set<Integer> allOf(int partitions) {
    return IntStream.range(0, partitions).boxed().collect(Collectors.toSet());
  }
}
