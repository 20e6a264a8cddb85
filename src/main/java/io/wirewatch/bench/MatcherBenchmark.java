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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

/**
 * Times wirewatch's {@link RuleBook} against plain Lucene Monitor ({@code new Monitor(analyzer)},
 * matching with highlights as RuleBook used to) on the same generated rules and articles in the
 * same run, on the same number of threads, and checks both find exactly the same (rule, article)
 * pairs. Not a test: run it with {@code bin/bench-matcher}.
 *
 * <p>It measures the steady state, as JMH does: the article set is matched a few times to warm the
 * JIT, then several times measured, each engine in turn iteration by iteration so both meet the
 * same machine, and the median iteration is reported. A single pass over a few thousand articles
 * mostly measured code still being compiled: a long-running pipeline pays that once. Repeating the
 * same articles flatters neither engine: both build each article's index afresh and keep nothing
 * from its content; RuleBook's word statistics come from other articles, seen before any iteration
 * and frozen after its first thousand, as in production.
 */
public final class MatcherBenchmark {

  /** How often the article set is matched by each engine: to warm up, then to measure. */
  public record Iterations(int warmup, int measured) {

    /**
     * Five to warm up, five measured, as JMH by default: after three passes over 1,000 articles the
     * CPU time per article was still falling (662, 460, 424 µs in the next three at 10,000 rules).
     * About five minutes at 100,000 rules on 2 cores, mostly plain Monitor's.
     */
    public static final Iterations DEFAULT = new Iterations(5, 5);

    public Iterations {
      if (warmup < 0 || measured < 1) {
        throw new IllegalArgumentException(
            "need warm-up iterations >= 0 and measured iterations >= 1, got "
                + warmup
                + " and "
                + measured);
      }
    }
  }

  /**
   * @param registrationSeconds wall time to register every rule in the RuleBook
   * @param ruleBookHeapMb heap the registered RuleBook holds, after a full GC
   * @param matches (rule, article) pairs found in one pass over the articles
   * @param identicalMatches whether both engines found the same (rule, article) pairs in every
   *     measured iteration
   * @param candidatesPerArticle rules RuleBook evaluated per article (after anchor filtering)
   * @param evaluatedPerArticle candidates whose Lucene query ran: those with every word they need
   * @param perSecond RuleBook's articles per second, one per measured iteration
   * @param monitorPerSecond the same for plain Lucene Monitor
   * @param cpuMicros the matching threads' CPU time per article, RuleBook, one per iteration
   * @param monitorCpuMicros the same for plain Lucene Monitor
   */
  public record Result(
      int rules,
      int articles,
      int threads,
      Iterations iterations,
      double registrationSeconds,
      double monitorRegistrationSeconds,
      double ruleBookHeapMb,
      long matches,
      boolean identicalMatches,
      List<String> differences,
      double candidatesPerArticle,
      double evaluatedPerArticle,
      Selectivity selectivity,
      Spread perSecond,
      Spread monitorPerSecond,
      Spread cpuMicros,
      Spread monitorCpuMicros) {

    /** RuleBook's articles per second in the median measured iteration. */
    public double articlesPerSecond() {
      return perSecond.median();
    }

    /** Plain Lucene Monitor's articles per second in the median measured iteration. */
    public double monitorArticlesPerSecond() {
      return monitorPerSecond.median();
    }

    /** The median iteration's CPU time per article, RuleBook. */
    public double cpuMicrosPerArticle() {
      return cpuMicros.median();
    }

    /** The median iteration's CPU time per article, plain Lucene Monitor. */
    public double monitorCpuMicrosPerArticle() {
      return monitorCpuMicros.median();
    }

    public double ratio() {
      return articlesPerSecond() / monitorArticlesPerSecond();
    }
  }

  /** Articles other than the measured ones whose word statistics RuleBook files its rules by. */
  static final int WARMUP_ARTICLES = 1000;

  private static EntityTagger tagger;

  private MatcherBenchmark() {}

  public static Result run(int rules, int articles, long seed) {
    return run(rules, articles, seed, 2);
  }

