package io.wirewatch.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * The pipeline's stages in one thread, without a broker: each stage alone over the articles the
 * stage before it gave, then all of them in sequence per article, timed in the thread's CPU time.
 * As {@link MatcherBenchmark}, it measures the steady state: a few passes over the articles warm
 * the JIT, the median of the measured passes is reported.
 *
 * <p>Each stage gives, for every pass, a function starting from the stage's initial state (a stage
 * with state, as dedup's index and boilerplate models, starts empty), so that every pass does the
 * same work and a stateless stage can give the same function every time. A function that returns
 * null drops the article, as a rejected record leaves the pipeline: the stages after it see fewer
 * articles, and each stage's figure is per article it was given.
 *
 * @param <T> what the last stage added gives
 */
public final class StageChain<T> {

  private record Stage(String name, Supplier<Function<Object, Object>> perPass) {}

  private final List<?> articles;
  private final List<Stage> stages;

  private StageChain(List<?> articles, List<Stage> stages) {
    this.articles = articles;
    this.stages = stages;
  }

  /** A chain with no stage yet over these articles, as the first stage takes them. */
  public static <T> StageChain<T> over(List<T> articles) {
    Objects.requireNonNull(articles, "articles can't be null");
    if (articles.isEmpty()) {
      throw new IllegalArgumentException("a stage chain needs at least one article");
    }
    return new StageChain<>(List.copyOf(articles), List.of());
  }

  /** This chain with one more stage after the others. */
  @SuppressWarnings("unchecked")
  public <O> StageChain<O> then(
      String name, Supplier<? extends Function<? super T, ? extends O>> perPass) {
    Objects.requireNonNull(name, "name can't be null");
    Objects.requireNonNull(perPass, "perPass can't be null");
    List<Stage> more = new ArrayList<>(stages);
    more.add(
        new Stage(
            name,
            () -> {
              Function<? super T, ? extends O> f = perPass.get();
              return x -> f.apply((T) x);
            }));
    return new StageChain<>(articles, List.copyOf(more));
  }

  /**
   * Times every stage alone and all in sequence.
   *
   * @param cpuNanos the measuring thread's CPU time, in nanoseconds
   */
  public StageTimes measure(MatcherBenchmark.Iterations iterations, LongSupplier cpuNanos) {
    if (stages.isEmpty()) {
      throw new IllegalStateException("a stage chain needs at least one stage to measure");
    }
    List<List<Object>> inputs = inputsOfEachStage();
    List<List<Double>> alone = new ArrayList<>();
    stages.forEach(s -> alone.add(new ArrayList<>()));
    List<Double> all = new ArrayList<>();
    int passes = iterations.warmup() + iterations.measured();
    for (int pass = 0; pass < passes; pass++) {
      boolean measured = pass >= iterations.warmup();
      StringBuilder line = new StringBuilder();
      for (int k = 0; k < stages.size(); k++) {
        double micros = alone(stages.get(k), inputs.get(k), cpuNanos);
        line.append(String.format(Locale.ROOT, " %s %.0f", stages.get(k).name(), micros));
        if (measured) {
          alone.get(k).add(micros);
        }
      }
      double micros = allInSequence(cpuNanos);
      if (measured) {
        all.add(micros);
      }
      System.err.printf(
          Locale.ROOT,
          "  stages, %s %d, CPU µs/article:%s; all %.0f%n",
          measured ? "pass" : "warm-up",
          measured ? pass - iterations.warmup() + 1 : pass + 1,
          line,
          micros);
    }
    List<StageTimes.Stage> figures = new ArrayList<>();
    for (int k = 0; k < stages.size(); k++) {
      figures.add(
          new StageTimes.Stage(
              stages.get(k).name(), inputs.get(k).size(), new Spread(alone.get(k))));
    }
    return new StageTimes(
        iterations, figures, new StageTimes.Stage("all", articles.size(), new Spread(all)));
  }

  /** Runs the chain once, untimed: what each stage is given when it is timed alone. */
  private List<List<Object>> inputsOfEachStage() {
    List<List<Object>> inputs = new ArrayList<>();
    List<Object> given = new ArrayList<>(articles);
    for (Stage s : stages) {
      inputs.add(given);
      Function<Object, Object> f = s.perPass().get();
      List<Object> out = new ArrayList<>(given.size());
      for (Object x : given) {
        Object y = f.apply(x);
        if (y != null) {
          out.add(y);
        }
      }
      given = out;
    }
    return inputs;
  }

  /** One stage over its inputs; CPU µs per input. */
  private static double alone(Stage stage, List<Object> inputs, LongSupplier cpuNanos) {
    if (inputs.isEmpty()) {
      return 0;
    }
    Function<Object, Object> f = stage.perPass().get();
    int kept = 0;
    long start = cpuNanos.getAsLong();
    for (Object x : inputs) {
      // counted, so that no result is dead code to the JIT
      kept += f.apply(x) == null ? 0 : 1;
    }
    long spent = cpuNanos.getAsLong() - start;
    Sink.keep(kept);
    return spent / 1e3 / inputs.size();
  }

  /** Every stage in turn per article, in one loop; CPU µs per article the chain was given. */
  private double allInSequence(LongSupplier cpuNanos) {
    List<Function<Object, Object>> fs = new ArrayList<>(stages.size());
    for (Stage s : stages) {
      fs.add(s.perPass().get());
    }
    int through = 0;
    long start = cpuNanos.getAsLong();
    for (Object article : articles) {
      Object x = article;
      for (int k = 0; k < fs.size() && x != null; k++) {
        x = fs.get(k).apply(x);
      }
      through += x == null ? 0 : 1;
    }
    long spent = cpuNanos.getAsLong() - start;
    Sink.keep(through);
    return spent / 1e3 / articles.size();
  }

  /** Where the counted results go, out of the JIT's reach. */
  private static final class Sink {
    private static volatile int value;

    static void keep(int v) {
      value += v;
    }
  }
}
