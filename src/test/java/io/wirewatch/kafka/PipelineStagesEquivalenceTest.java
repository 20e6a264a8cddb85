package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.alert.RuleBook;
import io.wirewatch.app.Wirewatch;
import io.wirewatch.avro.EnrichedArticle;
import io.wirewatch.bench.ReutersCorpus;
import io.wirewatch.config.WirewatchConfig;
import io.wirewatch.kafka.alert.RuleCatalog;
import io.wirewatch.kafka.bench.BenchWorkload;
import io.wirewatch.kafka.bench.PipelineStages;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bench's dedup stage in one thread, with maps for the stores, gives every article of the
 * bench's mix the verdict the production topology gives it.
 */
class PipelineStagesEquivalenceTest {

  @Test
  void shouldGiveTheVerdictsOfTheDedupTopology(@TempDir Path dir) throws Exception {
    assumeTrue(ReutersCorpus.DEFAULT_FILES.stream().allMatch(Files::exists), "weka not installed");
    BenchWorkload work = new BenchWorkload(60, 10, 10, 0.2, 5);
    Instant received = Instant.parse("2026-05-01T06:00:00Z");
    Map<String, String> pipeline = new TreeMap<>();
    try (PipelineDriver driver = new PipelineDriver(dir)) {
      for (int i = 0; i < work.values.size(); i++) {
        driver.article(
            new String(work.keys.get(i), StandardCharsets.UTF_8),
            new String(work.values.get(i), StandardCharsets.UTF_8),
            received.plusSeconds(5L * i));
      }
      driver.advanceWallClock(Duration.ofMinutes(1));
      driver.enrichedArticles().forEach(a -> pipeline.put(a.getId().toString(), verdict(a)));
    }
    WirewatchTopology.Stages stages =
        Wirewatch.stages(
            WirewatchConfig.of(new java.util.Properties()), new RuleCatalog(new RuleBook()));
    Function<byte[], EnrichedArticle> normalise =
        PipelineStages.normalise(stages.maxBodyChars(), received);
    Function<EnrichedArticle, EnrichedArticle> dedup = PipelineStages.dedup(stages.dedup());
    Map<String, String> alone = new TreeMap<>();
    for (byte[] value : work.values) {
      EnrichedArticle a = dedup.apply(normalise.apply(value));
      alone.put(a.getId().toString(), verdict(a));
    }
    assertEquals(60, pipeline.size());
    assertTrue(
        pipeline.values().stream().filter(v -> !v.startsWith("UNIQUE")).count() >= 12,
        "the copies are found: " + pipeline);
    assertEquals(pipeline, alone);
  }

  private static String verdict(EnrichedArticle a) {
    return a.getDedup().getStatus()
        + " of "
        + a.getDedup().getCanonicalId()
        + " at "
        + a.getDedup().getSimilarity()
        + ", story "
        + a.getDedup().getStoryId();
  }
}
