package io.wirewatch.kafka;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.kafka.alert.SentAlert;
import io.wirewatch.kafka.dashboard.CountThrottle;
import io.wirewatch.kafka.dashboard.EntityMentions;
import io.wirewatch.kafka.dashboard.EntityTrendProcessor;
import io.wirewatch.kafka.dashboard.Leaderboard;
import io.wirewatch.kafka.dashboard.PartialCounts;
import io.wirewatch.kafka.dashboard.PartitionBatches;
import io.wirewatch.kafka.dashboard.PartitionCounts;
import io.wirewatch.kafka.dashboard.PartitionSums;
import io.wirewatch.kafka.dashboard.RecentAlerts;
import io.wirewatch.kafka.dashboard.Throttle;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KGroupedStream;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.StoreBuilder;
import org.apache.kafka.streams.state.Stores;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Dashboard statistics as keyed JSON on news.dashboard (compacted: each key's latest value is the
 * statistic). Keys:
 *
 * <ul>
 *   <li>{@code volume/minute|hour/<source or *>/<windowStart>}, {@code
 *       language-volume/minute|hour/<language>/<windowStart>}: article counts;
 *   <li>{@code alerts/day/rule|subscriber/<name>/<windowStart>}: alert counts;
 *   <li>{@code alerts/recent}: the last {@link RecentAlerts#SIZE} alerts;
 *   <li>{@code entities/top}, {@code entities/trending}, {@code stories/top}: leaderboards.
 * </ul>
 *
 * Windows accept late records for {@link #GRACE}; every update passes a wall-clock {@link Throttle}
 * (or a leaderboard that publishes at the same pace), so a key changes at most once a second.
 *
 * <p>Neither articles nor alerts cross a repartition topic one by one to be counted: each task
 * counts them per dimension and window first ({@link PartialCounts}, {@link PartitionCounts}) and
 * sends its counts on once a second, which are added up downstream. The counts stay exact; the
 * dashboard is up to a second further behind. Entity mentions, the counts by rule and the entity
 * summaries cross their repartition topics in batches, one record per destination partition ({@link
 * PartitionBatches}, {@link EntityMentions}) rather than one per item.
 */
public final class DashboardTopology {

  /** Windowed counts per minute, retained {@link #RETENTION} (25 hours). */
  public static final String VOLUME_STORE = "dashboard-volume-minute";

  /** Windowed counts per hour, retained {@link #HOUR_RETENTION} (8 days). */
  public static final String VOLUME_HOUR_STORE = "dashboard-volume-hour";

  static final Duration GRACE = Duration.ofMinutes(5);
  static final Duration RETENTION = Duration.ofHours(25);
  static final Duration HOUR_RETENTION = Duration.ofDays(8);
  static final String ALL_SOURCES = "*";
  private static final String SOURCE = "s:";
  private static final String LANGUAGE = "l:";
  private static final String RULE = "rule/";
  private static final String SUBSCRIBER = "subscriber/";

  private DashboardTopology() {}

  /**
   * The repartition topics that carry batches ({@link PartitionBatches}) need their partition count
   * fixed, and it must be the one Streams would derive from their input: an internal topic that
   * exists with another count stops Streams at start.
   *
   * @param enrichedPartitions the partition count of the topic {@code enriched} is read from (the
   *     dedup's verdict topic: wirewatch.topics.partitions), for the entity mentions
   * @param alertsPartitions the partition count news.alerts has on the broker, for the counts by
   *     rule (read from it)
   */
  public static void build(
      StreamsBuilder builder,
      KStream<String, EnrichedArticle> enriched,
      KStream<String, SentAlert> sentAlerts,
      int enrichedPartitions,
      int alertsPartitions) {
    requirePositive(enrichedPartitions, "enrichedPartitions");
    requirePositive(alertsPartitions, "alertsPartitions");
    volume(builder, enriched);
    alerts(builder, sentAlerts, alertsPartitions);
    entities(builder, enriched, enrichedPartitions);
    stories(builder, enriched);
  }

  private static void requirePositive(int partitions, String name) {
    if (partitions <= 0) {
      throw new IllegalArgumentException(name + " must be positive, was " + partitions);
    }
  }

  private static void volume(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
    // the pending partial counts of the minute (and so of the hour) each article counts in
    String pending = "dashboard-volume-pending";
    builder.addStateStore(PartialCounts.store(pending));
    KGroupedStream<String, Long> byDimension =
        enriched
            .process(
                () ->
                    new PartialCounts<EnrichedArticle>(
                        pending, Duration.ofMinutes(1), r -> volumeDimensions(r.value())),
                Named.as("dashboard-volume-partial-counts"),
                pending)
            .groupByKey(
                Grouped.with("dashboard-volume-by-dimension", Serdes.String(), Serdes.Long()));
    KStream<String, String> minute =
        countPer(byDimension, "minute", Duration.ofMinutes(1), VOLUME_STORE, RETENTION);
    KStream<String, String> hour =
        countPer(byDimension, "hour", Duration.ofHours(1), VOLUME_HOUR_STORE, HOUR_RETENTION);
    throttled(builder, minute.merge(hour, Named.as("dashboard-volume-merge")), "dashboard-volume");
  }

  private static List<String> volumeDimensions(EnrichedArticle a) {
    if (a == null) {
      return List.of();
    }
    return List.of(
        SOURCE + orUnknown(a.getSource()),
        SOURCE + ALL_SOURCES,
        LANGUAGE + orUnknown(a.getLanguage()));
  }

  /** Sums the partial counts of each dimension per window. */
  private static KStream<String, String> countPer(
      KGroupedStream<String, Long> grouped,
      String granularity,
      Duration size,
      String store,
      Duration retention) {
    return grouped
        .windowedBy(TimeWindows.ofSizeAndGrace(size, GRACE))
        .reduce(
            Long::sum,
            Named.as(store + "-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(store)
                .withKeySerde(Serdes.String())
                .withValueSerde(Serdes.Long())
                .withRetention(retention))
        .toStream(Named.as(store + "-updates"))
        .map(
            (window, count) ->
                KeyValue.pair(
                    volumeKey(granularity, window), volumeJson(granularity, window, count)),
            Named.as(store + "-json"));
  }

  static String volumeKey(String granularity, Windowed<String> window) {
    String key = window.key();
    String prefix = key.startsWith(LANGUAGE) ? "language-volume/" : "volume/";
    return prefix
        + granularity
        + "/"
        + key.substring(2)
        + "/"
        + Instant.ofEpochMilli(window.window().start());
  }

  static String volumeJson(String granularity, Windowed<String> window, Long count) {
    boolean language = window.key().startsWith(LANGUAGE);
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("type", "volume");
    o.put("granularity", granularity);
    o.put("dimension", language ? "language" : "source");
    o.put(language ? "language" : "source", window.key().substring(2));
    o.put("windowStart", Instant.ofEpochMilli(window.window().start()).toString());
    o.put("windowEnd", Instant.ofEpochMilli(window.window().end()).toString());
    o.put("count", count == null ? 0 : count);
    return JsonViews.write(o);
  }

  /**
   * Alert counts per rule and per subscriber and day, and the latest alerts: the counts from the
   * keys and rule headers of news.alerts (never by parsing news.alerts again), the latest from the
   * alerts as they are sent.
   */
  private static void alerts(
      StreamsBuilder builder, KStream<String, SentAlert> sent, int partitions) {
    // by subscriber and by rule: news.alerts is already keyed and partitioned by subscriber, and
    // this process writes every alert there once, so the counts read it back (key, time and the
    // rule header only: the JSON is never parsed) instead of sending each alert through a
    // repartition topic of its own
    KStream<String, byte[]> written =
        builder.stream(
            Topics.ALERTS.name(),
            Consumed.with(Serdes.String(), Serdes.ByteArray())
                .withName("dashboard-alerts-by-subscriber"));
    alertsBySubscriber(written);
    alertsByRule(builder, written, partitions);
    latestAlerts(builder, sent);
  }

  /** Each subscriber's alerts of the day, counted where news.alerts already has them. */
  private static void alertsBySubscriber(KStream<String, byte[]> written) {
    String subscriberDayStore = "dashboard-alerts-day-subscriber";
    written
        .groupByKey(Grouped.with(Serdes.String(), Serdes.ByteArray()))
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofDays(1), GRACE))
        .count(
            Named.as("dashboard-alerts-subscriber-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(subscriberDayStore)
                .withKeySerde(Serdes.String())
                .withRetention(Duration.ofDays(2)))
        .toStream(Named.as("dashboard-alerts-subscriber-count-updates"))
        .process(
            () ->
                new CountThrottle(
                    subscriberDayStore,
                    (w, n) -> {
                      Windowed<String> named = new Windowed<>(SUBSCRIBER + w.key(), w.window());
                      return KeyValue.pair(alertCountKey(named), alertCountJson(named, n));
                    }),
            Named.as("dashboard-alert-subscriber-counts-throttle"),
            subscriberDayStore)
        .to(Topics.DASHBOARD.name(), Topics.DASHBOARD.produced());
  }

  /**
   * Each rule's alerts of the day. Each task's running count of a rule's alerts goes on to the
   * count by rule at most once a second, instead of every alert, and the counts bound for one
   * partition go in one record; the count by rule adds up the tasks' counts, so it is exact
   * wherever a rule's alerts are. They are mostly in one task: a rule's alerts go to its
   * subscriber's partition.
   */
  private static void alertsByRule(
      StreamsBuilder builder, KStream<String, byte[]> written, int partitions) {
    String rulePartitionStore = "dashboard-alerts-rule-partition-counts";
    String ruleDayStore = "dashboard-alerts-day-rule";
    builder.addStateStore(PartitionCounts.store(rulePartitionStore));
    builder.addStateStore(PartitionSums.store(ruleDayStore));
    written
        .process(
            () ->
                new PartitionCounts<byte[]>(
                    rulePartitionStore,
                    Duration.ofDays(1),
                    GRACE,
                    // today's and yesterday's counts
                    Duration.ofDays(2),
                    partitions,
                    DashboardTopology::ruleDimension),
            Named.as("dashboard-alerts-rule-partition-counts"),
            rulePartitionStore)
        // at news.alerts' own partition count, which Streams would have derived for this topic
        // (and for the changelog of the store behind it) before the counts were batched
        .repartition(batchesBy("dashboard-alerts-by-rule", partitions))
        .process(
            () ->
                new PartitionSums(
                    ruleDayStore,
                    Duration.ofDays(1),
                    Duration.ofDays(2),
                    (rule, start, end, n) ->
                        KeyValue.pair(
                            alertCountKey(rule, start), alertCountJson(rule, start, end, n))),
            Named.as("dashboard-alerts-rule-count"),
            ruleDayStore)
        .to(Topics.DASHBOARD.name(), Topics.DASHBOARD.produced());
  }

  /** The latest alerts sent, one list for the whole dashboard. */
  private static void latestAlerts(StreamsBuilder builder, KStream<String, SentAlert> sent) {
    String recentStore = "dashboard-alerts-latest";
    builder.addStateStore(RecentAlerts.store(recentStore));
    KStream<String, String> recent =
        sent.process(
                () -> new RecentAlerts(recentStore),
                Named.as("dashboard-alerts-latest"),
                recentStore)
            .groupByKey(Grouped.with("dashboard-alerts-recent", Serdes.String(), Serdes.String()))
            .reduce(
                RecentAlerts::merge,
                Named.as("dashboard-alerts-recent-list"),
                // one key, at most RecentAlerts.SIZE alerts
                Materialized.<String, String, KeyValueStore<Bytes, byte[]>>as(
                        "dashboard-alerts-recent")
                    .withKeySerde(Serdes.String())
                    .withValueSerde(Serdes.String())
                    // each task's list arrives once a second: a cache would only add delay
                    .withCachingDisabled())
            .toStream(Named.as("dashboard-alerts-recent-updates"))
            .mapValues(DashboardTopology::recentJson, Named.as("dashboard-alerts-recent-json"));
    throttled(builder, recent, "dashboard-alerts-recent-out");
  }

  /**
   * The rule an alert on news.alerts counts for, from its {@link SentAlert#RULE_HEADER}. An alert
   * without one was written before the header existed, and counted by rule when it was sent.
   */
  private static List<String> ruleDimension(Record<String, byte[]> alert) {
    Header rule = alert.headers().lastHeader(SentAlert.RULE_HEADER);
    return rule == null
        ? List.of()
        : List.of(RULE + new String(rule.value(), StandardCharsets.UTF_8));
  }

  static String alertCountKey(Windowed<String> w) {
    return alertCountKey(w.key(), w.window().start());
  }

  static String alertCountKey(String dimension, long windowStart) {
    return "alerts/day/" + dimension + "/" + Instant.ofEpochMilli(windowStart);
  }

  static String alertCountJson(Windowed<String> w, Long n) {
    return alertCountJson(w.key(), w.window().start(), w.window().end(), n == null ? 0 : n);
  }

  static String alertCountJson(String dimension, long windowStart, long windowEnd, long n) {
    String[] dim = dimension.split("/", 2);
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("type", "alertCount");
    o.put("dimension", dim[0]);
    o.put(dim[0].equals("rule") ? "ruleId" : "subscriber", dim[1]);
    o.put("windowStart", Instant.ofEpochMilli(windowStart).toString());
    o.put("windowEnd", Instant.ofEpochMilli(windowEnd).toString());
    o.put("count", n);
    return JsonViews.write(o);
  }

  private static String recentJson(String list) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("type", "recentAlerts");
    o.set("items", parse(list).get(0));
    return JsonViews.write(o);
  }

  /** Mentions per entity, then who is most mentioned and who spikes against their own baseline. */
  private static void entities(
      StreamsBuilder builder, KStream<String, EnrichedArticle> enriched, int partitions) {
    String trendStore = "dashboard-entity-trends";
    String boardStore = "dashboard-entity-board";
    builder.addStateStore(jsonStore(trendStore));
    builder.addStateStore(jsonStore(boardStore));
    List<Leaderboard.Ranking> rankings =
        List.of(
            new Leaderboard.Ranking(
                "entities/top",
                e -> true,
                Comparator.<JsonNode>comparingLong(e -> -e.path("mentions24h").asLong())
                    .thenComparing(e -> e.path("name").asText()),
                15),
            new Leaderboard.Ranking(
                "entities/trending",
                e -> e.path("trending").asBoolean(),
                Comparator.<JsonNode>comparingDouble(e -> -e.path("score").asDouble())
                    .thenComparing(e -> e.path("name").asText()),
                10));
    // an article's mentions go to each entity's partition as one record per partition, not
    // one per mention
    enriched
        .flatMap(
            (id, a) -> EntityMentions.batches(a, partitions), Named.as("dashboard-entity-mentions"))
        .repartition(batchesBy("dashboard-entities-by-id", partitions))
        .process(
            () -> new EntityTrendProcessor(trendStore),
            Named.as("dashboard-entity-trend"),
            trendStore)
        // each task's changed summaries, once a second and many to a record, go to the single board
        .selectKey((k, v) -> "entities", Named.as("dashboard-entities-one-key"))
        .repartition(stringsBy("dashboard-entities-board").withNumberOfPartitions(1))
        .process(
            () -> new Leaderboard(boardStore, Duration.ofHours(24), rankings),
            Named.as("dashboard-entity-board"),
            boardStore)
        .to(Topics.DASHBOARD.name(), Topics.DASHBOARD.produced());
  }

  /** A persistent store of JSON values by string key, cached so a commit logs each key once. */
  private static StoreBuilder<KeyValueStore<String, String>> jsonStore(String name) {
    return Stores.keyValueStoreBuilder(
            Stores.persistentKeyValueStore(name), Serdes.String(), Serdes.String())
        .withCachingEnabled();
  }

  /** Top stories by reach: distinct sources first, then articles. */
  private static void stories(StreamsBuilder builder, KStream<String, EnrichedArticle> enriched) {
    String boardStore = "dashboard-story-board";
    builder.addStateStore(jsonStore(boardStore));
    List<Leaderboard.Ranking> rankings =
        List.of(
            new Leaderboard.Ranking(
                "stories/top",
                s -> true,
                Comparator.<JsonNode>comparingLong(s -> -s.path("sources").asLong())
                    .thenComparingLong(s -> -s.path("articles").asLong())
                    .thenComparingLong(s -> -s.path("lastSeenMs").asLong()),
                10));
    String storyThrottle = "dashboard-stories-throttle";
    builder.addStateStore(Throttle.store(storyThrottle));
    StoryTopology.build(builder, enriched)
        .process(
            () -> new Throttle(storyThrottle), Named.as("dashboard-story-throttle"), storyThrottle)
        .selectKey((k, v) -> "stories", Named.as("dashboard-stories-one-key"))
        .repartition(stringsBy("dashboard-stories-board").withNumberOfPartitions(1))
        .process(
            () -> new Leaderboard(boardStore, Duration.ofHours(24), rankings),
            Named.as("dashboard-story-board"),
            boardStore)
        .to(Topics.DASHBOARD.name(), Topics.DASHBOARD.produced());
  }

  private static Repartitioned<String, String> stringsBy(String name) {
    return Repartitioned.<String, String>as(name)
        .withKeySerde(Serdes.String())
        .withValueSerde(Serdes.String());
  }

  /** A repartition topic for {@link PartitionBatches}: a fixed count, routed by the batch key. */
  private static Repartitioned<String, String> batchesBy(String name, int partitions) {
    return stringsBy(name)
        .withNumberOfPartitions(partitions)
        .withStreamPartitioner(PartitionBatches.partitioner());
  }

  private static void throttled(
      StreamsBuilder builder, KStream<String, String> updates, String name) {
    String store = name + "-throttle";
    builder.addStateStore(Throttle.store(store));
    updates
        .process(() -> new Throttle(store), Named.as(name + "-throttle"), store)
        .to(Topics.DASHBOARD.name(), Topics.DASHBOARD.produced());
  }

  private static String orUnknown(String s) {
    return s == null || s.isBlank() ? "(unknown)" : s;
  }

  /** A one-element list with the parsed JSON, or empty for a record that is not JSON. */
  private static List<JsonNode> parse(String json) {
    try {
      return List.of(JsonViews.MAPPER.readTree(json));
    } catch (IOException | RuntimeException e) {
      return List.of();
    }
  }
}
