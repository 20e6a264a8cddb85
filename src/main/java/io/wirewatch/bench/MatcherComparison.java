package io.wirewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Times two builds of the rule matcher side by side in one JVM: each checkout's classes and
 * libraries in a class loader of their own, the same generated rules and articles, and short rounds
 * of each taken in turn. On a shared machine, two benchmark runs one after the other meet different
 * loads; rounds a fraction of a second apart meet nearly the same, so the per-round ratio of CPU
 * time is the steady figure. Before timing, every article's full list of matches (rules, spans,
 * clauses, as text) is compared between the builds. Only API both builds have is used, by name, so
 * any older checkout built with {@code mvn package} can be compared. Run it with {@code
 * bin/bench-matcher-compare}.
 */
public final class MatcherComparison {

  private MatcherComparison() {}

  /** One build's rule book, loaded with the benchmark's rules and warmed up. */
  private static final class Build {
    final String name;
    final List<?> articles;
    final Object book;
    final Method match;
    int next;
    long matches;

    Build(Path checkout, int rules, long seed) throws ReflectiveOperationException {
      this.name = checkout.toString();
      ClassLoader loader = CheckoutClassLoader.of(checkout);
      Class<?> corpus = loader.loadClass("io.wirewatch.bench.ReutersCorpus");
      Class<?> generator = loader.loadClass("io.wirewatch.bench.ArticleGenerator");
      Class<?> ruleGenerator = loader.loadClass("io.wirewatch.bench.RuleGenerator");
      Class<?> ruleBook = loader.loadClass("io.wirewatch.alert.RuleBook");
      List<?> stories = (List<?>) corpus.getMethod("load").invoke(null);
      Method generate = generator.getMethod("generate", List.class, int.class, long.class);
      this.articles = tagged(loader, (List<?>) generate.invoke(null, stories, 1000, seed));
      List<?> warmup = tagged(loader, (List<?>) generate.invoke(null, stories, 1000, ~seed));
      Object ruleList =
          ruleGenerator
              .getMethod("generate", List.class, int.class, long.class)
              .invoke(null, stories, rules, seed + 1);
      this.book = ruleBook.getConstructor().newInstance();
      ruleBook.getMethod("putAll", java.util.Collection.class).invoke(book, ruleList);
      this.match =
          ruleBook.getMethod("match", loader.loadClass("io.wirewatch.alert.MatchableArticle"));
      for (Object article : warmup) {
        match.invoke(book, article);
      }
    }

