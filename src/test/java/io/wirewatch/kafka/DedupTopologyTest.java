package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DedupTopologyTest {

  @TempDir Path state;

  @Test
  void shouldMarkAnIdenticalCopyFromAnotherSiteAsDuplicateOfTheFirst() throws Exception {
    String body =
        "The harbour authority said on Monday that container traffic would resume after a two-day "
            + "closure caused by high winds. Shipping lines had diverted vessels to nearby ports.";
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article("a", PipelineDriver.article("a", "first.example", "Harbour reopens", body));
      p.article(
          "b",
          PipelineDriver.article("b", "second.example", "Harbour reopens", "<p>" + body + "</p>"));
      p.article(
          "c", PipelineDriver.article("c", "third.example", "Other", "Completely different text."));

      Map<String, EnrichedArticle> byId =
          p.enrichedArticles().stream().collect(Collectors.toMap(EnrichedArticle::getId, a -> a));
      assertEquals("UNIQUE", byId.get("a").getDedup().getStatus());
      assertEquals("a", byId.get("a").getDedup().getCanonicalId());
      assertEquals("DUPLICATE", byId.get("b").getDedup().getStatus());
      assertEquals("a", byId.get("b").getDedup().getCanonicalId());
      assertEquals("a", byId.get("b").getDedup().getStoryId());
      assertEquals("UNIQUE", byId.get("c").getDedup().getStatus());
      assertEquals(List.of("a", "b", "c"), byId.keySet().stream().sorted().toList());
    }
  }

  @Test
  void shouldGiveEachOfTwoRecordsWithOneIdInFlightItsOwnVerdict() throws Exception {
    String first =
        "The harbour authority said on Monday that container traffic would resume after a two-day "
            + "closure caused by high winds. Shipping lines had diverted vessels to nearby ports.";
    String updated = first + " The first ships docked on Wednesday morning, the authority said.";
    Instant receivedAt = Instant.parse("2026-03-03T10:00:05Z");
    try (PipelineDriver p = new PipelineDriver(state)) {
      // an article and its update under one id, same publication and arrival time, sent before
      // the first is decided
      for (String body : List.of(first, updated)) {
        p.raw.pipeInput(
            new TestRecord<>(
                "a".getBytes(StandardCharsets.UTF_8),
                published("a", body).getBytes(StandardCharsets.UTF_8),
                receivedAt));
      }
      for (int i = 0; i < 4; i++) {
        p.advanceWallClock(Duration.ofSeconds(2));
      }

      List<EnrichedArticle> out = p.enrichedArticles();
      assertEquals(
          List.of(first, updated), out.stream().map(EnrichedArticle::getBody).sorted().toList());
      for (EnrichedArticle a : out) {
        assertEquals("a", a.getId());
        assertEquals("UNIQUE", a.getDedup().getStatus());
        assertEquals("a", a.getDedup().getCanonicalId());
      }
    }
  }

  private static String published(String id, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", "first.example");
    o.put("publishedAt", "2026-03-03T09:00:00Z");
    o.put("title", "Harbour reopens");
    o.put("body", body);
    return JsonViews.write(o);
  }

  @Test
  void shouldForgetASourceNotSeenWithinTheDedupWindow() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article(
          "a", article("a", "quiet.example", "2026-02-20T09:00:00Z", "A notice from February."));
      p.article("b", article("b", "busy.example", "2026-03-01T09:00:00Z", "A notice from March."));
      p.article("c", article("c", "busy.example", "2026-03-03T09:00:00Z", "A later notice."));

      KeyValueStore<String, byte[]> models = p.driver.getKeyValueStore("dedup-boilerplate");
      assertNull(models.get("quiet.example"), "last seen 11 days before the latest article");
      assertNull(models.get("quiet.example\u0000m"), "its model's lines go with it");
      assertNotNull(models.get("busy.example"));
      assertNotNull(models.get("busy.example\u0000m"));
    }
  }

  private static String article(String id, String source, String publishedAt, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", source);
    o.put("publishedAt", publishedAt);
    o.put("title", "Notice");
    o.put("body", body);
    return JsonViews.write(o);
  }
}
