package io.wirewatch.entity;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Prints how many 4 KB articles per second one thread tags against a 100,000-entry base. It asserts
 * nothing about time: shared build machines make timings noisy.
 */
class DictionaryTaggerThroughputTest {

  private static final String[] WORDS = {
    "the",
    "police",
    "said",
    "on",
    "Wednesday",
    "that",
    "a",
    "new",
    "report",
    "by",
    "officials",
    "in",
    "company",
    "shares",
    "rose",
    "after",
    "talks",
    "with",
    "government",
    "and",
    "technology"
  };

  @Test
  void shouldPrintArticlesPerSecondWithHundredThousandEntries() {
    Random random = new Random(42);
    List<KnowledgeBaseEntry> entries = new ArrayList<>();
    for (int i = 0; i < 100_000; i++) {
      String name = syntheticName(random) + " " + syntheticName(random);
      entries.add(
          new KnowledgeBaseEntry("e" + i, EntityType.ORGANIZATION, name, List.of(), List.of()));
    }
    List<String> articles = new ArrayList<>();
    for (int a = 0; a < 200; a++) {
      StringBuilder text = new StringBuilder();
      while (text.length() < 4096) {
        text.append(
            random.nextInt(20) == 0
                ? entries.get(random.nextInt(entries.size())).name()
                : WORDS[random.nextInt(WORDS.length)]);
        text.append(random.nextInt(15) == 0 ? ". " : " ");
      }
      articles.add(text.toString());
    }

    DictionaryTagger tagger = new DictionaryTagger(entries);
    int found = 0;
    for (String article : articles) {
      found += tagger.tag(article, 0).size(); // warm-up
    }
    long start = System.nanoTime();
    int rounds = 10;
    for (int r = 0; r < rounds; r++) {
      for (String article : articles) {
        found += tagger.tag(article, 0).size();
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        Locale.ROOT,
        "dictionary tagger: %.0f articles/s (4 KB, 100000 entries, %d entities)%n",
        rounds * articles.size() / seconds,
        found);
  }

  private static String syntheticName(Random random) {
    StringBuilder s = new StringBuilder().append((char) ('A' + random.nextInt(26)));
    int length = 3 + random.nextInt(6);
    for (int i = 0; i < length; i++) {
      s.append((char) ('a' + random.nextInt(26)));
    }
    return s.toString();
  }
}
