package io.wirewatch.kafka.dedup;

import io.wirewatch.dedup.LowWatermark;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.errors.StreamsException;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Holds records, keyed so that they sort by event time, until every input partition upstream has
 * passed their event time (the low watermark) and they have waited a minimum time; then hands them
 * over in key order. The watermark makes the order independent of how far one stream thread runs
 * ahead of another; the minimum wait (the settle time, in the fingerprint step) still sorts a burst
 * that one input partition holds out of publication order.
 *
 * <p>Records leave only from the front: a record that has not waited holds back those after it, so
 * the inbox never hands over a record before one that sorts earlier and is already in. The inputs'
 * watermarks live in a store of their own, one entry per input partition, so a restart resumes with
 * them.
 *
 * <p>The store is the durable copy; the inbox reads from a sorted copy in memory, filled from the
 * store when the inbox opens. A release pass runs on every tick and every watermark, and opening a
 * RocksDB iterator for each (over the tombstones of every record released before) took a tenth of
 * the stream threads' CPU in the bench's profile. The inbox holds only what is in flight, so the
 * copy is small.
 */
final class SettleInbox<V> {

  private static final int TIME_DIGITS = 20;

  private final KeyValueStore<String, V> store;
  private final TreeMap<String, V> held = new TreeMap<>();
  private final KeyValueStore<String, Long> watermarks;
  private final LowWatermark low = new LowWatermark();
  private final long waitMillis;
  private final BiConsumer<KeyValue<String, V>, Long> claim;
  // wall-clock arrival, in memory only: records found in the store after a restart count as
  // arrived when the inbox opened, so they settle together rather than one per pass
  private final Map<String, Long> arrivedAt = new HashMap<>();
  private final long openedAt;
  private long frontier = LowWatermark.IDLE;
  private Runnable afterRelease = () -> {};

  private SettleInbox(
      KeyValueStore<String, V> store,
      KeyValueStore<String, Long> watermarks,
      Duration minimumWait,
      BiConsumer<KeyValue<String, V>, Long> claim,
      long openedAt) {
    this.store = store;
    this.openedAt = openedAt;
    this.watermarks = watermarks;
    this.waitMillis = minimumWait.toMillis();
    this.claim = claim;
    try (KeyValueIterator<String, Long> it = watermarks.all()) {
      it.forEachRemaining(kv -> low.announce(Integer.parseInt(kv.key), kv.value));
    }
    try (KeyValueIterator<String, V> it = store.all()) {
      it.forEachRemaining(kv -> held.put(kv.key, kv.value));
    }
  }

  /**
   * An inbox on the named stores, checked on a wall-clock schedule of a quarter of the settle time
   * (and holding each record at least {@code minimumWait}) and whenever a watermark comes; {@code
   * claim} gets every released record, in key order.
   */
  static <V> SettleInbox<V> open(
      ProcessorContext<?, ?> context,
      String storeName,
      String watermarkStoreName,
      Duration settle,
      Duration minimumWait,
      BiConsumer<KeyValue<String, V>, Long> claim) {
    SettleInbox<V> inbox =
        new SettleInbox<>(
            context.getStateStore(storeName),
            context.getStateStore(watermarkStoreName),
            minimumWait,
            claim,
            context.currentSystemTimeMs());
    context.schedule(tick(settle), PunctuationType.WALL_CLOCK_TIME, inbox::release);
    return inbox;
  }

  /** A quarter of the settle time; Streams schedules no finer than a millisecond. */
  static Duration tick(Duration settle) {
    Duration quarter = settle.dividedBy(4);
    return quarter.compareTo(Duration.ofMillis(1)) < 0 ? Duration.ofMillis(1) : quarter;
  }

  /**
   * An inbox key that sorts by event time first: the time zero-padded to 20 digits (so the store's
   * byte order is time order), then the parts, all separated by '|'. Built by hand: String.format
   * cost more than the inbox put itself in the bench's profile.
   */
  static String key(long eventTime, String... parts) {
    String time = Long.toString(Math.max(0, eventTime));
    StringBuilder key = new StringBuilder(64);
    key.append("0".repeat(TIME_DIGITS - time.length())).append(time);
    for (String part : parts) {
      key.append('|').append(part);
    }
    return key.toString();
  }

  static long eventTime(String key) {
    return Long.parseLong(key.substring(0, TIME_DIGITS));
  }

  /** Runs after each release, whether or not it handed anything over. */
  void afterEachRelease(Runnable action) {
    this.afterRelease = action;
  }

  void put(String key, V value, long now) {
    store.put(key, value);
    held.put(key, value);
    arrivedAt.put(key, now);
  }

  /** Takes an input partition's watermark, then releases what it lets through. */
  void watermark(int input, long watermark, long now) {
    watermarks.put(Integer.toString(input), watermark);
    low.announce(input, watermark);
    release(now);
  }

  /**
   * The earliest event time this inbox may still hand over: its first held record's, or the low
   * watermark when it is empty. What a step downstream of it can take as this partition's
   * watermark.
   */
  long frontier() {
    return frontier;
  }

  /**
   * Hands over, in key order, the records at the front that the watermark passed and that waited,
   * deleting each after its own hand-over. A hand-over that throws does not stop the others: the
   * first failure is thrown once all are through, with any later ones suppressed in it.
   */
  void release(long now) {
    List<KeyValue<String, V>> due = new ArrayList<>();
    long waiting = LowWatermark.IDLE;
    for (Map.Entry<String, V> entry : held.entrySet()) {
      long eventTime = eventTime(entry.getKey());
      long arrived = arrivedAt.getOrDefault(entry.getKey(), openedAt);
      if (!low.passed(eventTime) || now - arrived < waitMillis) {
        waiting = eventTime;
        break;
      }
      due.add(KeyValue.pair(entry.getKey(), entry.getValue()));
    }
    frontier = Math.min(waiting, low.value());
    RuntimeException failed = null;
    for (KeyValue<String, V> kv : due) {
      try {
        claim.accept(kv, now);
      } catch (StreamsException fatal) {
        // the task is failing or migrating: its transaction aborts, the inbox included
        throw fatal;
      } catch (RuntimeException e) {
        failed = addFailure(failed, kv.key, e);
      }
      // a record whose hand-over threw leaves too: kept, it would throw again at every pass and,
      // being at the front, hold back everything behind it
      store.delete(kv.key);
      held.remove(kv.key);
      arrivedAt.remove(kv.key);
    }
    afterRelease.run();
    if (failed != null) {
      // once the others are handed over, so the processing exception handler rejects only these
      throw failed;
    }
  }

  private static RuntimeException addFailure(RuntimeException failed, String key, Exception e) {
    RuntimeException failure =
        new IllegalStateException("hand-over of inbox record " + key + " failed: " + e, e);
    if (failed == null) {
      return failure;
    }
    failed.addSuppressed(failure);
    return failed;
  }
}
