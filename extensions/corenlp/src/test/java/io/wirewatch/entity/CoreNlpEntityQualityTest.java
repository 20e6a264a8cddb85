package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.wirewatch.corenlp.LoadedModel;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The production tagger with the CoreNLP name finder on: the VOA sentences, where it must reach F1
 * 0.86, and the shared seed articles, where it must keep the acceptance check's 0.85 precision and
 * recall. The finder alone is scored too, for the README.
 */
class CoreNlpEntityQualityTest {

  private static final Path ENTITIES = LoadedModel.ROOT.resolve("config/entities");
  private static final Path SEEDS = LoadedModel.ROOT.resolve("../shared/seeds");

  @Test
  void shouldReachF1OfEightySixPercentOnVoaSentences() {
    List<VoaEvaluation.Doc> docs = VoaEvaluation.docs();
    assumeTrue(!docs.isEmpty(), "opennlp-tools tests jar not available");
    VoaEvaluation.score(docs, LoadedModel.finder()).print("CoreNLP CRF alone");
    EntityTagger tagger = EntityTaggers.fromConfigDir(ENTITIES, Optional.of(LoadedModel.finder()));
    VoaEvaluation.Scores scores = VoaEvaluation.score(docs, tagger);
    scores.print("knowledge base + CRF + rules");
    assertTrue(scores.f1() >= 0.86, "overall F1 " + scores.f1());
  }

  @Test
  void shouldKeepPrecisionAndRecallOnSeedArticles() {
    assumeTrue(SeedEntities.available(SEEDS), "no ../shared/seeds");
    EntityScorer scorer =
        SeedEntities.score(
            SEEDS, EntityTaggers.fromConfigDir(ENTITIES, Optional.of(LoadedModel.finder())));
    assertTrue(scorer.precision() >= 0.85, "precision " + scorer.precision());
    assertTrue(scorer.recall() >= 0.85, "recall " + scorer.recall());
  }
}
