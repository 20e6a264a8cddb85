package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.codec.JsonViews;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.kafka.streams.test.TestRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateTopologyTest {

  @TempDir Path state;

  @Test
  void shouldRejectMalformedRecordsWithOriginalBytesAndReasonHeaders() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article("bad-json", "{\"body\": \"unterminated");
      p.article("bad-nobody", "{\"title\": \"no body\"}");
      p.article("bad-null", null);

      List<TestRecord<byte[], byte[]>> rejected = p.rejected.readRecordsToList();
      assertEquals(3, rejected.size());
      TestRecord<byte[], byte[]> first = rejected.get(0);
      assertArrayEquals("bad-json".getBytes(StandardCharsets.UTF_8), first.key());
      assertArrayEquals(
          "{\"body\": \"unterminated".getBytes(StandardCharsets.UTF_8), first.value());
      assertEquals(
          "MALFORMED_JSON",
          new String(first.headers().lastHeader("ww.error.code").value(), StandardCharsets.UTF_8));
      assertEquals(
          "MISSING_FIELD",
          new String(
              rejected.get(1).headers().lastHeader("ww.error.code").value(),
              StandardCharsets.UTF_8));
      assertEquals(
          "EMPTY",
          new String(
              rejected.get(2).headers().lastHeader("ww.error.code").value(),
              StandardCharsets.UTF_8));
      assertTrue(p.enriched.isEmpty());
    }
  }

  @Test
  void shouldKeepTheArticleAfterBadRecordsAndWarnAboutABadDate() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article("x", "[1,2,3]");
      p.article(
          "bad-date",
          "{\"id\":\"bad-date\",\"body\":\"Some text here.\",\"publishedAt\":\"next Tuesday\"}");

      EnrichedArticle a = p.enriched.readValue();
      assertEquals("bad-date", a.getId());
      assertTrue(a.getWarnings().get(0).contains("publishedAt"));
      assertEquals(1, p.rejected.readRecordsToList().size());
    }
  }

  /**
   * A publication date far in the future once became the article's event time: the year 300000000
   * overflowed and lost the article, and the year 2999 moved the dedup index's clock there, so that
   * it expired every entry and no later copy was recognised.
   */
  @Test
  void shouldEnrichArticlesWithFarFutureDatesAndStillRecogniseLaterCopies() throws Exception {
    String body = "The harbour board approved the new crane contract on Tuesday. ".repeat(8);
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article(
          "overflow",
          article(
              "overflow",
              "+300000000-01-01T00:00:00Z",
              "Rain delayed the village cricket final until Sunday afternoon."));
      p.article(
          "far",
          article(
              "far",
              "2999-01-01T00:00:00Z",
              "The library extends its opening hours through the exam season."));
      p.article("original", article("original", null, body));
      p.article("copy", article("copy", null, body));

      Map<String, EnrichedArticle> byId = new HashMap<>();
      for (EnrichedArticle a : p.enrichedArticles()) {
        byId.put(a.getId(), a);
      }
      assertEquals(Set.of("overflow", "far", "original", "copy"), byId.keySet());
      for (String id : List.of("overflow", "far")) {
        assertTrue(
            byId.get(id).getWarnings().get(0).contains("more than a day after"),
            byId.get(id).getWarnings().toString());
      }
      assertEquals("DUPLICATE", byId.get("copy").getDedup().getStatus());
      assertEquals("original", byId.get("copy").getDedup().getCanonicalId());
      assertTrue(p.rejected.readRecordsToList().isEmpty());
    }
  }

  private static String article(String id, String publishedAt, String body) {
    var o = JsonViews.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("source", "harbour.example");
    if (publishedAt != null) {
      o.put("publishedAt", publishedAt);
    }
    o.put("title", "Harbour board");
    o.put("body", body);
    return JsonViews.write(o);
  }
}
