package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.kafka.dashboard.PartitionBatches;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HopBatchTest {

  private static final int PARTITIONS = 4;

  /** A sent record: its key, its items (a carrier joins them with '+') and its timestamp. */
  private record Sent(String key, String value, long timestamp) {}

  private static HopBatch<String> batch() {
    return new HopBatch<>(PARTITIONS, items -> String.join("+", items));
  }

  private static List<Sent> send(HopBatch<String> batch) {
    List<Sent> sent = new ArrayList<>();
    batch.send((k, v, ts) -> sent.add(new Sent(k, v, ts)));
    return sent;
  }

  @Test
  void shouldSendOneRecordPerPartitionKeyedByAnItemOfIt() {
    HopBatch<String> batch = batch();
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      keys.add("article-" + i);
      batch.add("article-" + i, "article-" + i, 1000 + i, 10);
    }

    List<Sent> sent = send(batch);
    assertTrue(sent.size() <= PARTITIONS, "at most one record per partition: " + sent.size());
    int items = 0;
    for (Sent s : sent) {
      int partition = PartitionBatches.partitionOf(s.key(), PARTITIONS);
      List<String> held = List.of(s.value().split("\\+"));
      for (String item : held) {
        assertEquals(partition, PartitionBatches.partitionOf(item, PARTITIONS), item);
      }
      // in the order added, and stamped with the latest of them
      assertEquals(keys.stream().filter(held::contains).toList(), held);
      assertEquals(1000 + keys.indexOf(held.get(held.size() - 1)), s.timestamp());
      items += held.size();
    }
    assertEquals(40, items);
    assertTrue(batch.isEmpty());
    assertEquals(List.of(), send(batch), "sent once");
  }

  @Test
  void shouldSendAnItemAloneAsItself() {
    HopBatch<String> batch = batch();
    batch.add("a", "only", 7, 10);

    assertEquals(List.of(new Sent("a", "only", 7)), send(batch));
  }

  @Test
  void shouldKeepEachRecordWithinTheByteBudget() {
    HopBatch<String> batch = batch();
    int third = PartitionBatches.MAX_BYTES / 3 + 1;
    for (int i = 0; i < 5; i++) {
      // one key: every item goes to one partition
      batch.add("same", "i" + i, i, third);
    }
    batch.add("same", "huge", 9, 2 * PartitionBatches.MAX_BYTES);

    List<String> values = send(batch).stream().map(Sent::value).toList();
    assertEquals(List.of("i0+i1", "i2+i3", "i4", "huge"), values);
  }
}
