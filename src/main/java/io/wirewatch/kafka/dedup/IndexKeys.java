package io.wirewatch.kafka.dedup;

import io.wirewatch.avro.IndexRequest;
import io.wirewatch.avro.IndexRequestKind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;

/**
 * Groups an article's index keys by the shard that owns them: one request per shard, not per key.
 */
final class IndexKeys {

  private IndexKeys() {}

  static String shardOf(String key, int shards) {
    return "shard-" + Math.floorMod(key.hashCode(), shards);
  }

  static List<KeyValue<String, IndexRequest>> requests(
      IndexRequestKind kind,
      String articleId,
      long eventTime,
      String storyId,
      int featureCount,
      List<String> keys,
      int shards) {
    Map<String, List<String>> byShard = new TreeMap<>();
    for (String key : keys) {
      byShard.computeIfAbsent(shardOf(key, shards), s -> new ArrayList<>()).add(key);
    }
    List<KeyValue<String, IndexRequest>> out = new ArrayList<>(byShard.size());
    for (var e : byShard.entrySet()) {
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
