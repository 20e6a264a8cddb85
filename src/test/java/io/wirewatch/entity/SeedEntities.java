package io.wirewatch.entity;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Scores a tagger on the shared seed articles ({@code ../shared/seeds}) as the acceptance check
 * scores them. Public, and shipped in the test jar, so the name-finder module checks itself the
 * same way.
 */
public final class SeedEntities {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SeedEntities() {}

  /** True when the seeds directory with its gold file is there. */
  public static boolean available(Path seeds) {
    return Files.isRegularFile(seeds.resolve("entities-gold.json"));
  }

  /** Tags every gold article and prints the scores with what was missed and what was spurious. */
  static EntityScorer score(Path seeds, EntityTagger tagger) {
    try {
      Map<String, Map<String, List<Map<String, Object>>>> gold =
          JSON.readValue(seeds.resolve("entities-gold.json").toFile(), new TypeReference<>() {});
      Map<String, Map<String, Object>> articles = articles(seeds);
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
          "seed entities: precision %.3f recall %.3f tp=%d fp=%d fn=%d%n  missed: %s%n"
              + "  spurious: %s%n",
          scorer.precision(),
          scorer.recall(),
          scorer.tp,
          scorer.fp,
          scorer.fn,
          scorer.misses,
          scorer.extras);
      return scorer;
    } catch (IOException e) {
      throw new UncheckedIOException("can't read the seeds in " + seeds, e);
    }
  }

  private static Map<String, Map<String, Object>> articles(Path seeds) throws IOException {
    Map<String, Map<String, Object>> byId = new HashMap<>();
    for (String line : Files.readAllLines(seeds.resolve("articles.jsonl"))) {
      if (!line.isBlank()) {
        Map<String, Object> a = JSON.readValue(line, new TypeReference<>() {});
        byId.put((String) a.get("id"), a);
      }
    }
    return byId;
  }
}
