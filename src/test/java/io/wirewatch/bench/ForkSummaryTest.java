package io.wirewatch.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForkSummaryTest {

  private static final List<Map<String, Double>> THREE_FORKS =
      List.of(
          fork(240.0, 100.0, 110.0), // a fast minute
          fork(320.0, 140.0, 150.0), // the machine a third slower
          fork(280.0, 112.0, 130.0));

  @Test
  void shouldGiveEachPartsMedianOverForksWithItsRangeAndEachFork() {
    ForkSummary summary = ForkSummary.of(THREE_FORKS);
    assertEquals(
        List.of("fingerprintBefore", "wholeArticle unique", "wholeArticle copy"),
        List.copyOf(summary.parts().keySet()));
    Spread unique = summary.parts().get("wholeArticle unique");
    assertEquals(112.0, unique.median());
    assertEquals(100.0, unique.min());
    assertEquals(140.0, unique.max());
    assertEquals(List.of(100.0, 140.0, 112.0), unique.values());
  }

  @Test
  void shouldReadEachWholeArticleAgainstTheReferenceOfItsOwnFork() {
    ForkSummary summary = ForkSummary.of(THREE_FORKS);
    assertEquals(
        List.of("wholeArticle unique / fingerprintBefore", "wholeArticle copy / fingerprintBefore"),
        List.copyOf(summary.ratios().keySet()));
    Spread unique = summary.ratios().get("wholeArticle unique / fingerprintBefore");
    assertEquals(List.of(100.0 / 240, 140.0 / 320, 112.0 / 280), unique.values());
    assertEquals(100.0 / 240, unique.median());
  }

  @Test
  void shouldPrintOneRowPerPartAndRatio() {
    List<String> table = ForkSummary.of(THREE_FORKS).table();
    assertEquals(6, table.size());
    assertTrue(table.get(0).contains("µs CPU/op"));
    assertTrue(table.get(2).startsWith("wholeArticle unique "));
    assertTrue(table.get(2).endsWith("   100.0 140.0 112.0"), table.get(2));
    assertTrue(table.get(4).endsWith("   0.417 0.438 0.400"), table.get(4));
  }

  @Test
  void shouldGiveNoRatioWithoutTheReference() {
    ForkSummary summary = ForkSummary.of(List.of(Map.of("wholeArticle copy", 120.0)));
    assertTrue(summary.ratios().isEmpty());
  }

  @Test
  void shouldRefuseForksThatMeasuredDifferentParts() {
    Map<String, Double> other = new LinkedHashMap<>(THREE_FORKS.get(0));
    other.remove("wholeArticle copy");
    assertThrows(
        IllegalArgumentException.class, () -> ForkSummary.of(List.of(THREE_FORKS.get(0), other)));
    assertThrows(IllegalArgumentException.class, () -> ForkSummary.of(List.of()));
  }

  @Test
  void shouldReadAForksReportLinesAndLeaveTheOthersForPeople() {
    ForkReport report = new ForkReport();
    assertTrue(report.accept(ForkReport.partLine("wholeArticle unique", 123.45678)));
    assertTrue(report.accept(ForkReport.setupLine("index unique", 14.25)));
    assertFalse(report.accept("wholeArticle unique   CPU   123.5 us/op (median of 4 rounds)"));
    assertFalse(report.accept(""));
    assertEquals(Map.of("wholeArticle unique", 123.4568), report.medians());
    assertEquals(Map.of("index unique", 14.25), report.setupSeconds());
    assertThrows(IllegalArgumentException.class, () -> report.accept("#fork-part\tx\tfast"));
    assertThrows(IllegalArgumentException.class, () -> report.accept("#fork-part\tx"));
  }

  @Test
  void shouldWriteTheSummaryWithHowItWasMeasured() throws Exception {
    CpuBenchOptions options =
        CpuBenchOptions.parse(List.of("3", "--forks", "3", "--only", "whole", "--json", "x"));
    String json =
        ForkSummaryJson.json(
            ForkSummary.of(THREE_FORKS),
            new ForkSummaryJson.RunFacts(
                Instant.parse("2026-12-02T17:00:00Z"),
                "bin/bench-dedup cpu 3 --forks 3 --only whole --json x",
                "OpenJDK 64-Bit Server VM 17.0.15",
                List.of("-Xmx8g", "-XX:+UseParallelGC"),
                options,
                List.of(101.5, 99.04, 100.0),
                List.of(Map.of("index unique", 14.0), Map.of(), Map.of()),
                List.of(3.5, 4.0, 2.25)));
    JsonNode root = new ObjectMapper().readTree(json);
    assertEquals("2026-12-02T17:00:00Z", root.get("date").asText());
    assertEquals(
        "bin/bench-dedup cpu 3 --forks 3 --only whole --json x", root.get("command").asText());
    assertEquals("-Xmx8g", root.get("jvmFlags").get(0).asText());
    assertEquals("whole", root.get("only").asText());
    assertEquals(3, root.get("forks").asInt());
    assertEquals(99.0, root.get("forkSeconds").get(1).asDouble());
    assertEquals(14.0, root.get("setupSeconds").get(0).get("index unique").asDouble());
    JsonNode unique = root.get("parts").get("wholeArticle unique");
    assertEquals(112.0, unique.get("median").asDouble());
    assertEquals(100.0, unique.get("min").asDouble());
    assertEquals(140.0, unique.get("max").asDouble());
    assertEquals(140.0, unique.get("forks").get(1).asDouble());
    assertEquals("µs CPU/op", unique.get("unit").asText());
    JsonNode ratio = root.get("ratiosToReference").get("wholeArticle unique / fingerprintBefore");
    assertEquals(0.4167, ratio.get("median").asDouble());
    assertEquals(0.4375, ratio.get("forks").get(1).asDouble());
  }

  private static Map<String, Double> fork(double reference, double unique, double copy) {
    Map<String, Double> parts = new LinkedHashMap<>();
    parts.put("fingerprintBefore", reference);
    parts.put("wholeArticle unique", unique);
    parts.put("wholeArticle copy", copy);
    return parts;
  }
}
