package io.wirewatch.kafka.dashboard;

import java.time.Duration;
import java.util.ArrayList;
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
 * at most once per {@link Throttle#INTERVAL} for {@link PartitionSums} to add up over the
 * partitions. The counts that changed go out together, one {@link CountBatch} per partition of the
 * repartition topic ({@link PartitionBatches}): a second's counts cross it as a few records, not
 * one per dimension, let alone one per input record.
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

  // a count is some 40 bytes, more with a long rule id: the cap and the byte budget of
  // PartitionBatches keep a record far below the broker's 1 MB limit, also when a task that starts
  // again resends every count
  private static final int COUNTS_PER_RECORD = 5_000;

  private final String storeName;
  private final long windowMillis;
  private final long graceMillis;
  private final long retentionMillis;
  private final int partitions;
  private final Function<Record<String, V>, List<String>> dimensions;
  private ProcessorContext<String, String> context;
  private ChangedBuckets<Long> counts;
  private long streamTime = Long.MIN_VALUE;

  /**
   * @param storeName a store made by {@link #store(String)}, connected to this processor
   * @param window the windows counted in
   * @param grace how long after its end a window still counts late records
   * @param retention how long a window is kept (and resent after a restart)
   * @param partitions the partition count of the repartition topic the counts are sent to
   * @param dimensions what a record counts for (none, one or several dimensions)
   */
  public PartitionCounts(
      String storeName,
      Duration window,
      Duration grace,
      Duration retention,
      int partitions,
      Function<Record<String, V>, List<String>> dimensions) {
    this.storeName = Objects.requireNonNull(storeName, "storeName can't be null");
    this.windowMillis = window.toMillis();
    this.graceMillis = grace.toMillis();
    this.retentionMillis = retention.toMillis();
    if (partitions <= 0) {
      throw new IllegalArgumentException("partitions must be positive, was " + partitions);
    }
    this.partitions = partitions;
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
    List<CountBatch.Count> changed = new ArrayList<>();
    counts.send(
        (key, n) ->
            changed.add(new CountBatch.Count(BucketKey.dimension(key), BucketKey.start(key), n)));
    int partition = context.taskId().partition();
    for (List<CountBatch.Count> group :
        PartitionBatches.byPartition(
            changed,
            CountBatch.Count::dimension,
            CountBatch.Count::encodedSize,
            partitions,
            COUNTS_PER_RECORD)) {
      CountBatch batch = new CountBatch(partition, group);
      context.forward(new Record<>(group.get(0).dimension(), batch.encode(), batch.newestWindow()));
    }
  }

  private void expire(long now) {
    counts.expireBefore(now - retentionMillis);
  }
}
