package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.avro.Entity;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;

/**
 * The entity mentions of articles, counted per entity and {@link EntityTrendProcessor#BUCKET}
 * before they cross the repartition by entity, and sent once per {@link Throttle#INTERVAL}: key the
 * entity id, value {@code {"name","type","count"}} (the latest name and type), timestamp the newest
 * mention's. {@link EntityTrendProcessor} adds {@code count} to that bucket, which is what adding
 * each mention there does.
 *
 * <p>As in {@link PartialCounts}, the partial counts wait in a changelogged, cached store (never in
 * memory only, so exactly-once neither loses nor repeats one when the task dies), which holds the
 * buckets counted within one interval: the flush deletes what it sent.
 */
public final class PartialMentions implements Processor<String, EnrichedArticle, String, String> {

  private final String storeName;
  private ProcessorContext<String, String> context;
  private TimestampedKeyValueStore<String, String> pending;

  /**
   * @param storeName a store made by {@link #store(String)}, connected to this processor
   */
  public PartialMentions(String storeName) {
    this.storeName = storeName;
  }

  /** The pending store: the mention JSON with its count, and the newest timestamp. */
  public static StoreBuilder<TimestampedKeyValueStore<String, String>> store(String name) {
    return Stores.timestampedKeyValueStoreBuilder(
            Stores.persistentTimestampedKeyValueStore(name), Serdes.String(), Serdes.String())
        .withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.pending = context.getStateStore(storeName);
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, EnrichedArticle> record) {
    if (record.value() == null) {
      return;
    }
    long ts = record.timestamp();
    for (Entity e : record.value().getEntities()) {
      String key = BucketKey.of(e.getId(), ts, EntityTrendProcessor.BUCKET.toMillis());
      ValueAndTimestamp<String> counted = pending.get(key);
      long count = counted == null ? 0 : Json.read(counted.value()).path("count").asLong();
      ObjectNode mention = Json.object().put("name", e.getName()).put("type", e.getType());
      mention.put("count", count + 1);
      long newest = counted == null ? ts : Math.max(counted.timestamp(), ts);
      pending.put(key, ValueAndTimestamp.make(Json.write(mention), newest));
    }
  }

  private void flush(long now) {
    List<String> sent = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<String>> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, ValueAndTimestamp<String>> kv = it.next();
        context.forward(
            new Record<>(BucketKey.dimension(kv.key), kv.value.value(), kv.value.timestamp()));
        sent.add(kv.key);
      }
    }
    sent.forEach(pending::delete);
  }
}
