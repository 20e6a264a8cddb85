package io.wirewatch.kafka.dedup;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds records in a state store for a settle time, then hands them over in key order. With keys
 * that sort by event time, a burst that arrives over several partitions in an order timing decides
 * is handed over in publication order.
 *
 * <p>The inbox fills in batches: the first record into an empty inbox starts the clock, and once
 * the settle time has passed everything in it is claimed. So no record waits longer than the settle
 * time plus one tick, and none waits less than the settle time unless it came after the batch's
 * first.
 */
final class SettleInbox<V> {

  private final KeyValueStore<String, V> store;
  private final long settleMillis;
  private long filledSince = -1;

  private SettleInbox(KeyValueStore<String, V> store, Duration settle) {
    this.store = store;
    this.settleMillis = settle.toMillis();
  }

  /**
   * An inbox on the named store, checked on a wall-clock schedule of a quarter of the settle time;
   * {@code claim} gets every settled record, in key order.
   */
  static <V> SettleInbox<V> open(
      ProcessorContext<?, ?> context,
      String storeName,
      Duration settle,
      BiConsumer<KeyValue<String, V>, Long> claim) {
    SettleInbox<V> inbox = new SettleInbox<>(context.getStateStore(storeName), settle);
    // Streams schedules no finer than a millisecond; a settle under 4 ms would be refused
    Duration quarter = settle.dividedBy(4);
    Duration tick = quarter.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : quarter;
    context.schedule(
        tick,
        PunctuationType.WALL_CLOCK_TIME,
        now -> {
          for (KeyValue<String, V> kv : inbox.claimSettled(now)) {
            claim.accept(kv, now);
          }
        });
    return inbox;
  }

  /**
   * An inbox key that sorts by event time first: the time zero-padded to 20 digits (so the store's
   * byte order is time order), then the parts, all separated by '|'. Built by hand: String.format
   * cost more than the inbox put itself in the bench's profile.
   */
  static String key(long eventTime, String... parts) {
    String time = Long.toString(Math.max(0, eventTime));
    StringBuilder key = new StringBuilder(64);
    key.append("0".repeat(20 - time.length())).append(time);
    for (String part : parts) {
      key.append('|').append(part);
    }
    return key.toString();
  }

  void put(String key, V value, long now) {
    if (filledSince < 0) {
      filledSince = now;
    }
    store.put(key, value);
  }

  /** Removes and returns everything in the inbox, in key order, once the batch has settled. */
  List<KeyValue<String, V>> claimSettled(long now) {
    if (filledSince < 0) {
      // after a restart the store may hold records this instance has not timed yet
      try (KeyValueIterator<String, V> it = store.all()) {
        if (it.hasNext()) {
          filledSince = now;
        }
      }
      return List.of();
    }
    if (now - filledSince < settleMillis) {
      return List.of();
    }
    List<KeyValue<String, V>> due = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(due::add);
    }
    for (KeyValue<String, V> kv : due) {
      store.delete(kv.key);
    }
    filledSince = -1;
    return due;
  }
}
