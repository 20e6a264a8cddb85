package io.wirewatch.bench;

import java.util.List;

/**
 * What {@link StageChain} measured: each stage alone, and all of them in sequence per article.
 *
 * @param stages in the chain's order
 * @param all every stage in one loop, per article the chain was given: what one core spends on an
 *     article with the stages' working sets competing for its caches
 */
public record StageTimes(MatcherBenchmark.Iterations iterations, List<Stage> stages, Stage all) {

  public StageTimes {
    stages = List.copyOf(stages);
  }

  /**
   * One stage's figures.
   *
   * @param articles the articles it was given in each pass
   * @param cpuMicros its thread CPU time per article it was given, one per measured pass
   */
  public record Stage(String name, int articles, Spread cpuMicros) {

    /** The median pass's CPU milliseconds per article. */
    public double cpuMsPerArticle() {
      return cpuMicros.median() / 1000;
    }

    /** Articles one core takes per second at the median pass's CPU time; 0 when none was taken. */
    public double articlesPerSecond() {
      double micros = cpuMicros.median();
      return micros > 0 ? 1e6 / micros : 0;
    }
  }

  /**
   * The stages' medians added up, per article the chain was given (a stage given fewer articles
   * counts for its share): what the stages cost one after the other, each with the caches to
   * itself.
   */
  public double sumCpuMsPerArticle() {
    int given = all.articles();
    return stages.stream().mapToDouble(s -> s.cpuMsPerArticle() * s.articles() / given).sum();
  }

  /** Articles one core takes per second at {@link #sumCpuMsPerArticle()}. */
  public double sumArticlesPerSecond() {
    double ms = sumCpuMsPerArticle();
    return ms > 0 ? 1000 / ms : 0;
  }
}