    /** Matches the next {@code count} articles on {@code threads} threads; their CPU time. */
    long round(int count, int threads) throws InterruptedException {
      AtomicInteger taken = new AtomicInteger();
      AtomicLong cpuNanos = new AtomicLong();
      AtomicLong found = new AtomicLong();
      ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
      int from = next;
      List<Thread> workers = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        Thread worker =
            new Thread(
                () -> {
                  long start = cpu.getCurrentThreadCpuTime();
                  for (int k = taken.getAndIncrement(); k < count; k = taken.getAndIncrement()) {
                    Object article = articles.get((from + k) % articles.size());
                    found.addAndGet(((List<?>) invoke(match, book, article)).size());
                  }
                  cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - start);
                });
        workers.add(worker);
        worker.start();
      }
      for (Thread worker : workers) {
        worker.join();
      }
      next = (from + count) % articles.size();
      matches += found.get();
      return cpuNanos.get();
    }
  }

  private static List<?> tagged(ClassLoader loader, List<?> articles)
      throws ReflectiveOperationException {
    Class<?> home = loader.loadClass("io.wirewatch.config.Home");
    Path dir = (Path) home.getMethod("resolve", String.class).invoke(null, "config/entities");
    if (!Files.isDirectory(dir)) {
      return articles;
    }
    Class<?> taggers = loader.loadClass("io.wirewatch.entity.EntityTaggers");
    Object tagger = taggers.getMethod("fromConfigDir", Path.class).invoke(null, dir);
    Class<?> taggerType = loader.loadClass("io.wirewatch.entity.EntityTagger");
    return (List<?>)
        loader
            .loadClass("io.wirewatch.bench.ArticleGenerator")
            .getMethod("withEntities", List.class, taggerType)
            .invoke(null, articles, tagger);
  }

  private static Object invoke(Method method, Object target, Object arg) {
    try {
      return method.invoke(target, arg);
    } catch (IllegalAccessException | InvocationTargetException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * {@code BASE_CHECKOUT NEW_CHECKOUT [--rounds 300] [--chunk 100] [--threads 2] [--rules 10000]
   * [--seed 42]}: each checkout built with {@code mvn package}.
   */
  public static void main(String[] args) throws Exception {
    int rounds = 300;
    int chunk = 100;
    int threads = 2;
    int rules = 10_000;
    long seed = 42;
    for (int i = 2; i + 1 < args.length; i += 2) {
      switch (args[i]) {
        case "--rounds" -> rounds = Integer.parseInt(args[i + 1]);
        case "--chunk" -> chunk = Integer.parseInt(args[i + 1]);
        case "--threads" -> threads = Integer.parseInt(args[i + 1]);
        case "--rules" -> rules = Integer.parseInt(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        default -> throw new IllegalArgumentException("unknown option " + args[i]);
      }
    }
    Build base = new Build(Path.of(args[0]), rules, seed);
    Build changed = new Build(Path.of(args[1]), rules, seed);
    int differing = differingArticles(base, changed);
    System.out.printf(
        Locale.ROOT,
        "full match output (rules, spans, clauses) differs for %d of %d articles%n",
        differing,
        base.articles.size());
    double[] baseMicros = new double[rounds];
    double[] changedMicros = new double[rounds];
    double[] ratios = new double[rounds];
    for (int r = 0; r < rounds; r++) {
      // alternate which goes first, so neither always follows the other's garbage
      if (r % 2 == 0) {
        baseMicros[r] = base.round(chunk, threads) / 1e3 / chunk;
        changedMicros[r] = changed.round(chunk, threads) / 1e3 / chunk;
      } else {
        changedMicros[r] = changed.round(chunk, threads) / 1e3 / chunk;
        baseMicros[r] = base.round(chunk, threads) / 1e3 / chunk;
      }
      ratios[r] = changedMicros[r] / baseMicros[r];
    }
    System.out.printf(
        Locale.ROOT,
        "%d rules, %d rounds of %d articles on %d threads%n",
        rules,
        rounds,
        chunk,
        threads);
    report(base, baseMicros);
    report(changed, changedMicros);
    Arrays.sort(ratios);
    System.out.printf(
        Locale.ROOT,
        "CPU per article, second / first, per round: median %.3f, quartiles %.3f to %.3f%n",
        ratios[rounds / 2],
        ratios[rounds / 4],
        ratios[rounds * 3 / 4]);
    if (base.matches != changed.matches || differing > 0) {
      System.out.println("the builds' matches differ");
      System.exit(1);
    }
  }

  /**
   * How many of the bench's articles get a different list of matches from the two builds, compared
   * in full as text (each match's rule, spans and clauses), not only as counts.
   */
  private static int differingArticles(Build base, Build changed) {
    int differing = 0;
    for (int i = 0; i < base.articles.size(); i++) {
      String first = String.valueOf(invoke(base.match, base.book, base.articles.get(i)));
      String second = String.valueOf(invoke(changed.match, changed.book, changed.articles.get(i)));
      if (!first.equals(second)) {
        differing++;
      }
    }
    return differing;
  }

  private static void report(Build build, double[] micros) {
    double[] sorted = micros.clone();
    Arrays.sort(sorted);
    System.out.printf(
        Locale.ROOT,
        "%s: median %.0f µs of CPU per article; %d matches%n",
        build.name,
        sorted[sorted.length / 2],
        build.matches);
  }
}
