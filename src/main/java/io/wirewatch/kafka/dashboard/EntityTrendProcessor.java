package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.stats.Activity;
import io.wirewatch.stats.Spike;
import io.wirewatch.stats.SpikeDetector;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Per entity (input: {@link EntityMentions}, each record the mentions of one article that belong to
 * this partition): mentions in {@link #BUCKET} buckets over the last {@link #HISTORY} buckets, and
 * whether the current bucket is a spike against that baseline. Forwards the latest summary of each
 * entity mentioned at most once per {@link Throttle#INTERVAL} of wall clock, many summaries to a
 * record (a JSON array, for the {@link Leaderboard}): the board's repartition topic carries a few
 * records per second, not one per entity. Bounded: one entry per entity mentioned within the
 * history (24 hours); a punctuation deletes the rest.
 *
 * <p>The summaries wait in memory, not in a changelogged store (which cost two records per entity
 * and second). A task that stops loses them, but each is computed from the entity's entry in the
 * store, which exactly-once restores; so the first flush after a task starts sends the summary of
 * every entity in the store, and the leaderboard, which keeps the latest summary per entity, ends
 * up as if nothing had been lost.
 */
public final class EntityTrendProcessor implements Processor<String, String, String, String> {

  static final Duration BUCKET = Duration.ofMinutes(15);
  static final int HISTORY = 96;

  // about 250 bytes a summary, more with a long entity id or name (from the articles' text): the
  // cap and the byte budget of PartitionBatches keep a record far below the broker's 1 MB limit,
  // also when a task that starts again resends every entity
  static final int SUMMARIES_PER_RECORD = 1_000;

  private final String storeName;
  private final SpikeDetector detector = SpikeDetector.defaults();
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> entities;
  private final Map<String, String> waiting = new LinkedHashMap<>();
  private boolean resent;

  public EntityTrendProcessor(String storeName) {
    this.storeName = storeName;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.entities = context.getStateStore(storeName);
    context.schedule(Duration.ofMinutes(10), PunctuationType.STREAM_TIME, this::expire);
    // a task that starts again resends everything: anything waiting from before is stale
    waiting.clear();
    resent = false;
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.value() == null) {
      return;
    }
    for (EntityMentions.Mention m : EntityMentions.read(record.key(), record.value())) {
      count(m, record.timestamp());
    }
  }

  private void count(EntityMentions.Mention mention, long timestamp) {
    String stored = entities.get(mention.id());
    ObjectNode state = stored == null ? Json.object() : Json.read(stored);
    Activity activity =
        stored == null
            ? Activity.empty(BUCKET.toMillis(), HISTORY)
            : Activity.decode(state.get("activity").asText());
    activity = activity.add(timestamp, 1);
    long lastSeen = Math.max(state.path("lastSeenMs").asLong(), timestamp);
    state.put("name", mention.name());
    state.put("type", mention.type());
    state.put("activity", activity.encode());
    state.put("lastSeenMs", lastSeen);
    entities.put(mention.id(), Json.write(state));
    waiting.put(mention.id(), summary(mention.id(), state, activity));
  }

  private String summary(String id, ObjectNode state, Activity activity) {
    Spike spike = detector.assess(activity);
    ObjectNode out = Json.object();
    out.put("id", id);
    out.put("name", state.get("name").asText());
    out.put("type", state.get("type").asText());
    out.put("mentions24h", activity.total());
    out.put("current", spike.current());
    out.put("baseline", Math.round(spike.baselineMean() * 100) / 100.0);
    out.put("score", spike.score());
    out.put("trending", spike.trending());
    out.put("lastSeenMs", state.path("lastSeenMs").asLong());
    return Json.write(out);
  }

  private void flush(long now) {
    if (!resent) {
      queueEveryEntity();
      resent = true;
    }
    List<String> batch = new ArrayList<>();
    String first = null;
    int bytes = 0;
    for (Map.Entry<String, String> e : waiting.entrySet()) {
      // a summary's size is its UTF-8 bytes and a comma: exact, as the summaries are JSON already
      int size = EncodedSize.utf8(e.getValue()) + 1;
      if (!batch.isEmpty() && bytes + size > PartitionBatches.MAX_BYTES) {
        forward(first, batch, now);
        bytes = 0;
      }
      first = batch.isEmpty() ? e.getKey() : first;
      batch.add(e.getValue());
      bytes += size;
      if (batch.size() == SUMMARIES_PER_RECORD || bytes >= PartitionBatches.MAX_BYTES) {
        forward(first, batch, now);
        bytes = 0;
      }
    }
    if (!batch.isEmpty()) {
      forward(first, batch, now);
    }
    waiting.clear();
  }

  /**
   * Queues the summary of every entity in the store, at a task's first flush: what waited before it
   * stopped is lost, and the store, restored, has what the summaries are made of.
   */
  private void queueEveryEntity() {
    waiting.clear();
    try (KeyValueIterator<String, String> it = entities.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        ObjectNode state = Json.read(kv.value);
        Activity activity = Activity.decode(state.get("activity").asText());
        waiting.put(kv.key, summary(kv.key, state, activity));
      }
    }
  }

  /** The summaries, already JSON, joined into one array without parsing them again. */
  private void forward(String key, List<String> summaries, long now) {
    context.forward(new Record<>(key, "[" + String.join(",", summaries) + "]", now));
    summaries.clear();
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
