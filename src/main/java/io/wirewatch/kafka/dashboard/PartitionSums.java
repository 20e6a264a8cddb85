package io.wirewatch.kafka.dashboard;

import java.time.Duration;
import java.util.Objects;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Adds up the running counts that {@link PartitionCounts} sends (a {@link CountBatch}; or, as sent
 * before batching, keyed by dimension, {@code partition:count}, timestamped with the window's
 * start) into one count per dimension and window, and sends each changed count, formatted, at most
 * once per {@link Throttle#INTERVAL}.
 *
 * <p>The counts per partition live in a changelogged, cached store, bounded by the retention (a
 * punctuation deletes older windows). Which totals changed is kept in memory only; a task that
 * starts again sends every total in the store first, and the output is compacted, so sending a
 * total again changes nothing.
 */
public final class PartitionSums implements Processor<String, String, String, String> {

  /** The dashboard key and JSON value of a dimension's count in a window. */
  @FunctionalInterface
  public interface Format {
    KeyValue<String, String> apply(String dimension, long windowStart, long windowEnd, long count);
  }

  private final String storeName;
  private final long windowMillis;
  private final long retentionMillis;
  private final Format format;
  private ProcessorContext<String, String> context;
  private ChangedBuckets<String> totals;

  /**
   * @param storeName a store made by {@link #store(String)}, connected to this processor
   * @param window the windows the partition counts are made in
   * @param retention how long a window is kept (and resent after a restart)
   * @param format the output record of a total
   */
  public PartitionSums(String storeName, Duration window, Duration retention, Format format) {
    this.storeName = Objects.requireNonNull(storeName, "storeName can't be null");
    this.windowMillis = window.toMillis();
    this.retentionMillis = retention.toMillis();
    this.format = Objects.requireNonNull(format, "format can't be null");
  }

  /** The counts per partition ({@link PartitionTotals}) per {@link BucketKey}. */
  public static StoreBuilder<KeyValueStore<String, String>> store(String name) {
    // the throttle's cached string store: totals change many times between two commits
    return Throttle.store(name);
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.totals = new ChangedBuckets<>(context.getStateStore(storeName));
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::send);
    context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    if (!CountBatch.isBatch(record.value())) {
      add(BucketKey.of(record.key(), record.timestamp(), windowMillis), record.value());
      return;
    }
    CountBatch batch = CountBatch.decode(record.value());
    for (CountBatch.Count c : batch.counts()) {
      add(
          BucketKey.of(c.dimension(), c.windowStart(), windowMillis),
          PartitionTotals.entry(batch.partition(), c.count()));
    }
  }

  private void add(String key, String partitionCount) {
    totals.put(key, PartitionTotals.decode(totals.get(key)).with(partitionCount).encode());
  }

  private void send(long now) {
    totals.send((key, partitions) -> forward(key, partitions, now));
  }

  private void forward(String key, String partitions, long now) {
    long start = BucketKey.start(key);
    long count = PartitionTotals.decode(partitions).total();
    KeyValue<String, String> kv =
        format.apply(BucketKey.dimension(key), start, start + windowMillis, count);
    context.forward(new Record<>(kv.key, kv.value, now));
  }

  private void expire(long now) {
    totals.expireBefore(now - retentionMillis);
  }
}
