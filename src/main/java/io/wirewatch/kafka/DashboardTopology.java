package io.wirewatch.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.common.utils.Bytes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.kstream.Grouped;
import org.apache.kafka.streams.kstream.KStream;
import org.apache.kafka.streams.kstream.Materialized;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.TimeWindows;
import org.apache.kafka.streams.kstream.Windowed;
import org.apache.kafka.streams.state.WindowStore;

/**
 * Dashboard statistics: article volume per minute by source (and {@code *} for all sources), as
 * keyed JSON updates on news.dashboard. The record cache and commit interval rate-limit the
 * updates; windows accept late articles for {@link #GRACE} and are kept for {@link #RETENTION}.
 */
public final class DashboardTopology {

  public static final String VOLUME_STORE = "dashboard-volume-minute";
  static final Duration GRACE = Duration.ofMinutes(5);
  static final Duration RETENTION = Duration.ofHours(25);
  static final String ALL_SOURCES = "*";

  private DashboardTopology() {}

  public static void build(KStream<String, EnrichedArticle> enriched) {
    enriched
        .flatMap(
            (id, a) ->
                java.util.List.of(
                    KeyValue.pair(a.getSource() == null ? "(unknown)" : a.getSource(), 1L),
                    KeyValue.pair(ALL_SOURCES, 1L)),
            Named.as("dashboard-sources"))
        .groupByKey(Grouped.with("dashboard-by-source", Serdes.String(), Serdes.Long()))
        .windowedBy(TimeWindows.ofSizeAndGrace(Duration.ofMinutes(1), GRACE))
        .count(
            Named.as("dashboard-volume-count"),
            Materialized.<String, Long, WindowStore<Bytes, byte[]>>as(VOLUME_STORE)
                .withRetention(RETENTION))
        .toStream(Named.as("dashboard-volume-updates"))
        .map(
            (window, count) -> KeyValue.pair(volumeKey(window), volumeJson(window, count)),
            Named.as("dashboard-volume-json"))
        .to(Topics.DASHBOARD.name(), Topics.DASHBOARD.produced());
  }

  static String volumeKey(Windowed<String> window) {
    return "volume/minute/" + window.key() + "/" + Instant.ofEpochMilli(window.window().start());
  }

  static String volumeJson(Windowed<String> window, Long count) {
    ObjectNode o = JsonViews.MAPPER.createObjectNode();
    o.put("type", "volume");
    o.put("granularity", "minute");
    o.put("source", window.key());
    o.put("windowStart", Instant.ofEpochMilli(window.window().start()).toString());
    o.put("windowEnd", Instant.ofEpochMilli(window.window().end()).toString());
    o.put("count", count == null ? 0 : count);
    return JsonViews.write(o);
  }
}
