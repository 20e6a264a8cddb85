package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.stats.Activity;
import io.wirewatch.stats.Spike;
import io.wirewatch.stats.SpikeDetector;
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
 * Per entity (input keyed by entity id, value {@code {"name","type"}}): mentions in {@link #BUCKET}
 * buckets over the last {@link #HISTORY} buckets, and whether the current bucket is a spike against
 * that baseline. Forwards the entity's summary on every mention. Bounded: one entry per entity
 * mentioned within the history (24 hours); a punctuation deletes the rest.
 */
public final class EntityTrendProcessor implements Processor<String, String, String, String> {

  static final Duration BUCKET = Duration.ofMinutes(15);
  static final int HISTORY = 96;

  private final String storeName;
  private final SpikeDetector detector = SpikeDetector.defaults();
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> entities;

  public EntityTrendProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.entities = context.getStateStore(storeName);
    context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.key() == null || record.value() == null) {
      return;
    }
    ObjectNode mention = Json.read(record.value());
    String stored = entities.get(record.key());
    ObjectNode state = stored == null ? Json.object() : Json.read(stored);
    Activity activity =
        stored == null
            ? Activity.empty(BUCKET.toMillis(), HISTORY)
            : Activity.decode(state.get("activity").asText());
    activity = activity.add(record.timestamp(), 1);
    long lastSeen = Math.max(state.path("lastSeenMs").asLong(), record.timestamp());
    state.put("name", mention.path("name").asText(record.key()));
    state.put("type", mention.path("type").asText(""));
    state.put("activity", activity.encode());
    state.put("lastSeenMs", lastSeen);
    entities.put(record.key(), Json.write(state));

    Spike spike = detector.assess(activity);
    ObjectNode out = Json.object();
    out.put("id", record.key());
    out.put("name", state.get("name").asText());
    out.put("type", state.get("type").asText());
    out.put("mentions24h", activity.total());
    out.put("current", spike.current());
    out.put("baseline", Math.round(spike.baselineMean() * 100) / 100.0);
    out.put("score", spike.score());
    out.put("trending", spike.trending());
    out.put("lastSeenMs", lastSeen);
    context.forward(record.withValue(Json.write(out)));
  }

  private void expire(long streamTime) {
    long cutoff = streamTime - BUCKET.toMillis() * (HISTORY + 1);
    List<String> old = new ArrayList<>();
    try (KeyValueIterator<String, String> it = entities.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        if (Json.read(kv.value).path("lastSeenMs").asLong() < cutoff) {
          old.add(kv.key);
        }
      }
    }
    old.forEach(entities::delete);
  }
}
