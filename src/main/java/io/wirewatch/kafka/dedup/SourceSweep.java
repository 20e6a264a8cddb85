package io.wirewatch.kafka.dedup;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Walks the boilerplate store a few entries at a time, from where it stopped, and deletes the
 * sources not seen within the dedup window. The walk only frees space: a source's next article
 * finds an expired model expired whether or not the walk has reached it, so verdicts do not depend
 * on how far it has come. A source's model lines ({@link SourceKeys#lines}) are deleted with its
 * head.
 */
final class SourceSweep {

  private final KeyValueStore<String, byte[]> store;
  private final long windowMillis;
  // in memory: after a restart the walk starts again from the first source
  private String next;

  SourceSweep(KeyValueStore<String, byte[]> store, long windowMillis) {
    this.store = store;
    this.windowMillis = windowMillis;
  }

  /**
   * Looks at up to {@code budget} entries after the last one looked at, wrapping round at the end;
   * returns how many it deleted. An entry written before last-seen times were kept gets {@code now}
   * as its time, so it expires a window later unless its source sends again.
   */
  int sweep(long now, int budget) {
    if (budget <= 0) {
      return 0;
    }
    List<KeyValue<String, byte[]>> batch = new ArrayList<>(budget);
    boolean atEnd;
    try (KeyValueIterator<String, byte[]> it =
        next == null ? store.all() : store.range(next, null)) {
      while (batch.size() < budget && it.hasNext()) {
        batch.add(it.next());
      }
      atEnd = !it.hasNext();
    }
    // the least key after the last one looked at
    next = atEnd || batch.isEmpty() ? null : batch.get(batch.size() - 1).key + '\u0000';
    int deleted = 0;
    for (KeyValue<String, byte[]> kv : batch) {
      String head = SourceKeys.headOfLines(kv.key);
      if (head != null) {
        // a model's lines go with their head; lines left without one are deleted
        if (store.get(head) == null) {
          store.delete(kv.key);
        }
        continue;
      }
      long lastSeen = SourceEntry.lastSeen(kv.value);
      if (lastSeen == SourceEntry.UNKNOWN) {
        store.put(kv.key, SourceEntry.of(now, kv.value));
      } else if (SourceEntry.expired(lastSeen, now, windowMillis)) {
        store.delete(kv.key);
        if (SourceEntry.isSplit(kv.value)) {
          store.delete(SourceKeys.linesOfHead(kv.key));
        }
        deleted++;
      }
    }
    return deleted;
  }
}
