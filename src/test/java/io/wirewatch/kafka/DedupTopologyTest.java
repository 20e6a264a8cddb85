package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirewatch.avro.EnrichedArticle;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
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
}
