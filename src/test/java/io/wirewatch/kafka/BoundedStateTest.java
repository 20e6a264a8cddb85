package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.alert.AlertMode;
import io.wirewatch.alert.AlertRule;
import io.wirewatch.codec.JsonViews;
import io.wirewatch.codec.RuleJson;
import io.wirewatch.config.WirewatchConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Random;
import java.util.TreeMap;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.StateStore;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every state store stays bounded over a long run: 30 days of event time, far beyond the dedup
 * window plus grace (8 days) and every other retention, go through the production topology at a
 * steady rate, and the entries of every store are counted each day. Once the retentions have
 * passed, no store may grow any further, and the dedup index holds nothing older than its
 * retention.
 */
class BoundedStateTest {

  private static final String DEDUP_INDEX = "dedup-index";
  private static final Instant START = Instant.parse("2026-05-01T00:00:00Z");
  private static final int DAYS = 30;
  private static final Duration EVERY = Duration.ofMinutes(30);
  private static final String[] PLACES = {
    "France", "Germany", "Japan", "Brazil", "Kenya", "Canada", "Chile", "Norway", "India", "Peru"
  };

  @TempDir Path state;

  @Test
  void shouldStopGrowingEveryStoreOnceItsRetentionHasPassed() throws Exception {
    Properties overrides = new Properties();
    // a short story window, so that its store's retention (twice the window) passes in the run too
    overrides.setProperty(WirewatchConfig.ALERT_STORY_WINDOW_DAYS.key(), "2");
    // no record cache: a cached window store lists entries its segments have already dropped
    overrides.setProperty("statestore.cache.max.bytes", "0");
    List<Map<String, Long>> perDay = new ArrayList<>();
    try (PipelineDriver p = new PipelineDriver(state, overrides)) {
      rule(p, "every", "harbour OR bridge", AlertMode.EVERY);
      rule(p, "first", "council", AlertMode.FIRST_PER_STORY);
      rule(p, "digest", "railway", AlertMode.DIGEST);
      Random random = new Random(11);
      List<String> recent = new ArrayList<>();
      int perDayArticles = (int) (Duration.ofDays(1).toMillis() / EVERY.toMillis());
      for (int day = 0; day < DAYS; day++) {
        for (int i = 0; i < perDayArticles; i++) {
          int n = day * perDayArticles + i;
          Instant at = START.plus(EVERY.multipliedBy(n));
          // one article in four reprints a recent one, so that copies and stories fill the stores
          String body = n % 4 == 3 ? recent.get(random.nextInt(recent.size())) : text(random, day);
          recent.add(body);
          if (recent.size() > 20) {
            recent.remove(0);
          }
          String id = "long-" + n;
          p.article(id, json(id, "source-" + (n % 12), at, body), at);
        }
        perDay.add(entryCounts(p));
      }
      assertDedupIndexHoldsNothingOlderThanItsRetention(p, START.plus(Duration.ofDays(DAYS)));
    }
    printTable(perDay);

    for (String store : perDay.get(0).keySet()) {
      long rampAndPlateau = max(perDay.subList(10, 20), store);
      long lastTenDays = max(perDay.subList(20, DAYS), store);
      assertTrue(
          lastTenDays <= rampAndPlateau * 105 / 100 + 5,
          store + " still grows: " + rampAndPlateau + " then " + lastTenDays);
    }
    // the check above must have had something to bound: these stores fill up and are emptied
    for (String store :
        List.of(
            DEDUP_INDEX,
            "dedup-boilerplate",
            StoryTopology.STORE,
            DashboardTopology.VOLUME_STORE,
            DashboardTopology.VOLUME_HOUR_STORE,
            "alerts-first-per-story")) {
      assertTrue(max(perDay, store) > 0, store + " was never filled");
    }
    assertEquals(0L, perDay.get(DAYS - 1).get("dedup-pending"), "undecided articles");
    assertEquals(0L, perDay.get(DAYS - 1).get("dedup-index-held"), "story answers never sent");
  }

  private static void rule(PipelineDriver p, String id, String query, AlertMode mode) {
    p.rule(id, RuleJson.write(new AlertRule(id, query, mode, "desk")));
  }

  /** Random words of a made-up language, a place and the day's topic words. */
  private static String text(Random random, int day) {
    StringBuilder s = new StringBuilder();
    s.append("In ").append(PLACES[random.nextInt(PLACES.length)]).append(" the ");
    s.append(List.of("harbour", "council", "railway", "bridge").get(day % 4)).append(' ');
    for (int w = 0; w < 80; w++) {
      s.append(word(random)).append(w % 12 == 11 ? ". " : " ");
    }
    return s.toString().trim();
  }

  private static String word(Random random) {
    String[] syllables = {"ka", "lo", "mi", "ren", "tu", "sa", "vor", "el", "an", "pi", "do", "ru"};
    StringBuilder w = new StringBuilder();
    for (int i = 0, n = 2 + random.nextInt(2); i < n; i++) {
      w.append(syllables[random.nextInt(syllables.length)]);
    }
    return w.toString();
  }

  private static String json(String id, String source, Instant publishedAt, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("publishedAt", publishedAt.toString());
    o.put("title", "Report " + id);
    o.put("body", body);
    return JsonViews.write(o);
  }

  /** Entries in every state store of the topology, read from the stores themselves. */
  private static Map<String, Long> entryCounts(PipelineDriver p) {
    Map<String, Long> counts = new TreeMap<>();
    for (Map.Entry<String, StateStore> e : p.driver.getAllStateStores().entrySet()) {
      StateStore store = e.getValue();
      if (store instanceof KeyValueStore<?, ?> kv) {
        counts.put(e.getKey(), count(kv.all()));
      } else if (store instanceof WindowStore<?, ?> w) {
        counts.put(e.getKey(), count(w.all()));
      } else {
        throw new AssertionError("a store of a kind this test cannot count: " + e.getKey());
      }
    }
    return counts;
  }

  private static long count(KeyValueIterator<?, ?> it) {
    long n = 0;
    try (it) {
      while (it.hasNext()) {
        it.next();
        n++;
      }
    }
    return n;
  }

  private static void assertDedupIndexHoldsNothingOlderThanItsRetention(
      PipelineDriver p, Instant end) {
    WindowStore<String, ?> index = p.driver.getWindowStore(DEDUP_INDEX);
    // retention is window + grace (8 days); a segment (half the retention) may linger beyond it
    Instant oldestAllowed = end.minus(Duration.ofDays(8 + 4));
    try (KeyValueIterator<?, ?> old = index.fetchAll(START, oldestAllowed)) {
      List<Object> keys = new ArrayList<>();
      old.forEachRemaining(kv -> keys.add(((KeyValue<?, ?>) kv).key));
      assertEquals(List.of(), keys.subList(0, Math.min(5, keys.size())), "expired index entries");
    }
  }

  private static long max(List<Map<String, Long>> days, String store) {
    return days.stream().mapToLong(d -> d.getOrDefault(store, 0L)).max().orElse(0);
  }

  private static void printTable(List<Map<String, Long>> perDay) {
    StringBuilder s = new StringBuilder("entries per store at the end of days 1, 5, 10, ...\n");
    for (String store : perDay.get(0).keySet()) {
      s.append(String.format("%-40s", store));
      for (int day = 0; day < perDay.size(); day += day == 0 ? 4 : 5) {
        s.append(String.format(" %7d", perDay.get(day).get(store)));
      }
      s.append(String.format(" %7d%n", perDay.get(perDay.size() - 1).get(store)));
    }
    System.out.print(s);
  }
}
