package io.wirewatch.bench;

import io.wirewatch.article.Article;
import io.wirewatch.dedup.DedupSettings;
import io.wirewatch.dedup.LegacyFingerprinter;
import io.wirewatch.dedup.ShingleFingerprinter;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.List;
import java.util.function.IntSupplier;

/**
 * The benchmarks' operations timed in thread CPU time rather than wall time: on a shared machine
 * other processes' load inflates JMH's wall-clock averages, CPU time much less (caches are still
 * shared). Runs each operation for warm-up rounds, then reports the median of measured rounds.
 * {@code wholeArticle} is all an article costs ({@link WholeArticleDedup}): the boilerplate step of
 * a source whose model is full, then the step with 1,000,000 articles in the window. Usage: {@code
 * bin/bench-dedup cpu [seconds per round] [--forks N] [--only whole|step|all] [--json FILE]}
 * ({@link CpuBenchOptions}); with {@code --forks} the same is run in N JVMs one after the other
 * ({@link ForkedCpuTime}).
 */
public final class DedupCpuTime {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();
  private static volatile int sink;

  private final CpuBenchOptions options;

  private DedupCpuTime(CpuBenchOptions options) {
    this.options = options;
  }

  public static void main(String[] args) {
    CpuBenchOptions options;
    try {
      options = CpuBenchOptions.parse(List.of(args));
    } catch (IllegalArgumentException e) {
      System.err.println("bin/bench-dedup cpu: " + e.getMessage());
      System.exit(2);
      return;
    }
    if (options.forks() > 0) {
      ForkedCpuTime.run(options, List.of(args));
    } else {
      new DedupCpuTime(options).measure();
    }
  }

  private void measure() {
    CpuParts parts = options.only();
    List<Article> pool = DedupBenchmark.articles(64, 1);
    ShingleFingerprinter now = new ShingleFingerprinter(DedupSettings.defaults());
    LegacyFingerprinter.Fingerprinter before =
        new LegacyFingerprinter.Fingerprinter(DedupSettings.defaults());
    int[] next = {0};
    if (parts.fingerprint()) {
      report("fingerprint", () -> now.fingerprint(pool.get(next[0]++ & 63)).allKeys().size());
    }
    report(CpuParts.REFERENCE, () -> before.fingerprint(pool.get(next[0]++ & 63)).allKeys().size());
    if (parts.boilerplate()) {
      BoilerplateBenchmark boilerplate = new BoilerplateBenchmark();
      BoilerplateBenchmark.Source source = new BoilerplateBenchmark.Source();
      source.setUp();
      report("boilerplate, full model", () -> boilerplate.decodedModel(source).length());
    }
    for (String kind : List.of("unique", "copy")) {
      DedupMillionArticleIndex index = new DedupMillionArticleIndex();
      index.kind = kind;
      long setUpStart = System.nanoTime();
      index.setUp();
      if (options.forkChild()) {
        System.out.println(
            ForkReport.setupLine("index " + kind, (System.nanoTime() - setUpStart) / 1e9));
      }
      if (parts.step()) {
        report("stepWithMillionInWindow " + kind, () -> index.step().status().ordinal());
      }
      if (parts.wholeArticle()) {
        // the target is judged on this one: everything an article costs, boilerplate first
        WholeArticleDedup whole = new WholeArticleDedup(index);
        report(CpuParts.WHOLE_ARTICLE + kind, () -> whole.article().status().ordinal());
      }
    }
  }

  private void report(String name, IntSupplier op) {
    double seconds = options.seconds();
    double[] rounds = new double[7];
    for (int r = 0; r < rounds.length; r++) {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      long ops = 0;
      int acc = 0;
      while (System.nanoTime() - wallStart < seconds * 1e9) {
        for (int i = 0; i < 100; i++) {
          acc += op.getAsInt();
        }
        ops += 100;
      }
      sink += acc;
      rounds[r] = (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / ops;
    }
    // the first 3 rounds warm up
    double[] measured = java.util.Arrays.copyOfRange(rounds, 3, rounds.length);
    java.util.Arrays.sort(measured);
    double median = (measured[1] + measured[2]) / 2;
    System.out.printf(
        "%-32s CPU %7.1f us/op (median of 4 rounds of %.0f s; min %.1f, max %.1f)%n",
        name, median, seconds, measured[0], measured[3]);
    if (options.forkChild()) {
      System.out.println(ForkReport.partLine(name, median));
    }
  }
}
