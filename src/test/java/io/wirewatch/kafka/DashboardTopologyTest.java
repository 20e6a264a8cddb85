package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTopologyTest {

  @TempDir Path state;

  @Test
  void shouldCountArticlesPerMinuteBySourceAndInAll() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article("a", PipelineDriver.article("a", "one.example", "A", "First text about a port."));
      p.article("b", PipelineDriver.article("b", "one.example", "B", "Second text about rain."));
      p.article("c", PipelineDriver.article("c", "two.example", "C", "Third text about grain."));
      // the counts pass two once-a-second stages: the partial counts, then the throttle
      for (int second = 0; second < 3; second++) {
        p.advanceWallClock(Duration.ofSeconds(1));
      }

      Map<String, String> latest = p.dashboard.readKeyValuesToMap();
      JsonNode all = JsonViews.MAPPER.readTree(latest.get("volume/minute/*/2026-03-03T10:00:00Z"));
      assertEquals(3, all.get("count").asInt());
      assertEquals("volume", all.get("type").asText());
      JsonNode one =
          JsonViews.MAPPER.readTree(latest.get("volume/minute/one.example/2026-03-03T10:00:00Z"));
      assertEquals(2, one.get("count").asInt());
    }
  }

  @Test
  void shouldRankStoriesByReachAndKeepEveryCopyForTheStoryView() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      String body =
          "The old lighthouse on the northern cape will be restored with money raised by the"
              + " village, the council said on Tuesday after a vote that ended a decade of argument.";
      p.article("l1", PipelineDriver.article("l1", "a.example", "Lighthouse saved", body));
      p.article("l2", PipelineDriver.article("l2", "b.example", "Lighthouse saved", body));
      p.article(
          "x", PipelineDriver.article("x", "c.example", "Rain", "Heavy rain fell on the town."));
      p.advanceWallClock(Duration.ofSeconds(2));

      JsonNode top = JsonViews.MAPPER.readTree(p.dashboard.readKeyValuesToMap().get("stories/top"));
      JsonNode first = top.get("items").get(0);
      assertEquals("Lighthouse saved", first.get("title").asText());
      assertEquals(2, first.get("sources").asInt());
      assertEquals(1, first.get("copies").asInt());

      var stories = p.driver.<String, String>getKeyValueStore(StoryTopology.STORE);
      JsonNode story = JsonViews.MAPPER.readTree(stories.get(first.get("id").asText()));
      assertEquals(2, story.get("articles").size());
    }
  }

  @Test
  void shouldCountAlertsByRuleAndSubscriberAndKeepTheRecentOnes() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.rule(
          "harbour",
          "{\"id\":\"harbour\",\"query\":\"harbour\",\"mode\":\"EVERY\",\"subscriber\":\"desk\"}");
      p.article("h1", PipelineDriver.article("h1", "a.example", "Port", "The harbour reopened."));
      p.article(
          "h2", PipelineDriver.article("h2", "b.example", "Ships", "Ships left the harbour."));
      List<String> alerts = p.alerts.readValuesToList();
      assertEquals(2, alerts.size());
      // the latest alerts pass two once-a-second stages: each task's list, then the throttle
      for (int second = 0; second < 3; second++) {
        p.advanceWallClock(Duration.ofSeconds(1));
      }

      Map<String, String> latest = p.dashboard.readKeyValuesToMap();
      String day = "2026-03-03T00:00:00Z";
      assertEquals(
          2,
          JsonViews.MAPPER
              .readTree(latest.get("alerts/day/rule/harbour/" + day))
              .get("count")
              .asInt());
      assertEquals(
          2,
          JsonViews.MAPPER
              .readTree(latest.get("alerts/day/subscriber/desk/" + day))
              .get("count")
              .asInt());
      JsonNode recent = JsonViews.MAPPER.readTree(latest.get("alerts/recent"));
      assertEquals(2, recent.get("items").size());
      assertTrue(recent.get("items").get(0).get("snippet").asText().contains("\u00AB"));
    }
  }

  @Test
  void shouldRankTheMostMentionedEntitiesFromEveryArticle() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article(
          "m1",
          PipelineDriver.article(
              "m1", "a.example", "Results", "Microsoft said sales rose in Nairobi last year."));
      p.article(
          "m2",
          PipelineDriver.article(
              "m2", "b.example", "Cloud", "Microsoft opened a data centre for its cloud."));
      // the entities' summaries, then the board, go out once a second
      for (int second = 0; second < 3; second++) {
        p.advanceWallClock(Duration.ofSeconds(1));
      }

      JsonNode top =
          JsonViews.MAPPER.readTree(p.dashboard.readKeyValuesToMap().get("entities/top"));
      JsonNode first = top.get("items").get(0);
      assertEquals("Microsoft", first.get("name").asText());
      assertEquals(2, first.get("mentions24h").asInt());
      assertTrue(
          StreamSupport.stream(top.get("items").spliterator(), false)
              .anyMatch(e -> e.get("name").asText().equals("Nairobi")));
    }
  }

  @Test
  void shouldKeepEveryCountExactOverManyIntervalsAndWindows() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.rule("harbour", rule("harbour", "harbour", "EVERY", "desk"));
      p.rule("ships", rule("ships", "ships", "EVERY", "fleet"));
      p.rule("port", rule("port", "port", "FIRST_PER_STORY", "desk"));
      Instant start = Instant.parse("2026-03-03T21:55:00Z");
      String[] places = {"Nairobi", "Lisbon", "Oslo"};
      for (int i = 0; i < 30; i++) {
        if (i == 15) {
          // a rule moved to another subscriber: its alerts now go to another partition
          p.rule("harbour", rule("harbour", "harbour", "EVERY", "port-office"));
        }
        String body =
            "Report "
                + i
                + ": ships left the harbour of "
                + places[i % 3]
                + (i % 2 == 0 ? " while Microsoft staff watched the port." : " at dawn.")
                + " Item "
                + Integer.toString(i * 7919, 36);
        // ten minutes apart, across midnight; each article lets 4 seconds of wall clock pass
        p.article(
            "a" + i,
            PipelineDriver.article("a" + i, i % 4 == 0 ? "b.example" : "a.example", "N" + i, body),
            start.plus(Duration.ofMinutes(10L * i)));
      }
      for (int second = 0; second < 3; second++) {
        p.advanceWallClock(Duration.ofSeconds(1));
      }

      Map<String, Long> expected = new TreeMap<>();
      for (TestRecord<String, String> a : p.alerts.readRecordsToList()) {
        String day = day(a.getRecordTime());
        String rule = JsonViews.MAPPER.readTree(a.getValue()).get("ruleId").asText();
        expected.merge("alerts/day/rule/" + rule + "/" + day, 1L, Long::sum);
        expected.merge("alerts/day/subscriber/" + a.getKey() + "/" + day, 1L, Long::sum);
      }
      long microsoft = 0;
      for (TestRecord<String, EnrichedArticle> a : p.enriched.readRecordsToList()) {
        Instant t = a.getRecordTime();
        String minute = t.truncatedTo(ChronoUnit.MINUTES).toString();
        String hour = t.truncatedTo(ChronoUnit.HOURS).toString();
        for (String source : List.of("*", a.getValue().getSource())) {
          expected.merge("volume/minute/" + source + "/" + minute, 1L, Long::sum);
          expected.merge("volume/hour/" + source + "/" + hour, 1L, Long::sum);
        }
        microsoft +=
            a.getValue().getEntities().stream()
                .filter(e -> e.getName().equals("Microsoft"))
                .count();
      }
      assertTrue(expected.keySet().stream().anyMatch(k -> k.contains("2026-03-04")));

      Map<String, Long> counted = new TreeMap<>();
      Map<String, String> latest = p.dashboard.readKeyValuesToMap();
      for (Map.Entry<String, String> e : latest.entrySet()) {
        if (e.getKey().startsWith("alerts/day/") || e.getKey().startsWith("volume/")) {
          counted.put(e.getKey(), JsonViews.MAPPER.readTree(e.getValue()).get("count").asLong());
        }
      }
      assertEquals(expected, counted);
      assertEquals(15, microsoft);
      JsonNode top = JsonViews.MAPPER.readTree(latest.get("entities/top"));
      for (JsonNode e : top.get("items")) {
        if (e.get("name").asText().equals("Microsoft")) {
          assertEquals(microsoft, e.get("mentions24h").asLong());
        }
      }
    }
  }

  private static String rule(String id, String query, String mode, String subscriber) {
    return "{\"id\":\""
        + id
        + "\",\"query\":\""
        + query
        + "\",\"mode\":\""
        + mode
        + "\",\"subscriber\":\""
        + subscriber
        + "\"}";
  }

  private static String day(Instant t) {
    return t.truncatedTo(ChronoUnit.DAYS).toString();
  }
}
