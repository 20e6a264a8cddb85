package io.wirewatch.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Times the dedup step of two builds side by side in one JVM: each checkout's classes in a class
 * loader of its own, each with its own {@link DedupMillionArticleIndex}, and rounds of each taken
 * in turn, in thread CPU time. Separate bench runs on a shared machine meet different loads; rounds
 * seconds apart meet nearly the same, so the ratio of the medians is the figure to trust. Usage:
 * {@code bin/bench-dedup compare BASE_CHECKOUT [unique|copy|fingerprint] [rounds] [seconds]}; both
 * checkouts built with {@code mvn test-compile}. {@code fingerprint} times the fingerprint alone
 * (no index, so rounds are short and the heap small), over {@link DedupBenchmark}'s 64 articles;
 * {@code boilerplate} the boilerplate step of a source whose model is full ({@link
 * BoilerplateBenchmark#decodedModel}); {@code article-unique} and {@code article-copy} that step
 * and then the step with a million articles in the window, both in each round: what a whole article
 * costs. (Those strip other 4 KB articles than the step fingerprints, as the base builds have no
 * {@link WholeArticleDedup}; the cost per article is of the same work.)
 */
public final class DedupComparison {

  private static final ThreadMXBean THREADS = ManagementFactory.getThreadMXBean();

  private DedupComparison() {}

  public static void main(String[] args) throws Exception {
    Path base = Path.of(args[0]);
    String kind = args.length > 1 ? args[1] : "copy";
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 20;
    double seconds = args.length > 3 ? Double.parseDouble(args[3]) : 2;
    List<URL> libraries = new ArrayList<>();
    for (String jar : Files.readString(Path.of("target", "cp.txt")).trim().split(":")) {
      libraries.add(Path.of(jar).toUri().toURL());
    }
    Step[] builds = {new Step(base, kind, libraries), new Step(Path.of("."), kind, libraries)};
    double[][] cpu = new double[2][rounds];
    for (int r = 0; r < rounds; r++) {
      for (int b = 0; b < 2; b++) {
        cpu[b][r] = builds[b].time(seconds);
      }
    }
    double[] medians = new double[2];
    for (int b = 0; b < 2; b++) {
      // the first two rounds of each build warm up
      double[] measured = Arrays.copyOfRange(cpu[b], 2, rounds);
      Arrays.sort(measured);
      medians[b] = measured[measured.length / 2];
      System.out.printf(
          "%-4s %-60s CPU %7.1f us/op (median of %d rounds of %.1f s; min %.1f, max %.1f)%n",
          b == 0 ? "base" : "new",
          builds[b].checkout,
          medians[b],
          measured.length,
          seconds,
          measured[0],
          measured[measured.length - 1]);
    }
    // Each round of the new build against the base's round just before it: the two met nearly the
    // same load, so the median of these ratios shrugs off load that comes and goes between rounds.
    double[] pairRatios = new double[rounds - 2];
    for (int r = 2; r < rounds; r++) {
      pairRatios[r - 2] = cpu[1][r] / cpu[0][r];
    }
    Arrays.sort(pairRatios);
    System.out.printf(
        "%s: new/base %.3f (ratio of medians); %.3f (median of %d paired rounds, quartiles %.3f to"
            + " %.3f)%n",
        kind,
        medians[1] / medians[0],
        pairRatios[pairRatios.length / 2],
        pairRatios.length,
        pairRatios[pairRatios.length / 4],
        pairRatios[pairRatios.length * 3 / 4]);
  }

  /** One build's operation: its index of a million articles and the step, or its fingerprinter. */
  private static final class Step {
    final Path checkout;
    final Operation operation;
    int sink;

    Step(Path checkout, String kind, List<URL> libraries) throws Exception {
      this.checkout = checkout.toAbsolutePath().normalize();
      List<URL> urls = new ArrayList<>();
      urls.add(checkout.resolve("target/test-classes").toUri().toURL());
      urls.add(checkout.resolve("target/classes").toUri().toURL());
      urls.addAll(libraries);
      ClassLoader loader =
          new URLClassLoader(urls.toArray(new URL[0]), ClassLoader.getPlatformClassLoader());
      operation =
          switch (kind) {
            case "fingerprint" -> fingerprint(loader);
            case "boilerplate" -> boilerplate(loader);
            case "article-unique", "article-copy" -> {
              Operation strip = boilerplate(loader);
              Operation step = step(loader, kind.substring("article-".length()));
              yield () -> {
                strip.run();
                return step.run();
              };
            }
            default -> step(loader, kind);
          };
    }

    /**
     * The boilerplate step of a source whose model is full, as {@link
     * BoilerplateBenchmark#decodedModel} has it in that build.
     */
    private static Operation boilerplate(ClassLoader loader) throws Exception {
      Class<?> type = loader.loadClass(BoilerplateBenchmark.class.getName());
      Class<?> sourceType = loader.loadClass(BoilerplateBenchmark.Source.class.getName());
      Object bench = type.getConstructor().newInstance();
      Object source = sourceType.getConstructor().newInstance();
      sourceType.getMethod("setUp").invoke(source);
      Method decoded = type.getMethod("decodedModel", sourceType);
      return () -> decoded.invoke(bench, source);
    }

    private static Operation step(ClassLoader loader, String kind) throws Exception {
      Class<?> type = loader.loadClass(DedupMillionArticleIndex.class.getName());
      Object index = type.getConstructor().newInstance();
      type.getField("kind").set(index, kind);
      type.getMethod("setUp").invoke(index);
      Method step = type.getDeclaredMethod("step");
      step.setAccessible(true);
      return () -> step.invoke(index);
    }

    private static Operation fingerprint(ClassLoader loader) throws Exception {
      Class<?> type = loader.loadClass(DedupBenchmark.FingerprintState.class.getName());
      Object state = type.getConstructor().newInstance();
      type.getMethod("setUp").invoke(state);
      Field field = type.getDeclaredField("fingerprinter");
      field.setAccessible(true);
      Object fingerprinter = field.get(state);
      Method next = type.getDeclaredMethod("next");
      next.setAccessible(true);
      Method fingerprint = fingerprinter.getClass().getMethod("fingerprint", next.getReturnType());
      return () -> fingerprint.invoke(fingerprinter, next.invoke(state));
    }

    /** CPU microseconds per operation over about {@code seconds} of operations. */
    double time(double seconds) throws Exception {
      long cpuStart = THREADS.getCurrentThreadCpuTime();
      long wallStart = System.nanoTime();
      long steps = 0;
      while (System.nanoTime() - wallStart < seconds * 1e9) {
        for (int i = 0; i < 100; i++) {
          sink += operation.run().hashCode();
        }
        steps += 100;
      }
      return (THREADS.getCurrentThreadCpuTime() - cpuStart) / 1e3 / steps;
    }
  }

  /** One timed operation of a build, called through reflection across class loaders. */
  @FunctionalInterface
  private interface Operation {
    Object run() throws Exception;
  }
}
