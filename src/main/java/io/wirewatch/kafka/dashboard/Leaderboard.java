package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.stats.Rankings;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;

/**
 * Top-N lists over items that arrive as summaries (JSON with {@code id} and {@code lastSeenMs}),
 * one to a record or many in a JSON array, all under one key so one task sees every item. The lists
 * go out at most once per {@link Throttle#INTERVAL} of wall clock, and only after a change.
 * Bounded: items not seen within {@code window} of the newest one are deleted when the lists are
 * computed.
 */
public final class Leaderboard implements Processor<String, String, String, String> {

  /** One list: its key on news.dashboard, which items, in which order, how many. */
  public record Ranking(
      String outputKey, Predicate<JsonNode> keep, Comparator<JsonNode> best, int size) {}

  private final String storeName;
  private final Duration window;
  private final List<Ranking> rankings;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> items;
  private boolean changed;

  public Leaderboard(String storeName, Duration window, List<Ranking> rankings) {
    this.storeName = storeName;
    this.window = window;
    this.rankings = rankings;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.items = context.getStateStore(storeName);
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::publish);
  }

  @Override
  public void process(Record<String, String> record) {
    if (record.value() == null) {
      return;
    }
    JsonNode value = Json.readTree(record.value());
    if (value.isArray()) {
      value.forEach(item -> items.put(item.path("id").asText(), Json.write(item)));
    } else {
      items.put(value.path("id").asText(), record.value());
    }
    changed = true;
  }

  private void publish(long now) {
    if (!changed) {
      return;
    }
    changed = false;
    List<JsonNode> all = new ArrayList<>();
    List<String> old = new ArrayList<>();
    long newest = Long.MIN_VALUE;
    try (KeyValueIterator<String, String> it = items.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        JsonNode item = Json.read(kv.value);
        all.add(item);
        newest = Math.max(newest, item.path("lastSeenMs").asLong());
      }
    }
    long cutoff = newest - window.toMillis();
    all.removeIf(
        item -> {
          boolean expired = item.path("lastSeenMs").asLong() < cutoff;
          if (expired) {
            old.add(item.path("id").asText());
          }
          return expired;
        });
    old.forEach(items::delete);
    for (Ranking r : rankings) {
      ObjectNode out = Json.object();
      out.put("type", r.outputKey());
      out.put("updatedAt", Instant.ofEpochMilli(now).toString());
      ArrayNode list = out.putArray("items");
      Rankings.top(all, r.keep(), r.best(), r.size()).forEach(list::add);
      context.forward(new Record<>(r.outputKey(), Json.write(out), now));
    }
  }
}
