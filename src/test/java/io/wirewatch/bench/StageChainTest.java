package io.wirewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * The chain's bookkeeping, on a clock the stages move themselves: each stage "costs" a fixed number
 * of nanoseconds per article, so every figure is known exactly.
 */
class StageChainTest {

  private final AtomicLong clock = new AtomicLong();

  /** A stage that costs {@code nanos} per article and counts the articles it was given. */
  private <T, O> Function<T, O> costing(long nanos, AtomicInteger calls, Function<T, O> f) {
    return x -> {
      clock.addAndGet(nanos);
      calls.incrementAndGet();
      return f.apply(x);
    };
  }

  @Test
  void shouldRunEachStageOnEveryArticleInEveryPassAloneAndInSequence() {
    List<Integer> articles = List.of(1, 2, 3, 4, 5, 6, 7, 8, 9, 10);
    AtomicInteger parsed = new AtomicInteger();
    AtomicInteger doubled = new AtomicInteger();
    AtomicInteger madeFresh = new AtomicInteger();
    StageTimes t =
        StageChain.over(articles)
            .then(
                "parse",
                () -> {
                  madeFresh.incrementAndGet();
                  return costing(2_000, parsed, (Integer x) -> "n" + x);
                })
            .then("double", () -> costing(3_000, doubled, (String s) -> s + s))
            .measure(new MatcherBenchmark.Iterations(2, 3), clock::get);
    // one untimed pass to find each stage's inputs, then 5 passes alone and 5 in sequence
    assertEquals(11 * articles.size(), parsed.get());
    assertEquals(11 * articles.size(), doubled.get());
    assertEquals(11, madeFresh.get(), "a fresh function for every pass of the stage");
    assertEquals(List.of("parse", "double"), t.stages().stream().map(s -> s.name()).toList());
    assertEquals(3, t.stages().get(0).cpuMicros().values().size(), "measured passes only");
    assertEquals(2.0, t.stages().get(0).cpuMicros().median(), 1e-9);
    assertEquals(0.003, t.stages().get(1).cpuMsPerArticle(), 1e-12);
    assertEquals(500_000, t.stages().get(0).articlesPerSecond(), 1e-6);
    assertEquals(5.0, t.all().cpuMicros().median(), 1e-9);
    assertEquals(10, t.all().articles());
    assertEquals(0.005, t.sumCpuMsPerArticle(), 1e-12);
    assertEquals(200_000, t.sumArticlesPerSecond(), 1e-6);
  }

  @Test
  void shouldGiveTheStagesAfterADroppedArticleOnlyTheOthers() {
    List<Integer> articles = List.of(1, 2, 3, 4);
    AtomicInteger evens = new AtomicInteger();
    AtomicInteger after = new AtomicInteger();
    List<Object> seenAfter = new ArrayList<>();
    StageTimes t =
        StageChain.over(articles)
            .then("evens", () -> costing(1_000, evens, (Integer x) -> x % 2 == 0 ? x : null))
            .then(
                "after",
                () ->
                    costing(
                        4_000,
                        after,
                        (Integer x) -> {
                          seenAfter.add(x);
                          return x;
                        }))
            .measure(new MatcherBenchmark.Iterations(0, 1), clock::get);
    assertEquals(3 * 4, evens.get());
    assertEquals(3 * 2, after.get(), "only the two even articles, in each of the three passes");
    assertEquals(List.of(2, 4, 2, 4, 2, 4), seenAfter);
    assertEquals(2, t.stages().get(1).articles());
    assertEquals(4.0, t.stages().get(1).cpuMicros().median(), 1e-9, "per article it was given");
    // in sequence: 4 articles cost 4 x 1 µs + 2 x 4 µs = 12 µs, 3 µs per article given
    assertEquals(3.0, t.all().cpuMicros().median(), 1e-9);
    // the sum counts the second stage for its share of the articles: 1 + 4 x 2/4
    assertEquals(0.003, t.sumCpuMsPerArticle(), 1e-12);
  }

  @Test
  void shouldTakeTheMedianOfTheMeasuredPasses() {
    long[] perPass = {50_000, 7_000, 1_000, 3_000, 2_000};
    AtomicInteger pass = new AtomicInteger();
    StageTimes t =
        StageChain.over(List.of("a"))
            .then(
                "uneven",
                () -> {
                  long nanos = perPass[Math.min(pass.getAndIncrement(), perPass.length - 1)];
                  return x -> {
                    clock.addAndGet(nanos);
                    return x;
                  };
                })
            .measure(new MatcherBenchmark.Iterations(1, 2), clock::get);
    // functions made: preparation (50 µs), then per pass alone and all: warm-up 7 and 1, then
    // measured 3 and 2 (alone), 2 and 2 (all)
    assertEquals(List.of(3.0, 2.0), t.stages().get(0).cpuMicros().values());
    assertEquals(2.5, t.stages().get(0).cpuMicros().median(), 1e-9);
  }

  @Test
  void shouldRefuseAChainWithoutArticlesOrStages() {
    assertThrows(IllegalArgumentException.class, () -> StageChain.over(List.of()));
    StageChain<String> none = StageChain.over(List.of("a"));
    assertThrows(
        IllegalStateException.class,
        () -> none.measure(new MatcherBenchmark.Iterations(0, 1), clock::get));
  }
}
