package io.wirewatch.entity;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The core tagger (knowledge base and rule-based recogniser, no statistical module) on the VOA
 * sentences ({@link VoaEvaluation}). These are general news the tagger was not built on, so the
 * figures are reported, and only a floor is asserted; the CoreNLP module's own test holds the
 * production target with its model on.
 */
class VoaNameFinderEvaluationTest {

  @Test
  void shouldReportPersonOrganisationAndLocationScoresOnVoaSentences() {
    List<VoaEvaluation.Doc> docs = VoaEvaluation.docs();
    assumeTrue(!docs.isEmpty(), "opennlp-tools tests jar not available");
    EntityTagger tagger = EntityTaggers.fromConfigDir(Path.of("config/entities"));
    VoaEvaluation.Scores scores = VoaEvaluation.score(docs, tagger);
    scores.print("knowledge base + rules");
    assertTrue(scores.f1() >= 0.8, "overall F1 " + scores.f1()); // measured 0.821
  }
}
