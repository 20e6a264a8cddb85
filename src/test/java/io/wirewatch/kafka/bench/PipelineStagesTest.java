package io.wirewatch.kafka.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.bench.MatcherBenchmark;
import io.wirewatch.bench.ReutersCorpus;
import io.wirewatch.bench.StageTimes;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.WirewatchTopology;
import io.wirewatch.kafka.alert.RuleCatalog;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stages the bench times alone are the pipeline's: every article goes through each. */
class PipelineStagesTest {

  private BenchWorkload work;
  private WirewatchTopology.Stages stages;
  private RuleBook book;

  @BeforeEach
  void setUp() throws Exception {
    assumeTrue(ReutersCorpus.DEFAULT_FILES.stream().allMatch(Files::exists), "weka not installed");
    // 48 originals and 12 syndicated copies of them
    work = new BenchWorkload(60, 300, 300, 0.2, 5);
    book = new RuleBook();
    book.putAll(work.rules);
    WirewatchConfig config =
        WirewatchConfig.load(List.of(), Map.of())
            .with(WirewatchConfig.ENTITIES_NAME_FINDER.key(), "off");
    stages = Wirewatch.stages(config, new RuleCatalog(book), work.entities);
  }

  @Test
  void shouldTakeEveryArticleThroughEveryStage() {
    StageTimes t =
        PipelineStages.chain(work.values, stages, book, Instant.now())
            .measure(
                new MatcherBenchmark.Iterations(0, 1),
                ManagementFactory.getThreadMXBean()::getCurrentThreadCpuTime);
    assertEquals(
        List.of("normalise", "dedup", "tag", "match"),
        t.stages().stream().map(StageTimes.Stage::name).toList());
    t.stages().forEach(s -> assertEquals(60, s.articles(), s.name()));
    assertEquals(60, t.all().articles());
  }

  @Test
  void shouldFindTheCopiesAndTheEntities() {
    Function<byte[], EnrichedArticle> normalise =
        PipelineStages.normalise(stages.maxBodyChars(), Instant.now());
    Function<EnrichedArticle, EnrichedArticle> dedup = PipelineStages.dedup(stages.dedup());
    List<EnrichedArticle> out =
        work.values.stream()
            .map(normalise)
            .map(Objects::requireNonNull)
            .map(dedup)
            .map(a -> PipelineStages.tag(stages.tagger(), a))
            .toList();
    // the generated originals share some passages too: PipelineStagesEquivalenceTest compares
    // every verdict with the pipeline's
    assertTrue(
        out.subList(48, 60).stream().noneMatch(a -> "UNIQUE".equals(status(a))),
        "the copies are the last 12");
    assertTrue(out.stream().anyMatch(a -> !a.getEntities().isEmpty()), "entities tagged");
  }

  private static String status(EnrichedArticle a) {
    return String.valueOf(a.getDedup().getStatus());
  }
}
