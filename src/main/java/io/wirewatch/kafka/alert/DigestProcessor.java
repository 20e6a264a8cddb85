package io.wirewatch.kafka.alert;

import io.wirewatch.avro.AlertRecord;
import io.wirewatch.avro.DigestState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Collects a subscriber's DIGEST matches (input keyed by subscriber) and emits one digest per
 * window. A window opens with its first match and closes {@code window} later by the wall clock;
 * the store holds one entry per subscriber with an open window, at most {@link #MAX_LISTED} matches
 * each.
 */
final class DigestProcessor implements Processor<String, AlertRecord, String, Digest> {

  static final String STORE = "alerts-digest";
  static final int MAX_LISTED = 50;

  private final Duration window;
  private ProcessorContext<String, Digest> context;
  private KeyValueStore<String, DigestState> open;

  DigestProcessor(Duration window) {
    this.window = window;
  }

  @Override
  public void init(ProcessorContext<String, Digest> context) {
    this.context = context;
    this.open = context.getStateStore(STORE);
    Duration every = window.compareTo(Duration.ofMinutes(1)) < 0 ? window : Duration.ofSeconds(10);
    context.schedule(every, PunctuationType.WALL_CLOCK_TIME, this::closeDueWindows);
  }

  @Override
  public void process(Record<String, AlertRecord> record) {
    DigestState state = open.get(record.key());
    if (state == null) {
      state = new DigestState(context.currentSystemTimeMs(), 0, new ArrayList<>());
    }
    state.setTotal(state.getTotal() + 1);
    if (state.getAlerts().size() < MAX_LISTED) {
      List<AlertRecord> alerts = new ArrayList<>(state.getAlerts());
      alerts.add(record.value());
      state.setAlerts(alerts);
    }
    open.put(record.key(), state);
  }

  private void closeDueWindows(long now) {
    List<KeyValue<String, DigestState>> due = new ArrayList<>();
    try (KeyValueIterator<String, DigestState> it = open.all()) {
      while (it.hasNext()) {
        KeyValue<String, DigestState> kv = it.next();
        if (now - kv.value.getOpenedAt() >= window.toMillis()) {
          due.add(kv);
        }
      }
    }
    for (KeyValue<String, DigestState> kv : due) {
      open.delete(kv.key);
      context.forward(
          new Record<>(kv.key, new Digest(kv.key, kv.value.getOpenedAt(), now, kv.value), now));
    }
  }
}