  public static Result run(int ruleCount, int articleCount, long seed, int threads) {
    return run(ruleCount, articleCount, seed, threads, Iterations.DEFAULT);
  }

  public static Result run(
      int ruleCount, int articleCount, long seed, int threads, Iterations iterations) {
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
      Function<MatchableArticle, Set<String>> ours = a -> ruleIds(book, a);
      Function<MatchableArticle, Set<String>> theirs = monitor::matchingIds;
      // other articles from the same feed: for RuleBook, the articles whose word statistics it
      // files rules by (as in production, the first articles it sees)
      List<MatchableArticle> warmup =
          tagged(ArticleGenerator.generate(stories, WARMUP_ARTICLES, ~seed));
      ParallelMatch.run(warmup, threads, ours);
      ParallelMatch.run(warmup, threads, theirs);
      warmUp(ruleCount, iterations.warmup(), articles, threads, ours, theirs);
      long candidatesBefore = book.candidatesTried();
      long lackingBefore = book.candidatesLackingWords();
      Measured measured = measure(iterations, articles, threads, ours, theirs);
      long measuredArticles = (long) articleCount * iterations.measured();
      long candidates = book.candidatesTried() - candidatesBefore;
      long lacking = book.candidatesLackingWords() - lackingBefore;
      return new Result(
          ruleCount,
          articleCount,
          threads,
          iterations,
          registration,
          monitorRegistration,
          heapMb,
          measured.pairs().size(),
          measured.identical(),
          measured.differences(),
          candidates / (double) measuredArticles,
          (candidates - lacking) / (double) measuredArticles,
          Selectivity.of(measured.pairs(), ruleCount, articleCount),
          spread(measured.ours(), ParallelMatch.Outcome::articlesPerSecond),
          spread(measured.theirs(), ParallelMatch.Outcome::articlesPerSecond),
          spread(measured.ours(), ParallelMatch.Outcome::cpuMicrosPerArticle),
          spread(measured.theirs(), ParallelMatch.Outcome::cpuMicrosPerArticle));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      book.close();
    }
  }

  /** Iterations whose figures are thrown away: the JIT compiles both engines' code meanwhile. */
  private static void warmUp(
      int ruleCount,
      int count,
      List<MatchableArticle> articles,
      int threads,
      Function<MatchableArticle, Set<String>> ours,
      Function<MatchableArticle, Set<String>> theirs) {
    for (int i = 0; i < count; i++) {
      ParallelMatch.Outcome[] both = inTurn(i, articles, threads, ours, theirs);
      System.err.printf(
          Locale.ROOT,
          "  %d rules, warm-up %d: %.0f against %.0f art/s%n",
          ruleCount,
          i + 1,
          both[0].articlesPerSecond(),
          both[1].articlesPerSecond());
    }
  }

  /**
   * The measured iterations' outcomes per engine, the first iteration's (rule, article) pairs,
   * whether every iteration of both engines found exactly those, and otherwise what differed.
   */
  private record Measured(
      List<ParallelMatch.Outcome> ours,
      List<ParallelMatch.Outcome> theirs,
      Set<String> pairs,
      boolean identical,
      List<String> differences) {}

  private static Measured measure(
      Iterations iterations,
      List<MatchableArticle> articles,
      int threads,
      Function<MatchableArticle, Set<String>> ours,
      Function<MatchableArticle, Set<String>> theirs) {
    List<ParallelMatch.Outcome> ourRuns = new ArrayList<>();
    List<ParallelMatch.Outcome> theirRuns = new ArrayList<>();
    List<String> differences = List.of();
    for (int i = 0; i < iterations.measured(); i++) {
      ParallelMatch.Outcome[] both =
          inTurn(iterations.warmup() + i, articles, threads, ours, theirs);
      ourRuns.add(both[0]);
      theirRuns.add(both[1]);
      if (differences.isEmpty() && !both[0].pairs().equals(both[1].pairs())) {
        differences = ParallelMatch.differences(both[0].pairs(), both[1].pairs(), 10);
      }
    }
    Set<String> pairs = ourRuns.get(0).pairs();
    boolean identical =
        ourRuns.stream().allMatch(o -> o.pairs().equals(pairs))
            && theirRuns.stream().allMatch(o -> o.pairs().equals(pairs));
    if (!identical && differences.isEmpty()) {
      differences = List.of("the same engine found different pairs in different iterations");
    }
    return new Measured(ourRuns, theirRuns, pairs, identical, differences);
  }

  /**
   * One iteration: both engines over all the articles, RuleBook then Monitor; the other way round
   * in odd iterations, so neither always inherits the other's garbage. RuleBook's outcome first.
   */
  private static ParallelMatch.Outcome[] inTurn(
      int iteration,
      List<MatchableArticle> articles,
      int threads,
      Function<MatchableArticle, Set<String>> ours,
      Function<MatchableArticle, Set<String>> theirs) {
    if (iteration % 2 == 0) {
      ParallelMatch.Outcome first = ParallelMatch.run(articles, threads, ours);
      return new ParallelMatch.Outcome[] {first, ParallelMatch.run(articles, threads, theirs)};
    }
    ParallelMatch.Outcome first = ParallelMatch.run(articles, threads, theirs);
    return new ParallelMatch.Outcome[] {ParallelMatch.run(articles, threads, ours), first};
  }

  private static Spread spread(
      List<ParallelMatch.Outcome> runs, ToDoubleFunction<ParallelMatch.Outcome> figure) {
    return new Spread(runs.stream().map(figure::applyAsDouble).toList());
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
        "%8s | %7s | %17s | %18s | %6s | %9s | %14s | %7s | %10s | %10s | %10s | %13s | %13s | %18s | %15s | %16s | %10s",
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
        "Monitor CPU µs/art",
        "art/s min..max",
        "Monitor min..max",
        "iterations");
  }

  static String row(Result r) {
    return String.format(
        Locale.ROOT,
        "%8d | %7d | %17.0f | %19.0f | %6.2f | %9s | %14.2f | %7.0f | %10d | %10.1f | %10.1f | %13.2f | %13.0f | %18.0f | %15s | %16s | %10s",
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
        r.monitorCpuMicrosPerArticle(),
        r.perSecond().range(),
        r.monitorPerSecond().range(),
        r.iterations().warmup() + "+" + r.iterations().measured());
  }

  /** Each measured iteration's figures, in the order measured. */
  static String eachIteration(Result r) {
    return String.format(
        Locale.ROOT,
        "  measured iterations, art/s: wirewatch %s; Monitor %s. CPU µs/art: wirewatch %s;"
            + " Monitor %s",
        r.perSecond().each(),
        r.monitorPerSecond().each(),
        r.cpuMicros().each(),
        r.monitorCpuMicros().each());
  }

  /**
   * {@code [--rules 10000,100000] [--articles 1000] [--seed 42] [--threads 2] [--warmup-iterations
   * 5] [--iterations 5]}; the figures are those of the median measured iteration. {@code
   * --warmup-iterations 0 --iterations 1} is the single pass of earlier sessions. Exits non-zero if
   * the engines disagree on any match in any measured iteration.
   */
  public static void main(String[] args) {
    List<Integer> ruleCounts = List.of(10_000, 100_000);
    int articles = 1000;
    long seed = 42;
    List<Integer> threadCounts = List.of(2);
    int warmup = Iterations.DEFAULT.warmup();
    int measured = Iterations.DEFAULT.measured();
    for (int i = 0; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rules" -> ruleCounts = ints(args[i + 1]);
        case "--articles" -> articles = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--threads" -> threadCounts = ints(args[i + 1]);
        case "--warmup-iterations" -> warmup = Integer.parseInt(args[i + 1]);
        case "--iterations" -> measured = Integer.parseInt(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Iterations iterations = new Iterations(warmup, measured);
    System.out.println(header());
    boolean allSame = true;
    for (int rules : ruleCounts) {
      for (int threads : threadCounts) {
        Result r = run(rules, articles, seed, threads, iterations);
        System.out.println(row(r));
        System.out.println(eachIteration(r));
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
