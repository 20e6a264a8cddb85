package io.wirewatch.bench;

import io.wirewatch.alert.MatchableArticle;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * Matches articles on a few threads, each taking the next article, and times the whole in wall time
 * and in the workers' CPU time. CPU time per article is the steadier figure on a shared machine:
 * other processes stretch wall time but not the CPU time the matching itself uses.
 */
final class ParallelMatch {

  /**
   * @param pairs every match as {@code ruleId@articleId}
   */
  record Outcome(double articlesPerSecond, double cpuMicrosPerArticle, Set<String> pairs) {}

  private ParallelMatch() {}

  static Outcome run(
      List<MatchableArticle> articles, int threads, Function<MatchableArticle, Set<String>> match) {
    Set<String> pairs = ConcurrentHashMap.newKeySet();
    AtomicInteger next = new AtomicInteger();
    List<Thread> workers = new ArrayList<>();
    List<Throwable> failures = new ArrayList<>();
    AtomicLong cpuNanos = new AtomicLong();
    ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
    long t0 = System.nanoTime();
    for (int i = 0; i < threads; i++) {
      Thread t =
          new Thread(
              () -> {
                long cpuStart = cpu.getCurrentThreadCpuTime();
                for (int k = next.getAndIncrement();
                    k < articles.size();
                    k = next.getAndIncrement()) {
                  MatchableArticle a = articles.get(k);
                  for (String ruleId : match.apply(a)) {
                    pairs.add(ruleId + "@" + a.id());
                  }
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - cpuStart);
              });
      t.setUncaughtExceptionHandler((th, e) -> failures.add(e));
      workers.add(t);
      t.start();
    }
    for (Thread t : workers) {
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    double seconds = (System.nanoTime() - t0) / 1e9;
    if (!failures.isEmpty()) {
      throw new IllegalStateException("matching failed", failures.get(0));
    }
    return new Outcome(
        articles.size() / seconds, cpuNanos.get() / 1e3 / articles.size(), new HashSet<>(pairs));
  }

  /** Up to {@code max} pairs only one side found, marked with the side that found them. */
  static List<String> differences(Set<String> ours, Set<String> theirs, int max) {
    Set<String> out = new TreeSet<>();
    ours.stream()
        .filter(p -> !theirs.contains(p))
        .limit(max)
        .forEach(p -> out.add("only wirewatch " + p));
    theirs.stream()
        .filter(p -> !ours.contains(p))
        .limit(max)
        .forEach(p -> out.add("only Monitor " + p));
    return List.copyOf(out);
  }
}
