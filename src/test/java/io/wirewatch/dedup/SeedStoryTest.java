package io.wirewatch.dedup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.wirewatch.article.Article;
import java.nio.file.Files;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Five real write-ups of one event, fed through the whole protocol in publication order. */
class SeedStoryTest {

  private static Map<String, Verdict> verdicts;

  @BeforeAll
  static void runSeedsThroughTheIndex() throws Exception {
    Assumptions.assumeTrue(Files.isRegularFile(SeedArticles.FILE), "no shared seeds here");
    List<Article> seeds =
        SeedArticles.load().stream()
            .sorted(Comparator.comparing(Article::eventTime).thenComparing(Article::id))
            .toList();
    InMemoryDedupIndex index = new InMemoryDedupIndex(DedupSettings.defaults());
    verdicts = new LinkedHashMap<>();
    for (Article seed : seeds) {
      verdicts.put(seed.id(), index.accept(seed));
    }
    verdicts.forEach((id, v) -> System.out.println(id + " -> " + v));
  }

  @Test
  void shouldMarkReprintWithNewIntroAsSyndicated() {
    Verdict reprint = verdicts.get("seed-003");
    assertEquals(DedupStatus.SYNDICATED, reprint.status());
    assertEquals("seed-000", reprint.canonicalId());
  }

  @Test
  void shouldKeepIndependentWriteUpsUnique() {
    for (String id : List.of("seed-000", "seed-001", "seed-002", "seed-004")) {
      assertEquals(DedupStatus.UNIQUE, verdicts.get(id).status(), id);
      assertEquals(id, verdicts.get(id).canonicalId(), id);
    }
  }

  @Test
  void shouldGroupAllWriteUpsOfTheEventIntoOneStory() {
    Map<String, List<String>> stories =
        verdicts.entrySet().stream()
            .collect(
                Collectors.groupingBy(
                    e -> e.getValue().storyId(),
                    Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
    assertEquals(1, stories.size(), stories.toString());
    assertEquals("seed-002", stories.keySet().iterator().next());
  }
}
