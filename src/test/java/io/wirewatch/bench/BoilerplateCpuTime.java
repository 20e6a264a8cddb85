package io.wirewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * {@link BoilerplateBenchmark}'s two ways of paying for the boilerplate step, timed in thread CPU
 * time in alternating rounds, for machines too busy for JMH's wall-clock figures. Run with {@code
 * bin/bench-dedup boilerplate [articles per round] [rounds]}.
 */
public final class BoilerplateCpuTime {

  private BoilerplateCpuTime() {}

  public static void main(String[] args) {
    int perRound = args.length > 0 ? Integer.parseInt(args[0]) : 2_000;
    int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
    ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    BoilerplateBenchmark bench = new BoilerplateBenchmark();
    BoilerplateBenchmark.Source stored = new BoilerplateBenchmark.Source();
    stored.setUp();
    BoilerplateBenchmark.Source decoded = new BoilerplateBenchmark.Source();
    decoded.setUp();
    System.out.println("round  stored model µs  decoded model µs  ratio (CPU per article)");
    for (int round = 1; round <= rounds; round++) {
      long start = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        bench.storedModel(stored);
      }
      long middle = threads.getCurrentThreadCpuTime();
      for (int i = 0; i < perRound; i++) {
        bench.decodedModel(decoded);
      }
      long end = threads.getCurrentThreadCpuTime();
      double before = (middle - start) / 1e3 / perRound;
      double after = (end - middle) / 1e3 / perRound;
      System.out.printf("%5d  %15.1f  %16.1f  %.3f%n", round, before, after, after / before);
    }
  }
}
