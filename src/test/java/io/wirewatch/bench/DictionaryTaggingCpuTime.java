package io.wirewatch.bench;

import io.wirewatch.entity.DictionaryTagger;
import io.wirewatch.entity.EntityType;
import io.wirewatch.entity.KnowledgeBaseEntry;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Dictionary tagging against a 100,000-entry base (issue 4's speed item): one thread tags 4 KB
 * articles in which one word in twenty starts a known name, and prints articles per second of
 * thread CPU time, which stays steady when other work shares the machine. Run by {@code
 * bin/bench-dictionary [rounds]}.
 */
public final class DictionaryTaggingCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

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

  private DictionaryTaggingCpuTime() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
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
    long found = 0;
    for (int warmUp = 0; warmUp < 3; warmUp++) {
      for (String article : articles) {
        found += tagger.tag(article, 0).size();
      }
    }
    for (int r = 1; r <= rounds; r++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      for (String article : articles) {
        found += tagger.tag(article, 0).size();
      }
      double cpuSeconds = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e9;
      System.out.printf(
          Locale.ROOT,
          "round %d: %.0f articles/s per core (%.0f us CPU per 4 KB article)%n",
          r,
          articles.size() / cpuSeconds,
          cpuSeconds * 1e6 / articles.size());
    }
    System.out.printf(Locale.ROOT, "(%d entities found in all, 100,000 entries)%n", found);
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
