package io.wirewatch.kafka.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.junit.jupiter.api.Test;

class PartitionBatchesTest {

  // BuiltInPartitioner is internal to Kafka's producer: a Kafka upgrade may move or change it,
  // then this reference (not the code under test) needs updating
  @Test
  void shouldPlaceAKeyWhereKafkasDefaultPartitionerDoes() {
    for (int i = 0; i < 200; i++) {
      String key = "kb:entity-" + i;
      assertEquals(
          BuiltInPartitioner.partitionForKey(key.getBytes(StandardCharsets.UTF_8), 4),
          PartitionBatches.partitionOf(key, 4));
      assertEquals(
          Optional.of(Set.of(PartitionBatches.partitionOf(key, 4))),
          PartitionBatches.<String>partitioner().partitions("t", key, "v", 4));
    }
  }

  @Test
  void shouldGroupItemsByPartitionInOrderAndCapTheGroups() {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 50; i++) {
      keys.add("k" + i);
    }
    List<List<String>> groups =
        PartitionBatches.byPartition(keys, Function.identity(), String::length, 3, 7);

    List<String> all = new ArrayList<>();
    for (List<String> group : groups) {
      assertTrue(group.size() <= 7);
      int partition = PartitionBatches.partitionOf(group.get(0), 3);
      group.forEach(k -> assertEquals(partition, PartitionBatches.partitionOf(k, 3)));
      all.addAll(group);
    }
    assertEquals(50, all.size());
    assertEquals(Set.copyOf(keys), Set.copyOf(all));
    // per partition, the items keep their order
    for (int p = 0; p < 3; p++) {
      int partition = p;
      assertEquals(
          keys.stream().filter(k -> PartitionBatches.partitionOf(k, 3) == partition).toList(),
          all.stream().filter(k -> PartitionBatches.partitionOf(k, 3) == partition).toList());
    }
  }

  @Test
  void shouldKeepEachGroupWithinTheByteBudgetAndSendABiggerItemAlone() {
    // keys of 100 KB, all in one partition: at most two fit the 256 KB budget
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 10; i++) {
      keys.add(String.valueOf((char) ('a' + i)).repeat(100_000));
    }
    String huge = "z".repeat(PartitionBatches.MAX_BYTES + 1);
    keys.add(3, huge);
    List<List<String>> groups =
        PartitionBatches.byPartition(keys, k -> "same", String::length, 4, 1_000);

    List<String> all = new ArrayList<>();
    for (List<String> group : groups) {
      int bytes = group.stream().mapToInt(String::length).sum();
      assertTrue(bytes <= PartitionBatches.MAX_BYTES || group.size() == 1, "" + bytes);
      all.addAll(group);
    }
    assertEquals(keys, all, "one partition: every item, in order");
    assertTrue(groups.contains(List.of(huge)), "the item over the budget goes alone");
    assertEquals(
        List.of(2, 1, 1, 2, 2, 2, 1),
        groups.stream().map(List::size).toList(),
        "ab, c, huge, de, fg, hi, j");
  }
}
