package io.wirewatch.kafka.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.processor.StreamPartitioner;

/**
 * Items that would each be a record on a repartition topic, grouped into one record per destination
 * partition. A group is keyed by its first item's key and routed by {@link #partitioner()} with the
 * hash of Kafka's default partitioner, so every item reaches the partition it would have reached
 * alone (state kept per key stays where it was), while the topic carries one record per group
 * rather than one per item. The grouping happens before the send, so the topic's partition count
 * must be fixed ({@code Repartitioned.withNumberOfPartitions}) to the one given here.
 */
public final class PartitionBatches {

  private PartitionBatches() {}

  /** The partition Kafka's default partitioner gives a string key. */
  public static int partitionOf(String key, int partitions) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * The items grouped by the partition of their key, in their order, each group at most {@code
   * maxSize} long (a record must stay well below the broker's size limit).
   */
  public static <T> List<List<T>> byPartition(
      Collection<T> items, Function<T, String> key, int partitions, int maxSize) {
    Map<Integer, List<T>> groups = new LinkedHashMap<>();
    List<List<T>> full = new ArrayList<>();
    for (T item : items) {
      List<T> group =
          groups.computeIfAbsent(partitionOf(key.apply(item), partitions), p -> new ArrayList<>());
      group.add(item);
      if (group.size() == maxSize) {
        full.add(List.copyOf(group));
        group.clear();
      }
    }
    groups.values().stream().filter(g -> !g.isEmpty()).forEach(full::add);
    return full;
  }

  /** Sends a record to its key's partition: a group's key is one of its items' keys. */
  public static <V> StreamPartitioner<String, V> partitioner() {
    return (topic, key, value, partitions) ->
        key == null
            ? Optional.<Set<Integer>>empty()
            : Optional.of(Set.of(partitionOf(key, partitions)));
  }
}
