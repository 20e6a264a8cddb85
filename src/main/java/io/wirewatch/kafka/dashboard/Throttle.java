package io.wirewatch.kafka.dashboard;

import java.time.Duration;
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
 * Rate-limits dashboard updates by wall clock: the latest value of each key waits in a store and
 * goes out at most once per interval. Unlike {@code suppress(untilTimeLimit)}, which moves with
 * stream time, the last update of a quiet period still goes out. The store is changelogged (under
 * exactly-once a pending update survives a crash), cached (the changelog sees a key once per
 * commit, however often it changed) and bounded: it only holds the keys changed within one
 * interval.
 */
public final class Throttle implements Processor<String, String, String, String> {

  /** How long an update may wait: the dashboard is at most this much behind. */
  public static final Duration INTERVAL = Duration.ofSeconds(1);

  private final String storeName;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> pending;

  public Throttle(String storeName) {
    this.storeName = storeName;
  }

  public static StoreBuilder<KeyValueStore<String, String>> store(String name) {
    // cached: a key updated a hundred times between two commits reaches the changelog once
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
        .withCachingEnabled();
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.pending = context.getStateStore(storeName);
    context.schedule(INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() != null && record.value() != null) {
      pending.put(record.key(), record.value());
    }
  }

  private void flush(long now) {
    java.util.List<String> sent = new java.util.ArrayList<>();
    try (KeyValueIterator<String, String> it = pending.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        context.forward(new Record<>(kv.key, kv.value, now));
        sent.add(kv.key);
      }
    }
    sent.forEach(pending::delete);
  }
}
