package io.wirewatch.corenlp;

import io.wirewatch.bench.ReutersCorpus;
import io.wirewatch.entity.DictionaryTagger;
import io.wirewatch.entity.EntityTagger;
import io.wirewatch.entity.EntityTaggers;
import io.wirewatch.entity.NameFinder;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Per-article cost of entity tagging with and without the CoreNLP name finder, side by side in one
 * run, on 4 KB articles of Reuters newswire (Debian's weka examples). Time is the thread's CPU
 * time, which other processes on a shared machine disturb less than wall time. Run by {@code
 * bin/bench-entities [articles] [rounds]}.
 */
public final class EntityTaggingCost {

  private static final int ARTICLE_CHARS = 4096;

  private EntityTaggingCost() {}

  public static void main(String[] args) {
    int count = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    Path entities = LoadedModel.ROOT.resolve("config/entities");
    List<String> articles = articles(count);

    Runtime rt = Runtime.getRuntime();
    long heapBefore = usedHeap(rt);
    long loadStart = System.nanoTime();
    NameFinder finder = new CoreNlpNameFinder();
    long loadMs = (System.nanoTime() - loadStart) / 1_000_000;
    long modelHeap = usedHeap(rt) - heapBefore;
    System.out.printf(
        Locale.ROOT,
        "model: loaded in %d ms, %d MB of heap retained%n",
        loadMs,
        modelHeap / 1_000_000);

    EntityTagger dictionary = new DictionaryTagger(EntityTaggers.loadKnowledgeBase(entities));
    EntityTagger rulesOnly = EntityTaggers.fromConfigDir(entities);
    EntityTagger withModel = EntityTaggers.fromConfigDir(entities, Optional.of(finder));
    System.out.printf(
        Locale.ROOT,
        "%d articles of %d+ chars, %d rounds, one thread%n",
        count,
        ARTICLE_CHARS,
        rounds);
    measure("dictionary tagger alone", articles, rounds, a -> dictionary.tag(a, 0).size());
    measure("knowledge base + rules", articles, rounds, a -> rulesOnly.tag(a, 0).size());
    measure("knowledge base + CRF + rules", articles, rounds, a -> withModel.tag(a, 0).size());
    measure("CRF alone", articles, rounds, a -> finder.find(a).size());
  }

  private static void measure(
      String label, List<String> articles, int rounds, ToIntFunction<String> tag) {
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    int found = 0;
    for (String a : articles) {
      found += tag.applyAsInt(a); // warm-up
    }
    long cpu = threads.getCurrentThreadCpuTime();
    long wall = System.nanoTime();
    for (int r = 0; r < rounds; r++) {
      for (String a : articles) {
        found += tag.applyAsInt(a);
      }
    }
    double n = (double) rounds * articles.size();
    double cpuMicros = (threads.getCurrentThreadCpuTime() - cpu) / 1e3 / n;
    double wallMicros = (System.nanoTime() - wall) / 1e3 / n;
    System.out.printf(
        Locale.ROOT,
        "%-30s %10.0f us CPU/article  %8.0f articles/s per core  (wall %.0f us; %d names)%n",
        label,
        cpuMicros,
        1e6 / cpuMicros,
        wallMicros,
        found / (rounds + 1));
  }

  /** Consecutive Reuters stories joined until each article has at least 4 KB. */
  private static List<String> articles(int count) {
    List<String> stories = ReutersCorpus.load();
    List<String> articles = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    for (int i = 0; articles.size() < count; i++) {
      current.append(stories.get(i % stories.size())).append("\n\n");
      if (current.length() >= ARTICLE_CHARS) {
        articles.add(current.toString());
        current.setLength(0);
      }
    }
    return articles;
  }

  private static long usedHeap(Runtime rt) {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }
}
