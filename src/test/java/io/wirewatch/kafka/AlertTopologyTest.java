package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AlertTopologyTest {

  @TempDir Path state;

  private static final String STRIKE =
      "Dockworkers at the port began a strike on Tuesday over a wage moratorium imposed last year.";

  @Test
  void shouldAlertEveryMatchingArticleWithSpansAndSnippet() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.rule(
          "r1",
          "{\"id\":\"r1\",\"query\":\"moratorium\",\"mode\":\"EVERY\",\"subscriber\":\"desk\"}");
      p.article("a", PipelineDriver.article("a", "one.example", "Port strike", STRIKE));
      p.article("b", PipelineDriver.article("b", "two.example", "Weather", "Sunny all week."));

      List<JsonNode> alerts = p.alertList();
      assertEquals(1, alerts.size());
      JsonNode alert = alerts.get(0);
      assertEquals("r1", alert.get("ruleId").asText());
      assertEquals("desk", alert.get("subscriber").asText());
      assertEquals("a", alert.get("articleId").asText());
      assertEquals("a", alert.get("storyId").asText());
      JsonNode match = alert.get("matches").get(0);
      assertEquals("body", match.get("field").asText());
      assertEquals(
          "moratorium", STRIKE.substring(match.get("start").asInt(), match.get("end").asInt()));
      assertTrue(alert.get("snippet").asText().contains("\u00ABmoratorium\u00BB"));
      assertEquals("moratorium", alert.get("matchedClauses").get(0).asText());
    }
  }

  @Test
  void shouldAlertOncePerStoryForFirstPerStoryRules() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.rule(
          "s",
          "{\"id\":\"s\",\"query\":\"strike\",\"mode\":\"FIRST_PER_STORY\",\"subscriber\":\"d\"}");
      p.article("a", PipelineDriver.article("a", "one.example", "Port strike", STRIKE));
      p.article("b", PipelineDriver.article("b", "two.example", "Port strike", STRIKE));
      p.article("c", PipelineDriver.article("c", "three.example", "Port strike", STRIKE));

      List<JsonNode> alerts = p.alertList();
      assertEquals(1, alerts.size(), alerts.toString());
      assertEquals("a", alerts.get(0).get("articleId").asText());
    }
  }

  @Test
  void shouldApplyRuleChangesToTheNextArticleAndSurviveInvalidRules() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.rule("bad", "{\"id\":\"bad\",\"query\":\"(strike\",\"mode\":\"EVERY\"}");
      p.rule("junk", "not json at all");
      p.article("a", PipelineDriver.article("a", "one.example", "Port strike", STRIKE));
      assertTrue(p.alertList().isEmpty());
      assertTrue(p.rules.refused().get("bad").contains("column"));

      p.rule("good", "{\"id\":\"good\",\"query\":\"dockworkers\",\"mode\":\"EVERY\"}");
      p.article("b", PipelineDriver.article("b", "two.example", "Again", STRIKE + " Again."));
      assertEquals(1, p.alertList().size());

      p.rule("good", null);
      p.article("c", PipelineDriver.article("c", "three.example", "Again", STRIKE + " Thrice."));
      assertTrue(p.alertList().isEmpty());
    }
  }

  @Test
  void shouldSendOneDigestPerSubscriberPerWindow() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.rule(
          "d", "{\"id\":\"d\",\"query\":\"strike\",\"mode\":\"DIGEST\",\"subscriber\":\"weekly\"}");
      p.article("a", PipelineDriver.article("a", "one.example", "Port strike", STRIKE));
      p.article(
          "b", PipelineDriver.article("b", "two.example", "Rail strike", "A rail strike began."));
      assertTrue(p.alertList().isEmpty());

      p.advanceWallClock(Duration.ofMinutes(2));
      List<JsonNode> digests = p.alertList();
      assertEquals(1, digests.size());
      assertEquals("DIGEST", digests.get(0).get("mode").asText());
      assertEquals(2, digests.get(0).get("count").asInt());
      assertEquals(2, digests.get(0).get("articles").size());
    }
  }
}
