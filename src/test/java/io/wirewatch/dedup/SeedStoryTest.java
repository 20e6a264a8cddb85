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

/**
 * Five real write-ups of one event, fed through the whole protocol: one by one in publication
 * order, and all at once (every claim before any story is written back, as a burst within one
 * settle window).
 */
class SeedStoryTest {

  private static Map<String, Verdict> verdicts;
  private static Map<String, Verdict> burstVerdicts;

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
    burstVerdicts =
        new InMemoryDedupIndex(DedupSettings.defaults()).acceptBurst(SeedArticles.load());
    burstVerdicts.forEach((id, v) -> System.out.println("burst " + id + " -> " + v));
  }

  private static List<Map<String, Verdict>> bothWays() {
    return List.of(verdicts, burstVerdicts);
  }

  @Test
  void shouldMarkReprintWithNewIntroAsSyndicated() {
    for (Map<String, Verdict> run : bothWays()) {
      Verdict reprint = run.get("seed-003");
      assertEquals(DedupStatus.SYNDICATED, reprint.status());
      assertEquals("seed-000", reprint.canonicalId());
    }
  }

  @Test
  void shouldKeepIndependentWriteUpsUnique() {
    for (Map<String, Verdict> run : bothWays()) {
      for (String id : List.of("seed-000", "seed-001", "seed-002", "seed-004")) {
        assertEquals(DedupStatus.UNIQUE, run.get(id).status(), id);
        assertEquals(id, run.get(id).canonicalId(), id);
      }
    }
  }

  @Test
  void shouldGroupAllWriteUpsOfTheEventIntoOneStory() {
    for (Map<String, Verdict> run : bothWays()) {
      Map<String, List<String>> stories =
          run.entrySet().stream()
              .collect(
                  Collectors.groupingBy(
                      e -> e.getValue().storyId(),
                      Collectors.mapping(Map.Entry::getKey, Collectors.toList())));
      assertEquals(1, stories.size(), stories.toString());
      assertEquals("seed-002", stories.keySet().iterator().next());
    }
  }
}
