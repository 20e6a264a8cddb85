package io.wirewatch.kafka.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.streams.KeyValue;
import org.junit.jupiter.api.Test;

class IndexKeysTest {

  private static List<String> keys(int n) {
    List<String> keys = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      keys.add("p:" + Integer.toHexString(i * 7919));
    }
    return keys;
  }

  @Test
  void shouldPlaceShardsWhereKafkaPlacesAStringKey() {
    for (int partitions : new int[] {1, 3, 4, 12}) {
      for (int s = 0; s < 16; s++) {
        String shard = "shard-" + s;
        assertEquals(
            BuiltInPartitioner.partitionForKey(shard.getBytes(StandardCharsets.UTF_8), partitions),
            IndexKeys.partitionOf(shard, partitions),
            shard + " on " + partitions);
      }
    }
  }

  @Test
  void shouldSendEveryKeyOnceInOneRequestPerPartitionToThePartitionOfItsShard() {
    int shards = 8;
    int partitions = 4;
    List<String> keys = keys(100);
    List<KeyValue<String, IndexRequest>> merged =
        IndexKeys.requests(IndexRequestKind.LOOKUP, "a1", 5L, null, 3, keys, shards, partitions);

    Set<Integer> used = new HashSet<>();
    List<String> sent = new ArrayList<>();
    for (KeyValue<String, IndexRequest> r : merged) {
      int partition = IndexKeys.partitionOf(r.key, partitions);
      assertTrue(used.add(partition), "one request per partition");
      for (String key : r.value.getKeys()) {
        assertEquals(partition, IndexKeys.partitionOf(IndexKeys.shardOf(key, shards), partitions));
        sent.add(key);
      }
      assertEquals("a1", r.value.getArticleId());
      assertEquals(3, r.value.getFeatureCount());
    }
    assertEquals(keys.size(), sent.size());
    assertEquals(new HashSet<>(keys), new HashSet<>(sent));
    long perShard = keys.stream().map(k -> IndexKeys.shardOf(k, shards)).distinct().count();
    assertTrue(merged.size() < perShard, merged.size() + " requests against " + perShard);
  }
}
