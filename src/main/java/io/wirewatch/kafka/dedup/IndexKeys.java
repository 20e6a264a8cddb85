package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.common.utils.Utils;
import org.apache.kafka.streams.KeyValue;

/**
 * Groups an article's index keys by the shard that owns them: one request per shard, not per key.
 * Shards are named {@code shard-<n>} and placed on the index topics' partitions by the hash of that
 * name, as Kafka places any string key, so several shards share a partition; {@link
 * #requests(IndexRequestKind, String, long, String, int, List, int, int)} sends one request per
 * partition instead, and the shards keep living where they always lived.
 */
final class IndexKeys {

  private IndexKeys() {}

  static String shardOf(String key, int shards) {
    return "shard-" + Math.floorMod(key.hashCode(), shards);
  }

  /** The partition a shard's records go to: Kafka's own placement of a string key. */
  static int partitionOf(String shard, int partitions) {
    return Utils.toPositive(Utils.murmur2(shard.getBytes(StandardCharsets.UTF_8))) % partitions;
  }

  /**
   * One request per partition: the keys of every shard that lives on it, keyed by the first of
   * those shards' names (any of them routes the same way).
   */
  static List<KeyValue<String, IndexRequest>> requests(
      IndexRequestKind kind,
      String articleId,
      long eventTime,
      String storyId,
      int featureCount,
      List<String> keys,
      int shards,
      int partitions) {
    Map<String, List<String>> byShard = new TreeMap<>();
    for (String key : keys) {
      byShard.computeIfAbsent(shardOf(key, shards), s -> new ArrayList<>()).add(key);
    }
    Map<Integer, String> firstShardOf = new TreeMap<>();
    Map<String, List<String>> byPartition = new LinkedHashMap<>();
    for (var e : byShard.entrySet()) {
      String shard =
          firstShardOf.computeIfAbsent(partitionOf(e.getKey(), partitions), p -> e.getKey());
      byPartition.computeIfAbsent(shard, s -> new ArrayList<>()).addAll(e.getValue());
    }
    return build(kind, articleId, eventTime, storyId, featureCount, byPartition);
  }

  private static List<KeyValue<String, IndexRequest>> build(
      IndexRequestKind kind,
      String articleId,
      long eventTime,
      String storyId,
      int featureCount,
      Map<String, List<String>> keysByShard) {
    List<KeyValue<String, IndexRequest>> out = new ArrayList<>(keysByShard.size());
    for (var e : keysByShard.entrySet()) {
      out.add(
          KeyValue.pair(
              e.getKey(),
              IndexRequest.newBuilder()
                  .setKind(kind)
                  .setArticleId(articleId)
                  .setEventTime(eventTime)
                  .setStoryId(storyId)
                  .setFeatureCount(featureCount)
                  .setKeys(e.getValue())
                  .build()));
    }
    return out;
  }
}
