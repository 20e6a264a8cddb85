package io.wirewatch.kafka;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import io.wirewatch.codec.JsonViews;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DashboardTopologyTest {

  @TempDir Path state;

  @Test
  void shouldCountArticlesPerMinuteBySourceAndInAll() throws Exception {
    try (PipelineDriver p = new PipelineDriver(state)) {
      p.article("a", PipelineDriver.article("a", "one.example", "A", "First text about a port."));
      p.article("b", PipelineDriver.article("b", "one.example", "B", "Second text about rain."));
      p.article("c", PipelineDriver.article("c", "two.example", "C", "Third text about grain."));

      Map<String, String> latest = p.dashboard.readKeyValuesToMap();
      JsonNode all = JsonViews.MAPPER.readTree(latest.get("volume/minute/*/2026-03-03T10:00:00Z"));
      assertEquals(3, all.get("count").asInt());
      assertEquals("volume", all.get("type").asText());
      JsonNode one =
          JsonViews.MAPPER.readTree(latest.get("volume/minute/one.example/2026-03-03T10:00:00Z"));
      assertEquals(2, one.get("count").asInt());
    }
  }
}
