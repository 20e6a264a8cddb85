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
import java.util.function.ToIntFunction;
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
   * The budget of a batch's estimated encoded size: a quarter of the broker's default
   * max.message.bytes (1 MB), so the key and the record's framing fit too. Above the limit the
   * broker refuses the record, and under exactly-once the task that sent it fails and sends it
   * again after its restart: a stall, not a lost record.
   */
  public static final int MAX_BYTES = 256 * 1024;

  /**
   * The items grouped by the partition of their key, in their order, each group at most {@code
   * maxSize} long and at most {@link #MAX_BYTES} of estimated size, so that a record stays well
   * below the broker's size limit whatever the items hold. An item bigger than the budget goes in a
   * group of its own.
   *
   * @param size an upper bound of an item's encoded size in bytes
   */
  public static <T> List<List<T>> byPartition(
      Collection<T> items,
      Function<T, String> key,
      ToIntFunction<T> size,
      int partitions,
      int maxSize) {
    return byPartition(items, key, size, partitions, maxSize, MAX_BYTES);
  }

  static <T> List<List<T>> byPartition(
      Collection<T> items,
      Function<T, String> key,
      ToIntFunction<T> size,
      int partitions,
      int maxSize,
      int maxBytes) {
    Map<Integer, Group<T>> groups = new LinkedHashMap<>();
    List<List<T>> full = new ArrayList<>();
    for (T item : items) {
      Group<T> group =
          groups.computeIfAbsent(partitionOf(key.apply(item), partitions), p -> new Group<>());
      int bytes = size.applyAsInt(item);
      if (!group.items.isEmpty() && group.bytes + bytes > maxBytes) {
        full.add(group.take());
      }
      group.items.add(item);
      group.bytes += bytes;
      if (group.items.size() >= maxSize || group.bytes >= maxBytes) {
        full.add(group.take());
      }
    }
    groups.values().stream().filter(g -> !g.items.isEmpty()).forEach(g -> full.add(g.take()));
    return full;
  }

  /** A partition's group being filled, with its estimated size. */
  private static final class Group<T> {
    private final List<T> items = new ArrayList<>();
    private long bytes;

    List<T> take() {
      List<T> out = List.copyOf(items);
      items.clear();
      bytes = 0;
      return out;
    }
  }

  /** Sends a record to its key's partition: a group's key is one of its items' keys. */
  public static <V> StreamPartitioner<String, V> partitioner() {
    return (topic, key, value, partitions) ->
        key == null
            ? Optional.<Set<Integer>>empty()
            : Optional.of(Set.of(partitionOf(key, partitions)));
  }
}
