package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.kafka.alert.SentAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps this task's latest {@link #SIZE} alerts in a ring of store slots and, once per {@link
 * Throttle#INTERVAL}, sends them on as one JSON list (newest first) under {@link #KEY}. An alert
 * costs one cached store write of the JSON already made for news.alerts; only the few that are
 * shown are ever parsed. {@link #merge} combines the lists of every task into the dashboard's one.
 */
public final class RecentAlerts implements Processor<String, SentAlert, String, String> {

  /** How many alerts the list holds. */
  public static final int SIZE = 20;

  /** The key of the list on news.dashboard. */
  public static final String KEY = "alerts/recent";

  private static final List<String> SHOWN =
      List.of(
          "ruleId",
          "subscriber",
          "mode",
          "articleId",
          "storyId",
          "title",
          "url",
          "source",
          "publishedAt",
          "snippet",
          "alertedAt",
          "count");

  private final String storeName;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, String> slots;
  private long next;

  public RecentAlerts(String storeName) {
    this.storeName = storeName;
  }

  /** The same cached string store as the throttle's: one slot per ring position. */
  public static StoreBuilder<KeyValueStore<String, String>> store(String name) {
    return Throttle.store(name);
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.slots = context.getStateStore(storeName);
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, SentAlert> record) {
    if (record.value() != null) {
      // the slot's number is the ring position; the alert's own alertedAt orders the list
      slots.put(slot(next++ % SIZE), record.value().json());
    }
  }

  /**
   * Two digits, so the store's byte order is the ring's (String.format costs more than the put).
   */
  static String slot(long position) {
    return position < 10 ? "0" + position : Long.toString(position);
  }

  private void flush(long now) {
    List<String> used = new ArrayList<>();
    ArrayNode list = Json.object().arrayNode();
    try (KeyValueIterator<String, String> it = slots.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        used.add(kv.key);
        list.add(shown(Json.read(kv.value)));
      }
    }
    if (used.isEmpty()) {
      return;
    }
    used.forEach(slots::delete);
    context.forward(new Record<>(KEY, Json.write(newestFirst(list, SIZE)), now));
  }

  private static ObjectNode shown(ObjectNode alert) {
    ObjectNode o = Json.object();
    for (String f : SHOWN) {
      if (alert.has(f)) {
        o.set(f, alert.get(f));
      }
    }
    return o;
  }

  /** Two lists of shown alerts as one, newest first, at most {@link #SIZE}. */
  public static String merge(String older, String newer) {
    ArrayNode all = Json.object().arrayNode();
    all.addAll((ArrayNode) Json.readTree(newer));
    all.addAll((ArrayNode) Json.readTree(older));
    return Json.write(newestFirst(all, SIZE));
  }

  private static ArrayNode newestFirst(ArrayNode alerts, int size) {
    List<JsonNode> sorted = new ArrayList<>();
    alerts.forEach(sorted::add);
    sorted.sort(Comparator.comparing(RecentAlerts::alertedAt).reversed());
    ArrayNode out = Json.object().arrayNode();
    sorted.stream().limit(size).forEach(out::add);
    return out;
  }

  private static Instant alertedAt(JsonNode alert) {
    try {
      return Instant.parse(alert.path("alertedAt").asText());
    } catch (RuntimeException e) {
      return Instant.EPOCH;
    }
  }
}
