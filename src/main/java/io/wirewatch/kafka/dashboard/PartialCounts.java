package io.wirewatch.kafka.dashboard;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
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
 * Counts records per dimension and time bucket before they cross a repartition topic, and sends
 * each (dimension, bucket) once per {@link Throttle#INTERVAL} as one record: the dimension as key,
 * how many records it stands for as value, the newest of their timestamps as timestamp. A windowed
 * sum downstream (windows a whole number of buckets long) then gives the same counts as counting
 * every record there, for a fraction of the records.
 *
 * <p>The partial counts wait in a changelogged store, not in memory: under exactly-once the store,
 * the input offsets and the partial counts sent are committed together, so a partial count is
 * neither lost nor sent twice when the task dies. The store is cached (a commit logs each changed
 * key once, however many records it counted) and bounded: it holds the buckets counted within one
 * interval, and the flush deletes what it sent.
 *
 * @param <V> the input's value type
 */
public final class PartialCounts<V> implements Processor<String, V, String, Long> {

  private final String storeName;
  private final long bucketMillis;
  private final Function<Record<String, V>, List<String>> dimensions;
  private ProcessorContext<String, Long> context;
  private TimestampedKeyValueStore<String, Long> pending;

  /**
   * @param storeName a store made by {@link #store(String)}, connected to this processor
   * @param bucket the smallest window the counts downstream are kept in (windows aligned to the
   *     epoch, as {@code TimeWindows} are)
   * @param dimensions what a record counts for (none, one or several dimensions)
   */
  public PartialCounts(
      String storeName, Duration bucket, Function<Record<String, V>, List<String>> dimensions) {
    this.storeName = Objects.requireNonNull(storeName, "storeName can't be null");
    this.bucketMillis = bucket.toMillis();
    this.dimensions = Objects.requireNonNull(dimensions, "dimensions can't be null");
  }

  /** The pending store: partial count and newest timestamp per {@link BucketKey}. */
  public static StoreBuilder<TimestampedKeyValueStore<String, Long>> store(String name) {
    return Stores.timestampedKeyValueStoreBuilder(
            Stores.persistentTimestampedKeyValueStore(name), Serdes.String(), Serdes.Long())
        .withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, Long> context) {
    this.context = context;
    this.pending = context.getStateStore(storeName);
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, V> record) {
    for (String dimension : dimensions.apply(record)) {
      String key = BucketKey.of(dimension, record.timestamp(), bucketMillis);
      ValueAndTimestamp<Long> counted = pending.get(key);
      pending.put(
          key,
          counted == null
              ? ValueAndTimestamp.make(1L, record.timestamp())
              : ValueAndTimestamp.make(
                  counted.value() + 1, Math.max(counted.timestamp(), record.timestamp())));
    }
  }

  private void flush(long now) {
    List<String> sent = new ArrayList<>();
    try (KeyValueIterator<String, ValueAndTimestamp<Long>> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, ValueAndTimestamp<Long>> kv = it.next();
        context.forward(
            new Record<>(BucketKey.dimension(kv.key), kv.value.value(), kv.value.timestamp()));
        sent.add(kv.key);
      }
    }
    sent.forEach(pending::delete);
  }
}
