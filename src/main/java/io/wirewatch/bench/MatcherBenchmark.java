package io.wirewatch.bench;

import io.wirewatch.alert.AlertRule;
import io.wirewatch.alert.MatchableArticle;
import io.wirewatch.alert.MonitorBaseline;
import io.wirewatch.alert.RuleBook;
import io.wirewatch.config.Home;
import io.wirewatch.entity.EntityTagger;
import io.wirewatch.entity.EntityTaggers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Times wirewatch's {@link RuleBook} against plain Lucene Monitor ({@code new Monitor(analyzer)},
 * matching with highlights as RuleBook used to) on the same generated rules and articles in the
 * same run, on the same number of threads, and checks both find exactly the same (rule, article)
 * pairs. Not a test: run it with {@code bin/bench-matcher}.
 */
public final class MatcherBenchmark {

  /**
   * @param registrationSeconds wall time to register every rule in the RuleBook
   * @param ruleBookHeapMb heap the registered RuleBook holds, after a full GC
   * @param identicalMatches whether both engines found the same (rule, article) pairs
   * @param candidatesPerArticle rules RuleBook evaluated per article (after anchor filtering)
   * @param evaluatedPerArticle candidates whose Lucene query ran: those with every word they need
   * @param cpuMicrosPerArticle the matching threads' CPU time per article, RuleBook
   * @param monitorCpuMicrosPerArticle the same for plain Lucene Monitor
   */
  public record Result(
      int rules,
      int articles,
      int threads,
      double articlesPerSecond,
      double monitorArticlesPerSecond,
      double registrationSeconds,
      double monitorRegistrationSeconds,
      double ruleBookHeapMb,
      long matches,
      boolean identicalMatches,
      List<String> differences,
      double candidatesPerArticle,
      double evaluatedPerArticle,
      Selectivity selectivity,
      double cpuMicrosPerArticle,
      double monitorCpuMicrosPerArticle) {

    public double ratio() {
      return articlesPerSecond / monitorArticlesPerSecond;
    }
  }

  static final int WARMUP_ARTICLES = 1000;

  private static EntityTagger tagger;

  private MatcherBenchmark() {}

  public static Result run(int rules, int articles, long seed) {
    return run(rules, articles, seed, 2);
  }

  public static Result run(int ruleCount, int articleCount, long seed, int threads) {
    List<String> stories = ReutersCorpus.load();
    List<MatchableArticle> articles =
        tagged(ArticleGenerator.generate(stories, articleCount, seed));
    List<AlertRule> rules = RuleGenerator.generate(stories, ruleCount, seed + 1);
    long heapBefore = usedHeap();
    long t0 = System.nanoTime();
    RuleBook book = new RuleBook();
    book.putAll(rules);
    double registration = (System.nanoTime() - t0) / 1e9;
    double heapMb = (usedHeap() - heapBefore) / 1048576.0;
    try (MonitorBaseline monitor = new MonitorBaseline(true)) {
      long t1 = System.nanoTime();
      monitor.register(rules);
      double monitorRegistration = (System.nanoTime() - t1) / 1e9;
      // other articles from the same feed: they warm the JIT and, for RuleBook, are the articles
      // whose word statistics it files rules by (as in production, the first articles it sees)
      List<MatchableArticle> warmup =
          tagged(ArticleGenerator.generate(stories, WARMUP_ARTICLES, ~seed));
      ParallelMatch.run(warmup, threads, a -> ruleIds(book, a));
      ParallelMatch.run(warmup, threads, monitor::matchingIds);
      long candidatesBefore = book.candidatesTried();
      long lackingBefore = book.candidatesLackingWords();
      ParallelMatch.Outcome ours = ParallelMatch.run(articles, threads, a -> ruleIds(book, a));
      long candidates = book.candidatesTried() - candidatesBefore;
      long lacking = book.candidatesLackingWords() - lackingBefore;
      ParallelMatch.Outcome theirs = ParallelMatch.run(articles, threads, monitor::matchingIds);
      return new Result(
          ruleCount,
          articleCount,
          threads,
          ours.articlesPerSecond(),
          theirs.articlesPerSecond(),
          registration,
          monitorRegistration,
          heapMb,
          ours.pairs().size(),
          ours.pairs().equals(theirs.pairs()),
          ParallelMatch.differences(ours.pairs(), theirs.pairs(), 10),
          candidates / (double) articleCount,
          (candidates - lacking) / (double) articleCount,
          Selectivity.of(ours.pairs(), ruleCount, articleCount),
          ours.cpuMicrosPerArticle(),
          theirs.cpuMicrosPerArticle());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      book.close();
    }
  }

