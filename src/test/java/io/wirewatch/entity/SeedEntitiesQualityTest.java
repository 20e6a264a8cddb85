package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The production tagger on the shared seed articles, scored as the acceptance check scores them.
 */
class SeedEntitiesQualityTest {

  private static final Path SEEDS = Path.of("../shared/seeds");
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void shouldReachPrecisionAndRecallOfEightyFivePercentOnSeedArticles() throws IOException {
    assumeTrue(Files.isRegularFile(SEEDS.resolve("entities-gold.json")), "no ../shared/seeds");
    Map<String, Map<String, List<Map<String, Object>>>> gold =
        JSON.readValue(SEEDS.resolve("entities-gold.json").toFile(), new TypeReference<>() {});
    Map<String, Map<String, Object>> articles = articles();
    EntityTagger tagger = EntityTaggers.fromConfigDir(Path.of("config/entities"));

    EntityScorer scorer = new EntityScorer();
    for (var doc : gold.entrySet()) {
      Map<String, Object> article = articles.get(doc.getKey());
      String title = (String) article.get("title");
      String body = (String) article.get("body");
      boolean hasTitle = title != null && !title.isEmpty();
      String text = hasTitle ? title + "\n\n" + body : body;
      List<TaggedEntity> found = tagger.tag(text, hasTitle ? title.length() : 0);
      scorer.score(
          doc.getKey(),
          new EntityScorer.GoldDoc(
              doc.getValue().get("required").stream().map(EntityScorer::gold).toList(),
              doc.getValue().get("optional").stream().map(EntityScorer::gold).toList()),
          found);
    }

    System.out.printf(
        "seed entities: precision %.3f recall %.3f tp=%d fp=%d fn=%d%n  missed: %s%n  spurious: %s%n",
        scorer.precision(),
        scorer.recall(),
        scorer.tp,
        scorer.fp,
        scorer.fn,
        scorer.misses,
        scorer.extras);
    assertTrue(scorer.precision() >= 0.85, "precision " + scorer.precision());
    assertTrue(scorer.recall() >= 0.85, "recall " + scorer.recall());
  }

  private static Map<String, Map<String, Object>> articles() throws IOException {
    Map<String, Map<String, Object>> byId = new java.util.HashMap<>();
    for (String line : Files.readAllLines(SEEDS.resolve("articles.jsonl"))) {
      if (!line.isBlank()) {
        Map<String, Object> a = JSON.readValue(line, new TypeReference<>() {});
        byId.put((String) a.get("id"), a);
      }
    }
    return byId;
  }
}
