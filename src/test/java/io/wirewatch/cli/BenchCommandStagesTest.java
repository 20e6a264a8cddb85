package io.wirewatch.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.bench.MatcherBenchmark;
import io.wirewatch.bench.Spread;
import io.wirewatch.bench.StageTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The bench's {@code stages} JSON: one entry per stage, all four in sequence, and their sum. */
class BenchCommandStagesTest {

  private static StageTimes.Stage stage(String name, int articles, double... micros) {
    return new StageTimes.Stage(name, articles, new Spread(Arrays.stream(micros).boxed().toList()));
  }

  @Test
  void shouldWriteEachStageAllInSequenceAndTheSum() {
    StageTimes t =
        new StageTimes(
            new MatcherBenchmark.Iterations(3, 3),
            List.of(
                stage("normalise", 1000, 20, 25, 30),
                stage("dedup", 1000, 100, 125, 150),
                stage("tag", 1000, 400, 300, 500),
                stage("match", 1000, 250, 250, 250)),
            stage("all", 1000, 800, 900, 1000));
    JsonNode j = BenchCommand.stagesJson(t);
    List<String> keys = new ArrayList<>();
    j.fieldNames().forEachRemaining(keys::add);
    assertEquals(List.of("normalise", "dedup", "tag", "match", "all", "sumOfStagesAlone"), keys);
    assertEquals(0.125, j.get("dedup").get("cpuMsPerArticle").asDouble(), 1e-9);
    assertEquals(8000.0, j.get("dedup").get("articlesPerSecond").asDouble(), 1e-9);
    assertEquals(1000, j.get("tag").get("articles").asInt());
    assertEquals(0.9, j.get("all").get("cpuMsPerArticle").asDouble(), 1e-9);
    // 0.025 + 0.125 + 0.4 + 0.25
    assertEquals(0.8, j.get("sumOfStagesAlone").get("cpuMsPerArticle").asDouble(), 1e-9);
    assertEquals(1250.0, j.get("sumOfStagesAlone").get("articlesPerSecond").asDouble(), 1e-9);
  }
}
