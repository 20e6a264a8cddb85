package io.wirewatch.kafka.dedup;

import io.wirewatch.kafka.dashboard.PartitionBatches;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Records bound for one repartition topic, gathered while a step hands over a release of its inbox
 * or takes one input record, then sent as one record per destination partition. Each batch is keyed
 * by one of its items' keys and routed as that key is, so every item reaches the partition it would
 * have reached alone, and nothing waits longer than the release it came from.
 *
 * <p>A batch is held to {@link PartitionBatches#MAX_BYTES} of its items' estimated size (an item
 * over it goes alone), so no record nears what the broker refuses. A group of one goes as the item
 * itself, but written with this version's schema: an older version cannot read it either.
 */
final class HopBatch<V> {

  /** More items than a release hands over in practice; the byte budget binds first. */
  static final int MAX_ITEMS = 2_000;

  /** One record as it would have been sent alone. */
  record Item<V>(String key, V value, long timestamp, int bytes) {}

  /** Sends one record; the timestamp is the latest of its items'. */
  interface Sender<V> {
    void send(String key, V value, long timestamp);
  }

  private final int partitions;
  private final Function<List<V>, V> carrier;
  private List<Item<V>> items = new ArrayList<>();

  /**
   * @param partitions the topic's partition count, fixed to it by the topology
   * @param carrier one record holding the given items
   */
  HopBatch(int partitions, Function<List<V>, V> carrier) {
    this.partitions = partitions;
    this.carrier = carrier;
  }

  /** Holds an item until the next {@link #send}; {@code bytes} bounds its encoded size. */
  void add(String key, V value, long timestamp, int bytes) {
    items.add(new Item<>(key, value, timestamp, bytes));
  }

  boolean isEmpty() {
    return items.isEmpty();
  }

  /** Sends what was added since the last call, in the order added within each partition. */
  void send(Sender<V> sender) {
    if (items.isEmpty()) {
      return;
    }
    List<Item<V>> due = items;
    // emptied first: a send that throws must not leave the items to go out again with the next
    items = new ArrayList<>();
    for (List<Item<V>> group :
        PartitionBatches.byPartition(due, Item::key, Item::bytes, partitions, MAX_ITEMS)) {
      Item<V> first = group.get(0);
      if (group.size() == 1) {
        sender.send(first.key(), first.value(), first.timestamp());
        continue;
      }
      List<V> values = new ArrayList<>(group.size());
      long timestamp = first.timestamp();
      for (Item<V> item : group) {
        values.add(item.value());
        timestamp = Math.max(timestamp, item.timestamp());
      }
      sender.send(first.key(), carrier.apply(values), timestamp);
    }
  }
}
