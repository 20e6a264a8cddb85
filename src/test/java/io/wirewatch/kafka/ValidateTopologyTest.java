package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.wirewatch.avro.EnrichedArticle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
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
}