  /** Articles with the entities the shipped knowledge base finds in them, when it is installed. */
  private static List<MatchableArticle> tagged(List<MatchableArticle> articles) {
    Path dir = Home.resolve("config/entities");
    if (!Files.isDirectory(dir)) {
      return articles;
    }
    if (tagger == null) {
      tagger = EntityTaggers.fromConfigDir(dir);
    }
    return ArticleGenerator.withEntities(articles, tagger);
  }

  private static Set<String> ruleIds(RuleBook book, MatchableArticle a) {
    return book.match(a).stream()
        .map(m -> m.rule().id())
        .collect(java.util.stream.Collectors.toSet());
  }

  private static long usedHeap() {
    Runtime rt = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return rt.totalMemory() - rt.freeMemory();
  }

  static String header() {
    return String.format(
        Locale.ROOT,
        "%8s | %7s | %17s | %18s | %6s | %9s | %14s | %7s | %10s | %10s | %10s | %13s | %13s | %18s",
        "rules",
        "threads",
        "wirewatch art/s",
        "plain Monitor art/s",
        "ratio",
        "identical",
        "registration s",
        "heap MB",
        "matches",
        "cand/art",
        "eval/art",
        "Monitor reg s",
        "CPU µs/art",
        "Monitor CPU µs/art");
  }

  static String row(Result r) {
    return String.format(
        Locale.ROOT,
        "%8d | %7d | %17.0f | %19.0f | %6.2f | %9s | %14.2f | %7.0f | %10d | %10.1f | %10.1f | %13.2f | %13.0f | %18.0f",
        r.rules(),
        r.threads(),
        r.articlesPerSecond(),
        r.monitorArticlesPerSecond(),
        r.ratio(),
        r.identicalMatches() ? "yes" : "NO",
        r.registrationSeconds(),
        r.ruleBookHeapMb(),
        r.matches(),
        r.candidatesPerArticle(),
        r.evaluatedPerArticle(),
        r.monitorRegistrationSeconds(),
        r.cpuMicrosPerArticle(),
        r.monitorCpuMicrosPerArticle());
  }

  /**
   * {@code [--rules 10000,100000] [--articles 2000] [--seed 42] [--threads 2]}; exits non-zero if
   * the engines disagree on any match.
   */
  public static void main(String[] args) {
    List<Integer> ruleCounts = List.of(10_000, 100_000);
    int articles = 2000;
    long seed = 42;
    List<Integer> threadCounts = List.of(2);
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rules" -> ruleCounts = ints(args[i + 1]);
        case "--articles" -> articles = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--threads" -> threadCounts = ints(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    System.out.println(header());
    boolean allSame = true;
    for (int rules : ruleCounts) {
      for (int threads : threadCounts) {
        Result r = run(rules, articles, seed, threads);
        System.out.println(row(r));
        System.out.println("  " + r.selectivity().describe());
        if (!r.identicalMatches()) {
          allSame = false;
          r.differences().forEach(d -> System.out.println("  differs: " + d));
        }
      }
    }
    if (!allSame) {
      System.exit(1);
    }
  }

  private static List<Integer> ints(String csv) {
    return java.util.Arrays.stream(csv.split(",")).map(Integer::parseInt).toList();
  }
}
