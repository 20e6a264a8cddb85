package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The production tagger on the shared seed articles, scored as the acceptance check scores them.
 */
class SeedEntitiesQualityTest {

  private static final Path SEEDS = Path.of("../shared/seeds");

  @Test
  void shouldReachPrecisionAndRecallOfEightyFivePercentOnSeedArticles() {
    assumeTrue(SeedEntities.available(SEEDS), "no ../shared/seeds");
    EntityScorer scorer =
        SeedEntities.score(SEEDS, EntityTaggers.fromConfigDir(Path.of("config/entities")));
    assertTrue(scorer.precision() >= 0.85, "precision " + scorer.precision());
    assertTrue(scorer.recall() >= 0.85, "recall " + scorer.recall());
  }
}
