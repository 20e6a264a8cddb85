package io.wirewatch.kafka.dashboard;

import io.wirewatch.kafka.alert.SentAlert;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;

/**
 * Counts this task's alerts per rule and per subscriber and day, and sends the counts on once per
 * {@link Throttle#INTERVAL} as {@code rule/<id>} or {@code subscriber/<name>} with the number of
 * alerts since the last time, stamped with the day's start. One alert then costs two cached store
 * updates instead of two records through a repartition topic; a busy rule's thousand alerts a
 * second leave as one record. The store is changelogged and cached: a crash loses no count, and the
 * changelog sees each key once per commit.
 */
public final class AlertTally implements Processor<String, SentAlert, String, Long> {

  /** Counts are per day of the alert's timestamp. */
  public static final Duration DAY = Duration.ofDays(1);

  private static final char DAY_SEPARATOR = '@';

  private final String storeName;
  private ProcessorContext<String, Long> context;
  private KeyValueStore<String, Long> counts;

  public AlertTally(String storeName) {
    this.storeName = storeName;
  }

  public static StoreBuilder<KeyValueStore<String, Long>> store(String name) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.Long())
        .withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, Long> context) {
    this.context = context;
    this.counts = context.getStateStore(storeName);
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, SentAlert> record) {
    SentAlert alert = record.value();
    if (alert == null) {
      return;
    }
    long day = record.timestamp() - Math.floorMod(record.timestamp(), DAY.toMillis());
    add("rule/" + alert.ruleId(), day);
    add("subscriber/" + alert.subscriber(), day);
  }

  private void add(String dimension, long day) {
    String key = dimension + DAY_SEPARATOR + day;
    Long n = counts.get(key);
    counts.put(key, n == null ? 1 : n + 1);
  }

  private void flush(long now) {
    List<String> sent = new ArrayList<>();
    try (KeyValueIterator<String, Long> it = counts.all()) {
      while (it.hasNext()) {
        KeyValue<String, Long> kv = it.next();
        int at = kv.key.lastIndexOf(DAY_SEPARATOR);
        long day = Long.parseLong(kv.key.substring(at + 1));
        context.forward(new Record<>(kv.key.substring(0, at), kv.value, day));
        sent.add(kv.key);
      }
    }
    sent.forEach(counts::delete);
  }
}
