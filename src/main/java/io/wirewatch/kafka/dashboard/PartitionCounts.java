package io.wirewatch.kafka.dashboard;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * This task's running count per dimension and time window (tumbling, aligned to the epoch), sent on
 * at most once per {@link Throttle#INTERVAL} as {@code partition:count} keyed by the dimension, for
 * {@link PartitionSums} to add up over the partitions. A dimension's records cross the repartition
 * topic as one record per second, not one each.
 *
 * <p>The counts live in a changelogged store, cached (a commit logs each changed count once) and
 * bounded by the retention: a punctuation deletes older windows. Which counts changed since the
 * last send is kept in memory only: a task that starts again has lost that, so its first send is
 * every count in the store. A count is a running total, not an increment, so sending it twice
 * changes nothing downstream, and nothing is lost or counted twice when a task dies.
 *
 * <p>As in a windowed count, a record for a window closed {@code grace} ago (by this task's stream
 * time) is not counted.
 *
 * @param <V> the input's value type
 */
public final class PartitionCounts<V> implements Processor<String, V, String, String> {

  private final String storeName;
  private final long windowMillis;
  private final long graceMillis;
  private final long retentionMillis;
  private final Function<Record<String, V>, List<String>> dimensions;
  private ProcessorContext<String, String> context;
  private ChangedBuckets<Long> counts;
  private long streamTime = Long.MIN_VALUE;

  /**
   * @param storeName a store made by {@link #store(String)}, connected to this processor
   * @param window the windows counted in
   * @param grace how long after its end a window still counts late records
   * @param retention how long a window is kept (and resent after a restart)
   * @param dimensions what a record counts for (none, one or several dimensions)
   */
  public PartitionCounts(
      String storeName,
      Duration window,
      Duration grace,
      Duration retention,
      Function<Record<String, V>, List<String>> dimensions) {
    this.storeName = Objects.requireNonNull(storeName, "storeName can't be null");
    this.windowMillis = window.toMillis();
    this.graceMillis = grace.toMillis();
    this.retentionMillis = retention.toMillis();
    this.dimensions = Objects.requireNonNull(dimensions, "dimensions can't be null");
  }

  /** The running counts per {@link BucketKey}. */
  public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
        .withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    // a task that starts again resends everything: what changed before is not known any more
    this.counts = new ChangedBuckets<>(context.getStateStore(storeName));
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::send);
    context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, V> record) {
    streamTime = Math.max(streamTime, record.timestamp());
    long start = Math.floorDiv(record.timestamp(), windowMillis) * windowMillis;
    if (start + windowMillis + graceMillis <= streamTime) {
      return;
    }
    for (String dimension : dimensions.apply(record)) {
      String key = BucketKey.of(dimension, start, windowMillis);
      Long count = counts.get(key);
      counts.put(key, count == null ? 1 : count + 1);
    }
  }

  private void send(long now) {
    counts.send(this::forward);
  }

  private void forward(String key, Long count) {
    String entry = PartitionTotals.entry(context.taskId().partition(), count);
    context.forward(new Record<>(BucketKey.dimension(key), entry, BucketKey.start(key)));
  }

  private void expire(long now) {
    counts.expireBefore(now - retentionMillis);
  }
}
