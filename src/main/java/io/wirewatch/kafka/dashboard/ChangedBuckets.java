package io.wirewatch.kafka.dashboard;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * A store of running values per {@link BucketKey} and which of them changed since they were last
 * sent. Only the store is durable: the set of changed keys is lost with the task, so the first send
 * after a start sends every entry. Downstream takes running values, not deltas, so an entry sent
 * twice changes nothing.
 *
 * @param <V> the stored value
 */
final class ChangedBuckets<V> {

  private final KeyValueStore<String, V> store;
  private final Set<String> changed = new LinkedHashSet<>();
  private boolean resent;

  ChangedBuckets(KeyValueStore<String, V> store) {
    this.store = store;
  }

  V get(String key) {
    return store.get(key);
  }

  void put(String key, V value) {
    store.put(key, value);
    changed.add(key);
  }

  /**
   * Hands every entry that changed (after a start: every entry) to {@code send}, value non-null.
   */
  void send(BiConsumer<String, V> send) {
    if (!resent) {
      changed.clear();
      try (KeyValueIterator<String, V> it = store.all()) {
        it.forEachRemaining(kv -> send.accept(kv.key, kv.value));
      }
      resent = true;
      return;
    }
    for (String key : changed) {
      V value = store.get(key);
      if (value != null) {
        send.accept(key, value);
      }
    }
    changed.clear();
  }

  /** Deletes the buckets that started before {@code cutoff}. */
  void expireBefore(long cutoff) {
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, V> it = store.all()) {
      while (it.hasNext()) {
        KeyValue<String, V> kv = it.next();
        if (BucketKey.start(kv.key) < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(store::delete);
  }
}
