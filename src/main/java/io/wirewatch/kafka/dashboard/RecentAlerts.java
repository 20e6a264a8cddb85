package io.wirewatch.kafka.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.kafka.alert.SentAlert;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;

/**
 * Keeps this task's latest {@link #SIZE} alerts and, once per {@link Throttle#INTERVAL}, sends them
 * on as one JSON list (newest first) under {@link #KEY}. The alerts since the last send wait in a
 * ring of {@link #SLOTS} store slots, {@link #PER_SLOT} alerts to a slot: a commit logs at most
 * {@link #SLOTS} records, where a slot per alert logged up to {@link #SIZE}. An alert costs one
 * cached store write of its slot (the JSON already made for news.alerts, joined to the slot's
 * others); only the alerts sent are ever parsed. {@link #merge} combines the lists of every task
 * into the dashboard's one.
 *
 * <p>A slot holds its position in arrival order, so the send takes the newest {@link #SIZE} by
 * arrival (the slot being filled and the full ones before it hold at least that many) and deletes
 * the slots. A task that starts again carries on after the newest slot it finds, so alerts waiting
 * from before a crash are sent, not overwritten.
 */
public final class RecentAlerts implements Processor<String, SentAlert, String, String> {

  /** How many alerts the list holds. */
  public static final int SIZE = 20;

  /** The key of the list on news.dashboard. */
  public static final String KEY = "alerts/recent";

  static final int PER_SLOT = 5;
  static final int SLOTS = SIZE / PER_SLOT + 1;

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
  // the position of the slot being filled and its alerts; null until the first alert after a start
  private long position;
  private List<String> filling;

  public RecentAlerts(String storeName) {
    this.storeName = storeName;
  }

  /** The same cached string store as the throttle's: one entry per slot. */
  public static StoreBuilder<KeyValueStore<String, String>> store(String name) {
    return Throttle.store(name);
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.slots = context.getStateStore(storeName);
    this.filling = null;
    context.schedule(Throttle.INTERVAL, PunctuationType.WALL_CLOCK_TIME, this::flush);
  }

  @Override
  public void process(Record<String, SentAlert> record) {
    if (record.value() == null) {
      return;
    }
    if (filling == null) {
      position = newestStoredPosition() + 1;
      filling = new ArrayList<>();
    } else if (filling.size() == PER_SLOT) {
      position++;
      filling = new ArrayList<>();
    }
    filling.add(record.value().json());
    slots.put(slot(position), position + "|[" + String.join(",", filling) + "]");
  }

  private long newestStoredPosition() {
    long newest = -1;
    try (KeyValueIterator<String, String> it = slots.all()) {
      while (it.hasNext()) {
        newest = Math.max(newest, positionOf(it.next().value));
      }
    }
    return newest;
  }

  /** The slot's key: its place in the ring. */
  static String slot(long position) {
    return Long.toString(position % SLOTS);
  }

  /** A slot's position; a slot of the earlier code (one alert, no position) counts as oldest. */
  private static long positionOf(String slot) {
    int bar = slot.indexOf('|');
    return bar < 0 || slot.startsWith("{") ? -1 : Long.parseLong(slot.substring(0, bar));
  }

  private static void addAlerts(String slot, List<JsonNode> to) {
    if (positionOf(slot) < 0) {
      to.add(Json.readTree(slot));
    } else {
      Json.readTree(slot.substring(slot.indexOf('|') + 1)).forEach(to::add);
    }
  }

  private void flush(long now) {
    TreeMap<Long, List<String>> byPosition = new TreeMap<>();
    List<String> used = new ArrayList<>();
    try (KeyValueIterator<String, String> it = slots.all()) {
      while (it.hasNext()) {
        KeyValue<String, String> kv = it.next();
        used.add(kv.key);
        byPosition.computeIfAbsent(positionOf(kv.value), p -> new ArrayList<>()).add(kv.value);
      }
    }
    if (used.isEmpty()) {
      return;
    }
    used.forEach(slots::delete);
    if (filling != null) {
      position++;
      filling = new ArrayList<>();
    }
    List<JsonNode> alerts = new ArrayList<>();
    byPosition.values().forEach(slotsAt -> slotsAt.forEach(slot -> addAlerts(slot, alerts)));
    ArrayNode list = Json.object().arrayNode();
    alerts.subList(Math.max(0, alerts.size() - SIZE), alerts.size()).stream()
        .map(a -> shown((ObjectNode) a))
        .forEach(list::add);
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
