package io.wirewatch.kafka.dedup;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which stored entry of an inbox holds which of its records, where one entry holds every record
 * that came in one input record (a batch). The inbox hands records over one by one, so an entry is
 * rewritten with the records it still holds, and deleted with its last: a restart then finds in the
 * store exactly the records not handed over, and takes them in the same order.
 *
 * <p>Both methods answer with the entries to write: entry key to the records it still holds, in
 * record-key order, an empty list meaning the entry is to be deleted.
 */
final class InboxBatches<V> {

  private final Map<String, TreeMap<String, V>> recordsOf = new HashMap<>();
  private final Map<String, String> entryOf = new HashMap<>();

  /**
   * An entry and its records, by record key. A record key already held by another entry moves to
   * this one (the inbox keeps the record that came last, as a store keyed by record would), and
   * that entry is answered with what it has left; an entry key seen before is replaced.
   */
  Map<String, List<V>> add(String entryKey, Map<String, V> records) {
    TreeMap<String, V> before = recordsOf.remove(entryKey);
    if (before != null) {
      before.keySet().forEach(entryOf::remove);
    }
    Map<String, TreeMap<String, V>> changed = new HashMap<>();
    for (String recordKey : records.keySet()) {
      String other = entryOf.put(recordKey, entryKey);
      if (other != null) {
        TreeMap<String, V> left = recordsOf.get(other);
        left.remove(recordKey);
        changed.put(other, left);
      }
    }
    recordsOf.put(entryKey, new TreeMap<>(records));
    return leftIn(changed);
  }

  /** Records handed over: the entries that held them, with what each has left. */
  Map<String, List<V>> remove(Collection<String> recordKeys) {
    Map<String, TreeMap<String, V>> changed = new HashMap<>();
    for (String recordKey : recordKeys) {
      String entry = entryOf.remove(recordKey);
      if (entry != null) {
        TreeMap<String, V> left = recordsOf.get(entry);
        left.remove(recordKey);
        changed.put(entry, left);
      }
    }
    return leftIn(changed);
  }

  /** How many entries hold records. */
  int entries() {
    return recordsOf.size();
  }

  private Map<String, List<V>> leftIn(Map<String, TreeMap<String, V>> changed) {
    Map<String, List<V>> out = new TreeMap<>();
    for (Map.Entry<String, TreeMap<String, V>> e : changed.entrySet()) {
      if (e.getValue().isEmpty()) {
        recordsOf.remove(e.getKey());
      }
      out.put(e.getKey(), new ArrayList<>(e.getValue().values()));
    }
    return out;
  }
}
